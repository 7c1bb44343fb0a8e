package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Lanes.f32High;
import static org.wasmvm.core.interp.simd.Lanes.f32Low;
import static org.wasmvm.core.interp.simd.Lanes.f32s;
import static org.wasmvm.core.interp.simd.Lanes.f64;
import static org.wasmvm.core.interp.simd.Lanes.mask;
import static org.wasmvm.core.interp.simd.Lanes.nan;

import org.wasmvm.core.interp.NumericOps;

/**
 * f32x4 and f64x2 arithmetic and comparisons, lane-wise on one half ({@code lo} from the {@code lo}s,
 * {@code hi} from the {@code hi}s): a half holds two f32 lanes or one f64 lane, as raw bits. The scalar
 * instructions' helpers in {@link NumericOps} give the rounding, square root and min/max rules (NaN
 * propagation, -0 below +0); abs and neg work on the sign bit so a NaN keeps its payload, and
 * pmin/pmax return one of their operands' bits as the spec defines them.
 */
public final class FloatLanes {
    // the scalar opcodes NumericOps.f32Unary and f64Unary take
    private static final int F32_CEIL = 0x8D, F32_FLOOR = 0x8E, F32_TRUNC = 0x8F, F32_NEAREST = 0x90, F32_SQRT = 0x91;
    private static final int F64_CEIL = 0x9B, F64_FLOOR = 0x9C, F64_TRUNC = 0x9D, F64_NEAREST = 0x9E, F64_SQRT = 0x9F;

    private FloatLanes() {
    }

    public static long f32x4Abs(long a) {
        return a & 0x7FFF_FFFF_7FFF_FFFFL;
    }

    public static long f32x4Neg(long a) {
        return a ^ 0x8000_0000_8000_0000L;
    }

    public static long f32x4Sqrt(long a) {
        return f32Unary(F32_SQRT, a);
    }

    public static long f32x4Ceil(long a) {
        return f32Unary(F32_CEIL, a);
    }

    public static long f32x4Floor(long a) {
        return f32Unary(F32_FLOOR, a);
    }

    public static long f32x4Trunc(long a) {
        return f32Unary(F32_TRUNC, a);
    }

    public static long f32x4Nearest(long a) {
        return f32Unary(F32_NEAREST, a);
    }

    public static long f32x4Add(long a, long b) {
        float a0 = f32Low(a), b0 = f32Low(b), a1 = f32High(a), b1 = f32High(b);
        return f32s(nan(a0 + b0, a0, b0), nan(a1 + b1, a1, b1));
    }

    public static long f32x4Sub(long a, long b) {
        float a0 = f32Low(a), b0 = f32Low(b), a1 = f32High(a), b1 = f32High(b);
        return f32s(nan(a0 - b0, a0, b0), nan(a1 - b1, a1, b1));
    }

    public static long f32x4Mul(long a, long b) {
        float a0 = f32Low(a), b0 = f32Low(b), a1 = f32High(a), b1 = f32High(b);
        return f32s(nan(a0 * b0, a0, b0), nan(a1 * b1, a1, b1));
    }

    public static long f32x4Div(long a, long b) {
        float a0 = f32Low(a), b0 = f32Low(b), a1 = f32High(a), b1 = f32High(b);
        return f32s(nan(a0 / b0, a0, b0), nan(a1 / b1, a1, b1));
    }

    public static long f32x4Min(long a, long b) {
        return Lanes.pack32((int) NumericOps.f32Min(a, b), (int) NumericOps.f32Min(a >>> 32, b >>> 32));
    }

    public static long f32x4Max(long a, long b) {
        return Lanes.pack32((int) NumericOps.f32Max(a, b), (int) NumericOps.f32Max(a >>> 32, b >>> 32));
    }

    /** b &lt; a ? b : a, per lane: a NaN or a zero of either sign in a is kept. */
    public static long f32x4Pmin(long a, long b) {
        return Lanes.pack32(f32Low(b) < f32Low(a) ? (int) b : (int) a,
                f32High(b) < f32High(a) ? (int) (b >>> 32) : (int) (a >>> 32));
    }

