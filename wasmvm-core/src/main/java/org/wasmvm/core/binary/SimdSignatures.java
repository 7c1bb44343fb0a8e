package org.wasmvm.core.binary;

import static org.wasmvm.core.binary.SimdOpcodes.*;

/**
 * The types of the SIMD instructions without immediates, by sub-opcode: {@code p1 | p2 << 4 | p3 << 8 | result << 12},
 * unused parameters {@link #NONE}, 0 for the instructions that have immediates (the validator's {@code SimdRules}
 * types those) and for unused codes. The type codes are the validator's ({@code validate.Types}); the lowering
 * reads the operand count. Most take and give {@code v128}; the exceptions are the splats, the
 * tests and bitmasks (to {@code i32}) and the shifts (a count {@code i32}).
 */
public final class SimdSignatures {
    /** Type codes of the packed signatures, the same as the validator's operand types. */
    public static final int I32 = 1, I64 = 2, F32 = 3, F64 = 4, V128 = 5, NONE = 15;

    private static final int[] SIGNATURES = new int[I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S + 1];

    private SimdSignatures() {
    }

    /** The packed signature of {@code sub}, a defined sub-opcode; 0 when it has immediates. */
    public static int of(int sub) {
        return SIGNATURES[sub];
    }

    /** How many operands {@code sub}, a defined sub-opcode without immediates, pops. */
    public static int operandCount(int sub) {
        int signature = SIGNATURES[sub];
        int count = 0;
        for (int shift = 0; shift < 12 && (signature >>> shift & 0xF) != NONE; shift += 4) {
            count++;
        }
        return count;
    }

    /** Sets the codes {@code from..to}, each of which must be an instruction: a typo in a range fails the class. */
    private static void range(int from, int to, int result, int p1, int p2, int p3) {
        for (int sub = from; sub <= to; sub++) {
            if (!SimdOpcodes.isDefined(sub)) {
                throw new IllegalStateException("0x" + Integer.toHexString(sub) + " is not a SIMD instruction");
            }
            SIGNATURES[sub] = p1 | p2 << 4 | p3 << 8 | result << 12;
        }
    }

    private static void unary(int from, int to) {
        range(from, to, V128, V128, NONE, NONE);
    }

    private static void binary(int from, int to) {
        range(from, to, V128, V128, V128, NONE);
    }

    private static void ternary(int from, int to) {
        range(from, to, V128, V128, V128, V128);
    }

    /** The tests ({@code any_true}, {@code all_true}) and bitmasks. */
    private static void toI32(int from, int to) {
        range(from, to, I32, V128, NONE, NONE);
    }

    private static void shift(int from, int to) {
        range(from, to, V128, V128, I32, NONE);
    }

    private static void splat(int sub, int lane) {
        range(sub, sub, V128, lane, NONE, NONE);
    }

    static {
        splat(I8X16_SPLAT, I32);
        splat(I16X8_SPLAT, I32);
        splat(I32X4_SPLAT, I32);
        splat(I64X2_SPLAT, I64);
        splat(F32X4_SPLAT, F32);
        splat(F64X2_SPLAT, F64);
        binary(I8X16_SWIZZLE, I8X16_SWIZZLE);
        binary(I8X16_EQ, F64X2_GE);
        unary(V128_NOT, V128_NOT);
        binary(V128_AND, V128_XOR);
        ternary(V128_BITSELECT, V128_BITSELECT);
        toI32(V128_ANY_TRUE, V128_ANY_TRUE);
        unary(F32X4_DEMOTE_F64X2_ZERO, I8X16_POPCNT);
        toI32(I8X16_ALL_TRUE, I8X16_BITMASK);
        binary(I8X16_NARROW_I16X8_S, I8X16_NARROW_I16X8_U);
        unary(F32X4_CEIL, F32X4_NEAREST);
        shift(I8X16_SHL, I8X16_SHR_U);
        binary(I8X16_ADD, I8X16_SUB_SAT_U);
        unary(F64X2_CEIL, F64X2_FLOOR);
        binary(I8X16_MIN_S, I8X16_MAX_U);
        unary(F64X2_TRUNC, F64X2_TRUNC);
        binary(I8X16_AVGR_U, I8X16_AVGR_U);
        unary(I16X8_EXTADD_PAIRWISE_I8X16_S, I16X8_NEG);
        binary(I16X8_Q15MULR_SAT_S, I16X8_Q15MULR_SAT_S);
        toI32(I16X8_ALL_TRUE, I16X8_BITMASK);
        binary(I16X8_NARROW_I32X4_S, I16X8_NARROW_I32X4_U);
        unary(I16X8_EXTEND_LOW_I8X16_S, I16X8_EXTEND_HIGH_I8X16_U);
        shift(I16X8_SHL, I16X8_SHR_U);
        binary(I16X8_ADD, I16X8_SUB_SAT_U);
        unary(F64X2_NEAREST, F64X2_NEAREST);
        binary(I16X8_MUL, I16X8_MAX_U);
        binary(I16X8_AVGR_U, I16X8_EXTMUL_HIGH_I8X16_U);
        unary(I32X4_ABS, I32X4_NEG);
        toI32(I32X4_ALL_TRUE, I32X4_BITMASK);
        unary(I32X4_EXTEND_LOW_I16X8_S, I32X4_EXTEND_HIGH_I16X8_U);
        shift(I32X4_SHL, I32X4_SHR_U);
        binary(I32X4_ADD, I32X4_ADD);
        binary(I32X4_SUB, I32X4_SUB);
        binary(I32X4_MUL, I32X4_DOT_I16X8_S);
        binary(I32X4_EXTMUL_LOW_I16X8_S, I32X4_EXTMUL_HIGH_I16X8_U);
        unary(I64X2_ABS, I64X2_NEG);
        toI32(I64X2_ALL_TRUE, I64X2_BITMASK);
        unary(I64X2_EXTEND_LOW_I32X4_S, I64X2_EXTEND_HIGH_I32X4_U);
        shift(I64X2_SHL, I64X2_SHR_U);
        binary(I64X2_ADD, I64X2_ADD);
        binary(I64X2_SUB, I64X2_SUB);
        binary(I64X2_MUL, I64X2_EXTMUL_HIGH_I32X4_U);
        unary(F32X4_ABS, F32X4_NEG);
        unary(F32X4_SQRT, F32X4_SQRT);
        binary(F32X4_ADD, F32X4_PMAX);
        unary(F64X2_ABS, F64X2_NEG);
        unary(F64X2_SQRT, F64X2_SQRT);
        binary(F64X2_ADD, F64X2_PMAX);
        unary(I32X4_TRUNC_SAT_F32X4_S, F64X2_CONVERT_LOW_I32X4_U);
        binary(I8X16_RELAXED_SWIZZLE, I8X16_RELAXED_SWIZZLE);
        unary(I32X4_RELAXED_TRUNC_F32X4_S, I32X4_RELAXED_TRUNC_F64X2_U_ZERO);
        ternary(F32X4_RELAXED_MADD, I64X2_RELAXED_LANESELECT);
        binary(F32X4_RELAXED_MIN, I16X8_RELAXED_DOT_I8X16_I7X16_S);
        ternary(I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S);
    }
}
