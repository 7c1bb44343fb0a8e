package org.wasmvm.core.interp.simd;

import java.util.function.IntToLongFunction;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.ToIntBiFunction;
import org.wasmvm.core.interp.simd.SimdVectors.Op;

/**
 * How each kind of instruction calls the library for a whole vector: the wiring the tiers do, once,
 * here. Operands are {@code {lo, hi}} (v128) or {@code {value}} (scalar), see {@link SimdVectors}.
 */
final class Ops {
    private Ops() {
    }

    interface Ternary {
        long apply(long a, long b, long c);
    }

    interface Shift {
        long apply(long half, int count);
    }

    interface Widen2 {
        long apply(int a, int b);
    }

    interface Extract {
        long apply(long half, int lane);
    }

    interface Replace {
        long apply(long half, int lane, int value);
    }

    static long[] v128(long lo, long hi) {
        return new long[] {lo, hi};
    }

    /** Lane-wise: lo from the lo halves, hi from the hi halves. */
    static Op unary(LongUnaryOperator f) {
        return (in, imm) -> v128(f.applyAsLong(in[0][0]), f.applyAsLong(in[0][1]));
    }

    static Op binary(LongBinaryOperator f) {
        return (in, imm) -> v128(f.applyAsLong(in[0][0], in[1][0]), f.applyAsLong(in[0][1], in[1][1]));
    }

    static Op ternary(Ternary f) {
        return (in, imm) -> v128(f.apply(in[0][0], in[1][0], in[2][0]), f.apply(in[0][1], in[1][1], in[2][1]));
    }

    static Op shift(Shift f) {
        return (in, imm) -> v128(f.apply(in[0][0], (int) in[1][0]), f.apply(in[0][1], (int) in[1][0]));
    }

    /** A whole vector to an i32 (any_true, all_true, bitmask). */
    static Op reduce(ToIntBiFunction<Long, Long> f) {
        return (in, imm) -> new long[] {f.applyAsInt(in[0][0], in[0][1])};
    }

    /** Narrowing: lo from the first operand's two halves, hi from the second's. */
    static Op narrow(LongBinaryOperator f) {
        return (in, imm) -> v128(f.applyAsLong(in[0][0], in[0][1]), f.applyAsLong(in[1][0], in[1][1]));
    }

    /** Two lanes into the low half of the result, the high half zero (*_zero). */
    static Op zero(LongBinaryOperator f) {
        return (in, imm) -> v128(f.applyAsLong(in[0][0], in[0][1]), 0);
    }

    /** Widening from one half of the operand: lo from its low 32 bits, hi from its high 32 bits. */
    static Op widen(IntToLongFunction f, boolean high) {
        return (in, imm) -> {
            long half = in[0][high ? 1 : 0];
            return v128(f.applyAsLong((int) half), f.applyAsLong((int) (half >>> 32)));
        };
    }

    static Op widen2(Widen2 f, boolean high) {
        return (in, imm) -> {
            long a = in[0][high ? 1 : 0];
            long b = in[1][high ? 1 : 0];
            return v128(f.apply((int) a, (int) b), f.apply((int) (a >>> 32), (int) (b >>> 32)));
        };
    }

    /** The extending loads: the loaded 64-bit value (the scalar operand) widened. */
    static Op loadExtend(IntToLongFunction f) {
        return (in, imm) -> v128(f.applyAsLong((int) in[0][0]), f.applyAsLong((int) (in[0][0] >>> 32)));
    }

    /** A splat of the scalar operand; {@code f == null} for a 64-bit lane, which is the half itself. */
    static Op splat(IntToLongFunction f) {
        return (in, imm) -> {
            long half = f == null ? in[0][0] : f.applyAsLong((int) in[0][0]);
            return v128(half, half);
        };
    }

    /** Extract lane {@code imm} of a shape with {@code lanes} lanes from the half holding it; {@code f == null}: the half. */
    static Op extract(int lanes, Extract f) {
        return (in, imm) -> {
            int lane = Integer.parseInt(imm);
            long half = in[0][lane < lanes / 2 ? 0 : 1];
            return new long[] {f == null ? half : f.apply(half, lane)};
        };
    }

    /** Replace lane {@code imm} with the scalar operand, in the half holding it; {@code f == null}: the half becomes it. */
    static Op replace(int lanes, Replace f) {
        return (in, imm) -> {
            int lane = Integer.parseInt(imm);
            long[] result = in[0].clone();
            int half = lane < lanes / 2 ? 0 : 1;
            result[half] = f == null ? in[1][0] : f.apply(result[half], lane, (int) in[1][0]);
            return result;
        };
    }
}