    /** a &lt; b ? b : a, per lane. */
    public static long f32x4Pmax(long a, long b) {
        return Lanes.pack32(f32Low(a) < f32Low(b) ? (int) b : (int) a,
                f32High(a) < f32High(b) ? (int) (b >>> 32) : (int) (a >>> 32));
    }

    public static long f32x4Eq(long a, long b) {
        return Lanes.pack32(mask(f32Low(a) == f32Low(b)), mask(f32High(a) == f32High(b)));
    }

    public static long f32x4Ne(long a, long b) {
        return Lanes.pack32(mask(f32Low(a) != f32Low(b)), mask(f32High(a) != f32High(b)));
    }

    public static long f32x4Lt(long a, long b) {
        return Lanes.pack32(mask(f32Low(a) < f32Low(b)), mask(f32High(a) < f32High(b)));
    }

    public static long f32x4Gt(long a, long b) {
        return Lanes.pack32(mask(f32Low(a) > f32Low(b)), mask(f32High(a) > f32High(b)));
    }

    public static long f32x4Le(long a, long b) {
        return Lanes.pack32(mask(f32Low(a) <= f32Low(b)), mask(f32High(a) <= f32High(b)));
    }

    public static long f32x4Ge(long a, long b) {
        return Lanes.pack32(mask(f32Low(a) >= f32Low(b)), mask(f32High(a) >= f32High(b)));
    }

    public static long f64x2Abs(long a) {
        return a & Long.MAX_VALUE;
    }

    public static long f64x2Neg(long a) {
        return a ^ Long.MIN_VALUE;
    }

    public static long f64x2Sqrt(long a) {
        return NumericOps.f64Unary(F64_SQRT, a);
    }

    public static long f64x2Ceil(long a) {
        return NumericOps.f64Unary(F64_CEIL, a);
    }

    public static long f64x2Floor(long a) {
        return NumericOps.f64Unary(F64_FLOOR, a);
    }

    public static long f64x2Trunc(long a) {
        return NumericOps.f64Unary(F64_TRUNC, a);
    }

    public static long f64x2Nearest(long a) {
        return NumericOps.f64Unary(F64_NEAREST, a);
    }

    public static long f64x2Add(long a, long b) {
        double x = f64(a), y = f64(b);
        return Lanes.bits(nan(x + y, x, y));
    }

    public static long f64x2Sub(long a, long b) {
        double x = f64(a), y = f64(b);
        return Lanes.bits(nan(x - y, x, y));
    }

    public static long f64x2Mul(long a, long b) {
        double x = f64(a), y = f64(b);
        return Lanes.bits(nan(x * y, x, y));
    }

    public static long f64x2Div(long a, long b) {
        double x = f64(a), y = f64(b);
        return Lanes.bits(nan(x / y, x, y));
    }

    public static long f64x2Min(long a, long b) {
        return NumericOps.f64Min(a, b);
    }

    public static long f64x2Max(long a, long b) {
        return NumericOps.f64Max(a, b);
    }

    public static long f64x2Pmin(long a, long b) {
        return f64(b) < f64(a) ? b : a;
    }

    public static long f64x2Pmax(long a, long b) {
        return f64(a) < f64(b) ? b : a;
    }

    public static long f64x2Eq(long a, long b) {
        return mask(f64(a) == f64(b));
    }

    public static long f64x2Ne(long a, long b) {
        return mask(f64(a) != f64(b));
    }

    public static long f64x2Lt(long a, long b) {
        return mask(f64(a) < f64(b));
    }

    public static long f64x2Gt(long a, long b) {
        return mask(f64(a) > f64(b));
    }

    public static long f64x2Le(long a, long b) {
        return mask(f64(a) <= f64(b));
    }

    public static long f64x2Ge(long a, long b) {
        return mask(f64(a) >= f64(b));
    }

    /** NumericOps.f32Unary reads the low 32 bits of its operand, so each lane is shifted down to it. */
    private static long f32Unary(int op, long a) {
        return Lanes.pack32((int) NumericOps.f32Unary(op, a), (int) NumericOps.f32Unary(op, a >>> 32));
    }
}
