package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.Opcodes.*;
import static org.wasmvm.core.interp.NumericOps.bits;
import static org.wasmvm.core.interp.NumericOps.f32;
import static org.wasmvm.core.interp.NumericOps.f64;

/**
 * The numeric instructions the dispatch loop leaves to {@link Interpreter}'s cold path: float
 * comparisons, bit counts, float rounding, min/max and sign, i64 division, conversions, sign
 * extension and the saturating truncations. Each reads its operand slots and writes its result slot
 * relative to the frame pointer {@code fp}, like the loop's own cases, and returns the next pc.
 */
final class NumericHandlers {
    private NumericHandlers() {
    }

    static int execute(int op, long[] s, int fp, int[] c, int pc) {
        switch (op) {
            case F32_EQ -> s[fp + c[pc]] = f32(s[fp + c[pc + 1]]) == f32(s[fp + c[pc + 2]]) ? 1 : 0;
            case F32_NE -> s[fp + c[pc]] = f32(s[fp + c[pc + 1]]) != f32(s[fp + c[pc + 2]]) ? 1 : 0;
            case F32_LT -> s[fp + c[pc]] = f32(s[fp + c[pc + 1]]) < f32(s[fp + c[pc + 2]]) ? 1 : 0;
            case F32_GT -> s[fp + c[pc]] = f32(s[fp + c[pc + 1]]) > f32(s[fp + c[pc + 2]]) ? 1 : 0;
            case F32_LE -> s[fp + c[pc]] = f32(s[fp + c[pc + 1]]) <= f32(s[fp + c[pc + 2]]) ? 1 : 0;
            case F32_GE -> s[fp + c[pc]] = f32(s[fp + c[pc + 1]]) >= f32(s[fp + c[pc + 2]]) ? 1 : 0;
            case I32_CLZ -> s[fp + c[pc]] = Integer.numberOfLeadingZeros((int) s[fp + c[pc + 1]]);
            case I32_CTZ -> s[fp + c[pc]] = Integer.numberOfTrailingZeros((int) s[fp + c[pc + 1]]);
            case I32_POPCNT -> s[fp + c[pc]] = Integer.bitCount((int) s[fp + c[pc + 1]]);
            case I64_CLZ -> s[fp + c[pc]] = Long.numberOfLeadingZeros(s[fp + c[pc + 1]]);
            case I64_CTZ -> s[fp + c[pc]] = Long.numberOfTrailingZeros(s[fp + c[pc + 1]]);
            case I64_POPCNT -> s[fp + c[pc]] = Long.bitCount(s[fp + c[pc + 1]]);
            case F32_ABS -> s[fp + c[pc]] = s[fp + c[pc + 1]] & 0x7FFF_FFFFL;
            case F32_NEG -> s[fp + c[pc]] = (s[fp + c[pc + 1]] ^ 0x8000_0000L) & 0xFFFF_FFFFL;
            case F32_CEIL -> s[fp + c[pc]] = NumericOps.f32Unary(op, s[fp + c[pc + 1]]);
            case F32_FLOOR -> s[fp + c[pc]] = NumericOps.f32Unary(op, s[fp + c[pc + 1]]);
            case F32_TRUNC -> s[fp + c[pc]] = NumericOps.f32Unary(op, s[fp + c[pc + 1]]);
            case F32_NEAREST -> s[fp + c[pc]] = NumericOps.f32Unary(op, s[fp + c[pc + 1]]);
            case F32_SQRT -> s[fp + c[pc]] = NumericOps.f32Unary(op, s[fp + c[pc + 1]]);
            case F32_MIN -> s[fp + c[pc]] = NumericOps.f32Min(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case F32_MAX -> s[fp + c[pc]] = NumericOps.f32Max(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case F32_COPYSIGN -> s[fp + c[pc]] = (s[fp + c[pc + 1]] & 0x7FFF_FFFFL) | (s[fp + c[pc + 2]] & 0x8000_0000L);
            case F64_ABS -> s[fp + c[pc]] = s[fp + c[pc + 1]] & Long.MAX_VALUE;
            case F64_CEIL -> s[fp + c[pc]] = NumericOps.f64Unary(op, s[fp + c[pc + 1]]);
            case F64_FLOOR -> s[fp + c[pc]] = NumericOps.f64Unary(op, s[fp + c[pc + 1]]);
            case F64_TRUNC -> s[fp + c[pc]] = NumericOps.f64Unary(op, s[fp + c[pc + 1]]);
            case F64_NEAREST -> s[fp + c[pc]] = NumericOps.f64Unary(op, s[fp + c[pc + 1]]);
            case F64_SQRT -> s[fp + c[pc]] = NumericOps.f64Unary(op, s[fp + c[pc + 1]]);
            case F64_MIN -> s[fp + c[pc]] = NumericOps.f64Min(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case F64_MAX -> s[fp + c[pc]] = NumericOps.f64Max(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case F64_COPYSIGN -> s[fp + c[pc]] = (s[fp + c[pc + 1]] & Long.MAX_VALUE) | (s[fp + c[pc + 2]] & Long.MIN_VALUE);
            // i64 division is rarer than i32's: out here it leaves the dispatch loop's C2 inlining budget to memory access
            case I64_DIV_S -> s[fp + c[pc]] = NumericOps.i64DivS(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case I64_DIV_U -> s[fp + c[pc]] = NumericOps.i64DivU(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case I64_REM_S -> s[fp + c[pc]] = NumericOps.i64RemS(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case I64_REM_U -> s[fp + c[pc]] = NumericOps.i64RemU(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
            case I32_TRUNC_F32_S -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case I32_TRUNC_F32_U -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case I32_TRUNC_F64_S -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case I32_TRUNC_F64_U -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case I64_TRUNC_F32_S -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case I64_TRUNC_F32_U -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case I64_TRUNC_F64_S -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case I64_TRUNC_F64_U -> s[fp + c[pc]] = NumericOps.truncate(op, s[fp + c[pc + 1]]);
            case F32_CONVERT_I32_S -> s[fp + c[pc]] = bits((float) (int) s[fp + c[pc + 1]]);
            case F32_CONVERT_I32_U -> s[fp + c[pc]] = bits((float) (s[fp + c[pc + 1]] & 0xFFFFFFFFL));
            case F32_CONVERT_I64_S -> s[fp + c[pc]] = bits((float) s[fp + c[pc + 1]]);
            case F32_CONVERT_I64_U -> s[fp + c[pc]] = bits(NumericOps.u64ToF32(s[fp + c[pc + 1]]));
            case F32_DEMOTE_F64 -> s[fp + c[pc]] = bits((float) f64(s[fp + c[pc + 1]]));
            case F64_CONVERT_I32_U -> s[fp + c[pc]] = bits((double) (s[fp + c[pc + 1]] & 0xFFFFFFFFL));
            case F64_CONVERT_I64_S -> s[fp + c[pc]] = bits((double) s[fp + c[pc + 1]]);
            case F64_CONVERT_I64_U -> s[fp + c[pc]] = bits(NumericOps.u64ToF64(s[fp + c[pc + 1]]));
            case F64_PROMOTE_F32 -> s[fp + c[pc]] = bits((double) f32(s[fp + c[pc + 1]]));
            case I32_EXTEND8_S -> s[fp + c[pc]] = (byte) s[fp + c[pc + 1]];
            case I32_EXTEND16_S -> s[fp + c[pc]] = (short) s[fp + c[pc + 1]];
            case I64_EXTEND8_S -> s[fp + c[pc]] = (byte) s[fp + c[pc + 1]];
            case I64_EXTEND16_S -> s[fp + c[pc]] = (short) s[fp + c[pc + 1]];
            case I64_EXTEND32_S -> s[fp + c[pc]] = (int) s[fp + c[pc + 1]];
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(op));
        }
        return pc + (isBinary(op) ? 3 : 2);
    }

    private static boolean isBinary(int op) {
        return switch (op) {
            case F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE, F32_MIN, F32_MAX, F32_COPYSIGN, F64_MIN, F64_MAX, F64_COPYSIGN,
                    I64_DIV_S, I64_DIV_U, I64_REM_S, I64_REM_U -> true;
            default -> false;
        };
    }

    /** {@code i32/i64.trunc_sat_f32/f64_s/u}: 0xFC sub-opcodes 0 to 7. */
    static int truncateSaturating(int sub, long[] s, int fp, int[] c, int pc) {
        s[fp + c[pc]] = NumericOps.truncateSaturating(sub, s[fp + c[pc + 1]]);
        return pc + 2;
    }
}
