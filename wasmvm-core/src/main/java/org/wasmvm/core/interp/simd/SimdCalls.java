package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.binary.SimdOpcodes.*;


/**
 * Which method of this package computes each SIMD instruction, and how the halves of its operands
 * and result are wired to it (its {@link Shape}): the description code generators read, so that the
 * compiler calls the same methods on the same halves as the interpreter's {@code SimdHandlers}, which
 * calls them directly (a switch per shape, faster there than a table). {@code SimdCallsTest} checks
 * that the two name the same method for every instruction.
 */
public final class SimdCalls {
    /** How an instruction's halves meet its method; {@code lo} is bytes 0-7, {@code hi} bytes 8-15. */
    public enum Shape {
        /** {@code (J)J} on {@code lo}, then on {@code hi}. */
        UNARY,
        /** {@code (JJ)J} on the two {@code lo}s, then the two {@code hi}s. */
        BINARY,
        /** {@code (JJJ)J} likewise. */
        TERNARY,
        /** {@code (JI)J}: each half and the i32 count. */
        SHIFT,
        /** {@code (JJ)I}: both halves to an i32. */
        REDUCE,
        /** {@code (JJ)J}: the result's {@code lo} from both halves of the first operand, {@code hi} from the second's. */
        NARROW,
        /** {@code (JJ)J}: {@code lo} from both halves of the operand; {@code hi} is 0. */
        ZERO,
        /** {@code (I)J}: the result's {@code lo} from the low 32 bits of the operand's {@code lo}, {@code hi} from its high 32 bits. */
        WIDEN_LOW,
        /** As {@link #WIDEN_LOW}, from the operand's {@code hi}. */
        WIDEN_HIGH,
        /** {@code (II)J}: as {@link #WIDEN_LOW}, from the same 32 bits of both operands. */
        EXTMUL_LOW,
        /** As {@link #EXTMUL_LOW}, from the operands' {@code hi}. */
        EXTMUL_HIGH,
        /** {@code (I)J} from the scalar, the same for both halves; no method for a 64-bit lane (the half is the scalar). */
        SPLAT,
        /** {@code (JI)I}: the lane (an immediate) of the half that holds it; no method for a 64-bit lane. */
        EXTRACT,
        /** {@code (JII)J}: that half with the lane replaced by the scalar; no method for a 64-bit lane. */
        REPLACE,
        /** {@code (JJJJJ)J}: both operands' halves and the half's 8 constant indexes. */
        SHUFFLE,
        /** {@code (JJJ)J}: the operand's halves and the indexes' {@code lo}, then their {@code hi}. */
        SWIZZLE,
        /** {@code v128.const}. */
        CONST,
        /** {@code v128.load}: 16 bytes, the upper 8 checked first. */
        LOAD,
        /** {@code v128.store}: 16 bytes, the upper 8 checked and written first, so one that does not fit writes nothing. */
        STORE,
        /** {@code (I)J} as {@link #WIDEN_LOW} on 8 bytes loaded. */
        LOAD_EXTEND,
        /** {@link #SPLAT} of a lane's bytes, zero-extended. */
        LOAD_SPLAT,
        /** A lane's bytes into {@code lo}, zero-extended; {@code hi} is 0. */
        LOAD_ZERO,
        /** {@link #REPLACE} by a lane's bytes. */
        LOAD_LANE,
        /** {@link #EXTRACT} (zero-extended), then stored in the lane's bytes. */
        STORE_LANE
    }

    /** An instruction's shape and method ({@code owner} and {@code method} null where the shape says there is none). */
    public record Call(Shape shape, Class<?> owner, String method) {
    }

    private static final Call[] CALLS = new Call[I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S + 1];

    private SimdCalls() {
    }

    /** The call of the defined sub-opcode {@code sub}. */
    public static Call of(int sub) {
        return CALLS[sub];
    }

    /** The lane count of an instruction with a lane index: the index picks the half, below half of it {@code lo}. */
    public static int lanes(int sub) {
        return switch (sub) {
            case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U, I8X16_REPLACE_LANE, V128_LOAD8_LANE, V128_STORE8_LANE -> 16;
            case I16X8_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_U, I16X8_REPLACE_LANE, V128_LOAD16_LANE, V128_STORE16_LANE -> 8;
            case I32X4_EXTRACT_LANE, I32X4_REPLACE_LANE, F32X4_EXTRACT_LANE, F32X4_REPLACE_LANE, V128_LOAD32_LANE,
                    V128_STORE32_LANE -> 4;
            default -> 2;
        };
    }

    /** The byte width of a lane load's or store's memory access ({@code v128.load8_splat} … {@code v128.store64_lane}). */
    public static int accessBytes(int sub) {
        return switch (sub) {
            case V128_LOAD8_SPLAT, V128_LOAD8_LANE, V128_STORE8_LANE -> 1;
            case V128_LOAD16_SPLAT, V128_LOAD16_LANE, V128_STORE16_LANE -> 2;
            case V128_LOAD32_SPLAT, V128_LOAD32_LANE, V128_STORE32_LANE, V128_LOAD32_ZERO -> 4;
            default -> 8;
        };
    }

    private static void put(int sub, Shape shape, Class<?> owner, String method) {
        if (CALLS[sub] != null) {
            throw new IllegalStateException("0x" + Integer.toHexString(sub) + " twice");
        }
        CALLS[sub] = new Call(shape, owner, method);
    }

    static {
        put(V128_CONST, Shape.CONST, null, null);
        put(V128_LOAD, Shape.LOAD, null, null);
        put(V128_STORE, Shape.STORE, null, null);
        put(V128_LOAD32_ZERO, Shape.LOAD_ZERO, null, null);
        put(V128_LOAD64_ZERO, Shape.LOAD_ZERO, null, null);
        put(I8X16_SHUFFLE, Shape.SHUFFLE, LaneMoves.class, "i8x16Shuffle");
        put(I8X16_SWIZZLE, Shape.SWIZZLE, LaneMoves.class, "i8x16Swizzle");
        put(I8X16_RELAXED_SWIZZLE, Shape.SWIZZLE, LaneMoves.class, "i8x16Swizzle");
        put(V128_NOT, Shape.UNARY, BitwiseLanes.class, "v128Not");
        put(I8X16_POPCNT, Shape.UNARY, BitwiseLanes.class, "i8x16Popcnt");
        put(I32X4_TRUNC_SAT_F32X4_S, Shape.UNARY, FloatConversions.class, "i32x4TruncSatF32x4S");
        put(I32X4_TRUNC_SAT_F32X4_U, Shape.UNARY, FloatConversions.class, "i32x4TruncSatF32x4U");
        put(F32X4_CONVERT_I32X4_S, Shape.UNARY, FloatConversions.class, "f32x4ConvertI32x4S");
        put(F32X4_CONVERT_I32X4_U, Shape.UNARY, FloatConversions.class, "f32x4ConvertI32x4U");
        put(F32X4_ABS, Shape.UNARY, FloatLanes.class, "f32x4Abs");
        put(F32X4_NEG, Shape.UNARY, FloatLanes.class, "f32x4Neg");
        put(F32X4_SQRT, Shape.UNARY, FloatLanes.class, "f32x4Sqrt");
        put(F32X4_CEIL, Shape.UNARY, FloatLanes.class, "f32x4Ceil");
        put(F32X4_FLOOR, Shape.UNARY, FloatLanes.class, "f32x4Floor");
        put(F32X4_TRUNC, Shape.UNARY, FloatLanes.class, "f32x4Trunc");
        put(F32X4_NEAREST, Shape.UNARY, FloatLanes.class, "f32x4Nearest");
        put(F64X2_ABS, Shape.UNARY, FloatLanes.class, "f64x2Abs");
        put(F64X2_NEG, Shape.UNARY, FloatLanes.class, "f64x2Neg");
        put(F64X2_SQRT, Shape.UNARY, FloatLanes.class, "f64x2Sqrt");
        put(F64X2_CEIL, Shape.UNARY, FloatLanes.class, "f64x2Ceil");
        put(F64X2_FLOOR, Shape.UNARY, FloatLanes.class, "f64x2Floor");
        put(F64X2_TRUNC, Shape.UNARY, FloatLanes.class, "f64x2Trunc");
        put(F64X2_NEAREST, Shape.UNARY, FloatLanes.class, "f64x2Nearest");
        put(I8X16_ABS, Shape.UNARY, IntegerLanes.class, "i8x16Abs");
        put(I8X16_NEG, Shape.UNARY, IntegerLanes.class, "i8x16Neg");
        put(I16X8_ABS, Shape.UNARY, IntegerLanes.class, "i16x8Abs");
        put(I16X8_NEG, Shape.UNARY, IntegerLanes.class, "i16x8Neg");
        put(I32X4_ABS, Shape.UNARY, IntegerLanes.class, "i32x4Abs");
        put(I32X4_NEG, Shape.UNARY, IntegerLanes.class, "i32x4Neg");
        put(I64X2_ABS, Shape.UNARY, IntegerLanes.class, "i64x2Abs");
        put(I64X2_NEG, Shape.UNARY, IntegerLanes.class, "i64x2Neg");
        put(I32X4_RELAXED_TRUNC_F32X4_S, Shape.UNARY, RelaxedLanes.class, "i32x4RelaxedTruncF32x4S");
        put(I32X4_RELAXED_TRUNC_F32X4_U, Shape.UNARY, RelaxedLanes.class, "i32x4RelaxedTruncF32x4U");
        put(I16X8_EXTADD_PAIRWISE_I8X16_S, Shape.UNARY, WideningLanes.class, "i16x8ExtaddPairwiseI8x16S");
        put(I16X8_EXTADD_PAIRWISE_I8X16_U, Shape.UNARY, WideningLanes.class, "i16x8ExtaddPairwiseI8x16U");
        put(I32X4_EXTADD_PAIRWISE_I16X8_S, Shape.UNARY, WideningLanes.class, "i32x4ExtaddPairwiseI16x8S");
        put(I32X4_EXTADD_PAIRWISE_I16X8_U, Shape.UNARY, WideningLanes.class, "i32x4ExtaddPairwiseI16x8U");
        put(V128_AND, Shape.BINARY, BitwiseLanes.class, "v128And");
        put(V128_ANDNOT, Shape.BINARY, BitwiseLanes.class, "v128Andnot");
        put(V128_OR, Shape.BINARY, BitwiseLanes.class, "v128Or");
        put(V128_XOR, Shape.BINARY, BitwiseLanes.class, "v128Xor");
        put(F32X4_ADD, Shape.BINARY, FloatLanes.class, "f32x4Add");
        put(F32X4_SUB, Shape.BINARY, FloatLanes.class, "f32x4Sub");
        put(F32X4_MUL, Shape.BINARY, FloatLanes.class, "f32x4Mul");
        put(F32X4_DIV, Shape.BINARY, FloatLanes.class, "f32x4Div");
        put(F32X4_MIN, Shape.BINARY, FloatLanes.class, "f32x4Min");
        put(F32X4_MAX, Shape.BINARY, FloatLanes.class, "f32x4Max");
        put(F32X4_PMIN, Shape.BINARY, FloatLanes.class, "f32x4Pmin");
        put(F32X4_PMAX, Shape.BINARY, FloatLanes.class, "f32x4Pmax");
        put(F32X4_EQ, Shape.BINARY, FloatLanes.class, "f32x4Eq");
        put(F32X4_NE, Shape.BINARY, FloatLanes.class, "f32x4Ne");
        put(F32X4_LT, Shape.BINARY, FloatLanes.class, "f32x4Lt");
        put(F32X4_GT, Shape.BINARY, FloatLanes.class, "f32x4Gt");
        put(F32X4_LE, Shape.BINARY, FloatLanes.class, "f32x4Le");
        put(F32X4_GE, Shape.BINARY, FloatLanes.class, "f32x4Ge");
        put(F64X2_ADD, Shape.BINARY, FloatLanes.class, "f64x2Add");
        put(F64X2_SUB, Shape.BINARY, FloatLanes.class, "f64x2Sub");
        put(F64X2_MUL, Shape.BINARY, FloatLanes.class, "f64x2Mul");
        put(F64X2_DIV, Shape.BINARY, FloatLanes.class, "f64x2Div");
        put(F64X2_MIN, Shape.BINARY, FloatLanes.class, "f64x2Min");
        put(F64X2_MAX, Shape.BINARY, FloatLanes.class, "f64x2Max");
        put(F64X2_PMIN, Shape.BINARY, FloatLanes.class, "f64x2Pmin");
        put(F64X2_PMAX, Shape.BINARY, FloatLanes.class, "f64x2Pmax");
        put(F64X2_EQ, Shape.BINARY, FloatLanes.class, "f64x2Eq");
        put(F64X2_NE, Shape.BINARY, FloatLanes.class, "f64x2Ne");
        put(F64X2_LT, Shape.BINARY, FloatLanes.class, "f64x2Lt");
        put(F64X2_GT, Shape.BINARY, FloatLanes.class, "f64x2Gt");
        put(F64X2_LE, Shape.BINARY, FloatLanes.class, "f64x2Le");
        put(F64X2_GE, Shape.BINARY, FloatLanes.class, "f64x2Ge");
        put(I8X16_EQ, Shape.BINARY, IntegerComparisons.class, "i8x16Eq");
        put(I8X16_NE, Shape.BINARY, IntegerComparisons.class, "i8x16Ne");
        put(I8X16_LT_S, Shape.BINARY, IntegerComparisons.class, "i8x16LtS");
        put(I8X16_LT_U, Shape.BINARY, IntegerComparisons.class, "i8x16LtU");
        put(I8X16_GT_S, Shape.BINARY, IntegerComparisons.class, "i8x16GtS");
        put(I8X16_GT_U, Shape.BINARY, IntegerComparisons.class, "i8x16GtU");
        put(I8X16_LE_S, Shape.BINARY, IntegerComparisons.class, "i8x16LeS");
        put(I8X16_LE_U, Shape.BINARY, IntegerComparisons.class, "i8x16LeU");
        put(I8X16_GE_S, Shape.BINARY, IntegerComparisons.class, "i8x16GeS");
        put(I8X16_GE_U, Shape.BINARY, IntegerComparisons.class, "i8x16GeU");
        put(I16X8_EQ, Shape.BINARY, IntegerComparisons.class, "i16x8Eq");
        put(I16X8_NE, Shape.BINARY, IntegerComparisons.class, "i16x8Ne");
        put(I16X8_LT_S, Shape.BINARY, IntegerComparisons.class, "i16x8LtS");
        put(I16X8_LT_U, Shape.BINARY, IntegerComparisons.class, "i16x8LtU");
        put(I16X8_GT_S, Shape.BINARY, IntegerComparisons.class, "i16x8GtS");
        put(I16X8_GT_U, Shape.BINARY, IntegerComparisons.class, "i16x8GtU");
        put(I16X8_LE_S, Shape.BINARY, IntegerComparisons.class, "i16x8LeS");
        put(I16X8_LE_U, Shape.BINARY, IntegerComparisons.class, "i16x8LeU");
        put(I16X8_GE_S, Shape.BINARY, IntegerComparisons.class, "i16x8GeS");
        put(I16X8_GE_U, Shape.BINARY, IntegerComparisons.class, "i16x8GeU");
        put(I32X4_EQ, Shape.BINARY, IntegerComparisons.class, "i32x4Eq");
        put(I32X4_NE, Shape.BINARY, IntegerComparisons.class, "i32x4Ne");
        put(I32X4_LT_S, Shape.BINARY, IntegerComparisons.class, "i32x4LtS");
        put(I32X4_LT_U, Shape.BINARY, IntegerComparisons.class, "i32x4LtU");
        put(I32X4_GT_S, Shape.BINARY, IntegerComparisons.class, "i32x4GtS");
        put(I32X4_GT_U, Shape.BINARY, IntegerComparisons.class, "i32x4GtU");
        put(I32X4_LE_S, Shape.BINARY, IntegerComparisons.class, "i32x4LeS");
        put(I32X4_LE_U, Shape.BINARY, IntegerComparisons.class, "i32x4LeU");
        put(I32X4_GE_S, Shape.BINARY, IntegerComparisons.class, "i32x4GeS");
        put(I32X4_GE_U, Shape.BINARY, IntegerComparisons.class, "i32x4GeU");
        put(I64X2_EQ, Shape.BINARY, IntegerComparisons.class, "i64x2Eq");
        put(I64X2_NE, Shape.BINARY, IntegerComparisons.class, "i64x2Ne");
        put(I64X2_LT_S, Shape.BINARY, IntegerComparisons.class, "i64x2LtS");
        put(I64X2_GT_S, Shape.BINARY, IntegerComparisons.class, "i64x2GtS");
        put(I64X2_LE_S, Shape.BINARY, IntegerComparisons.class, "i64x2LeS");
        put(I64X2_GE_S, Shape.BINARY, IntegerComparisons.class, "i64x2GeS");
        put(I8X16_ADD, Shape.BINARY, IntegerLanes.class, "i8x16Add");
        put(I8X16_ADD_SAT_S, Shape.BINARY, IntegerLanes.class, "i8x16AddSatS");
        put(I8X16_ADD_SAT_U, Shape.BINARY, IntegerLanes.class, "i8x16AddSatU");
        put(I8X16_SUB, Shape.BINARY, IntegerLanes.class, "i8x16Sub");
        put(I8X16_SUB_SAT_S, Shape.BINARY, IntegerLanes.class, "i8x16SubSatS");
        put(I8X16_SUB_SAT_U, Shape.BINARY, IntegerLanes.class, "i8x16SubSatU");
        put(I8X16_MIN_S, Shape.BINARY, IntegerLanes.class, "i8x16MinS");
        put(I8X16_MIN_U, Shape.BINARY, IntegerLanes.class, "i8x16MinU");
        put(I8X16_MAX_S, Shape.BINARY, IntegerLanes.class, "i8x16MaxS");
        put(I8X16_MAX_U, Shape.BINARY, IntegerLanes.class, "i8x16MaxU");
        put(I8X16_AVGR_U, Shape.BINARY, IntegerLanes.class, "i8x16AvgrU");
        put(I16X8_Q15MULR_SAT_S, Shape.BINARY, IntegerLanes.class, "i16x8Q15mulrSatS");
        put(I16X8_ADD, Shape.BINARY, IntegerLanes.class, "i16x8Add");
        put(I16X8_ADD_SAT_S, Shape.BINARY, IntegerLanes.class, "i16x8AddSatS");
        put(I16X8_ADD_SAT_U, Shape.BINARY, IntegerLanes.class, "i16x8AddSatU");
        put(I16X8_SUB, Shape.BINARY, IntegerLanes.class, "i16x8Sub");
        put(I16X8_SUB_SAT_S, Shape.BINARY, IntegerLanes.class, "i16x8SubSatS");
        put(I16X8_SUB_SAT_U, Shape.BINARY, IntegerLanes.class, "i16x8SubSatU");
        put(I16X8_MUL, Shape.BINARY, IntegerLanes.class, "i16x8Mul");
        put(I16X8_MIN_S, Shape.BINARY, IntegerLanes.class, "i16x8MinS");
        put(I16X8_MIN_U, Shape.BINARY, IntegerLanes.class, "i16x8MinU");
        put(I16X8_MAX_S, Shape.BINARY, IntegerLanes.class, "i16x8MaxS");
        put(I16X8_MAX_U, Shape.BINARY, IntegerLanes.class, "i16x8MaxU");
        put(I16X8_AVGR_U, Shape.BINARY, IntegerLanes.class, "i16x8AvgrU");
        put(I32X4_ADD, Shape.BINARY, IntegerLanes.class, "i32x4Add");
        put(I32X4_SUB, Shape.BINARY, IntegerLanes.class, "i32x4Sub");
        put(I32X4_MUL, Shape.BINARY, IntegerLanes.class, "i32x4Mul");
        put(I32X4_MIN_S, Shape.BINARY, IntegerLanes.class, "i32x4MinS");
        put(I32X4_MIN_U, Shape.BINARY, IntegerLanes.class, "i32x4MinU");
        put(I32X4_MAX_S, Shape.BINARY, IntegerLanes.class, "i32x4MaxS");
        put(I32X4_MAX_U, Shape.BINARY, IntegerLanes.class, "i32x4MaxU");
        put(I64X2_ADD, Shape.BINARY, IntegerLanes.class, "i64x2Add");
        put(I64X2_SUB, Shape.BINARY, IntegerLanes.class, "i64x2Sub");
        put(I64X2_MUL, Shape.BINARY, IntegerLanes.class, "i64x2Mul");
        put(F32X4_RELAXED_MIN, Shape.BINARY, RelaxedLanes.class, "f32x4RelaxedMin");
        put(F32X4_RELAXED_MAX, Shape.BINARY, RelaxedLanes.class, "f32x4RelaxedMax");
        put(F64X2_RELAXED_MIN, Shape.BINARY, RelaxedLanes.class, "f64x2RelaxedMin");
        put(F64X2_RELAXED_MAX, Shape.BINARY, RelaxedLanes.class, "f64x2RelaxedMax");
        put(I16X8_RELAXED_Q15MULR_S, Shape.BINARY, RelaxedLanes.class, "i16x8RelaxedQ15mulrS");
        put(I16X8_RELAXED_DOT_I8X16_I7X16_S, Shape.BINARY, RelaxedLanes.class, "i16x8RelaxedDotI8x16I7x16S");
        put(I32X4_DOT_I16X8_S, Shape.BINARY, WideningLanes.class, "i32x4DotI16x8S");
        put(V128_BITSELECT, Shape.TERNARY, BitwiseLanes.class, "v128Bitselect");
        put(F32X4_RELAXED_MADD, Shape.TERNARY, RelaxedLanes.class, "f32x4RelaxedMadd");
        put(F32X4_RELAXED_NMADD, Shape.TERNARY, RelaxedLanes.class, "f32x4RelaxedNmadd");
        put(F64X2_RELAXED_MADD, Shape.TERNARY, RelaxedLanes.class, "f64x2RelaxedMadd");
        put(F64X2_RELAXED_NMADD, Shape.TERNARY, RelaxedLanes.class, "f64x2RelaxedNmadd");
        put(I8X16_RELAXED_LANESELECT, Shape.TERNARY, RelaxedLanes.class, "i8x16RelaxedLaneselect");
        put(I16X8_RELAXED_LANESELECT, Shape.TERNARY, RelaxedLanes.class, "i16x8RelaxedLaneselect");
        put(I32X4_RELAXED_LANESELECT, Shape.TERNARY, RelaxedLanes.class, "i32x4RelaxedLaneselect");
        put(I64X2_RELAXED_LANESELECT, Shape.TERNARY, RelaxedLanes.class, "i64x2RelaxedLaneselect");
        put(I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, Shape.TERNARY, RelaxedLanes.class, "i32x4RelaxedDotI8x16I7x16AddS");
        put(I8X16_SHL, Shape.SHIFT, BitwiseLanes.class, "i8x16Shl");
        put(I8X16_SHR_S, Shape.SHIFT, BitwiseLanes.class, "i8x16ShrS");
        put(I8X16_SHR_U, Shape.SHIFT, BitwiseLanes.class, "i8x16ShrU");
        put(I16X8_SHL, Shape.SHIFT, BitwiseLanes.class, "i16x8Shl");
        put(I16X8_SHR_S, Shape.SHIFT, BitwiseLanes.class, "i16x8ShrS");
        put(I16X8_SHR_U, Shape.SHIFT, BitwiseLanes.class, "i16x8ShrU");
        put(I32X4_SHL, Shape.SHIFT, BitwiseLanes.class, "i32x4Shl");
        put(I32X4_SHR_S, Shape.SHIFT, BitwiseLanes.class, "i32x4ShrS");
        put(I32X4_SHR_U, Shape.SHIFT, BitwiseLanes.class, "i32x4ShrU");
        put(I64X2_SHL, Shape.SHIFT, BitwiseLanes.class, "i64x2Shl");
        put(I64X2_SHR_S, Shape.SHIFT, BitwiseLanes.class, "i64x2ShrS");
        put(I64X2_SHR_U, Shape.SHIFT, BitwiseLanes.class, "i64x2ShrU");
        put(V128_ANY_TRUE, Shape.REDUCE, BitwiseLanes.class, "v128AnyTrue");
        put(I8X16_BITMASK, Shape.REDUCE, LaneMoves.class, "i8x16Bitmask");
        put(I16X8_BITMASK, Shape.REDUCE, LaneMoves.class, "i16x8Bitmask");
        put(I32X4_BITMASK, Shape.REDUCE, LaneMoves.class, "i32x4Bitmask");
        put(I64X2_BITMASK, Shape.REDUCE, LaneMoves.class, "i64x2Bitmask");
        put(I8X16_ALL_TRUE, Shape.REDUCE, LaneMoves.class, "i8x16AllTrue");
        put(I16X8_ALL_TRUE, Shape.REDUCE, LaneMoves.class, "i16x8AllTrue");
        put(I32X4_ALL_TRUE, Shape.REDUCE, LaneMoves.class, "i32x4AllTrue");
        put(I64X2_ALL_TRUE, Shape.REDUCE, LaneMoves.class, "i64x2AllTrue");
        put(I8X16_NARROW_I16X8_S, Shape.NARROW, WideningLanes.class, "i8x16NarrowI16x8S");
        put(I8X16_NARROW_I16X8_U, Shape.NARROW, WideningLanes.class, "i8x16NarrowI16x8U");
        put(I16X8_NARROW_I32X4_S, Shape.NARROW, WideningLanes.class, "i16x8NarrowI32x4S");
        put(I16X8_NARROW_I32X4_U, Shape.NARROW, WideningLanes.class, "i16x8NarrowI32x4U");
        put(F32X4_DEMOTE_F64X2_ZERO, Shape.ZERO, FloatConversions.class, "f32x4DemoteF64x2Zero");
        put(I32X4_TRUNC_SAT_F64X2_S_ZERO, Shape.ZERO, FloatConversions.class, "i32x4TruncSatF64x2SZero");
        put(I32X4_TRUNC_SAT_F64X2_U_ZERO, Shape.ZERO, FloatConversions.class, "i32x4TruncSatF64x2UZero");
        put(I32X4_RELAXED_TRUNC_F64X2_S_ZERO, Shape.ZERO, RelaxedLanes.class, "i32x4RelaxedTruncF64x2SZero");
        put(I32X4_RELAXED_TRUNC_F64X2_U_ZERO, Shape.ZERO, RelaxedLanes.class, "i32x4RelaxedTruncF64x2UZero");
        put(F64X2_PROMOTE_LOW_F32X4, Shape.WIDEN_LOW, FloatConversions.class, "f64x2PromoteLowF32x4");
        put(F64X2_CONVERT_LOW_I32X4_S, Shape.WIDEN_LOW, FloatConversions.class, "f64x2ConvertLowI32x4S");
        put(F64X2_CONVERT_LOW_I32X4_U, Shape.WIDEN_LOW, FloatConversions.class, "f64x2ConvertLowI32x4U");
        put(I16X8_EXTEND_LOW_I8X16_S, Shape.WIDEN_LOW, WideningLanes.class, "i16x8ExtendI8x16S");
        put(I16X8_EXTEND_HIGH_I8X16_S, Shape.WIDEN_HIGH, WideningLanes.class, "i16x8ExtendI8x16S");
        put(I16X8_EXTEND_LOW_I8X16_U, Shape.WIDEN_LOW, WideningLanes.class, "i16x8ExtendI8x16U");
        put(I16X8_EXTEND_HIGH_I8X16_U, Shape.WIDEN_HIGH, WideningLanes.class, "i16x8ExtendI8x16U");
        put(I32X4_EXTEND_LOW_I16X8_S, Shape.WIDEN_LOW, WideningLanes.class, "i32x4ExtendI16x8S");
        put(I32X4_EXTEND_HIGH_I16X8_S, Shape.WIDEN_HIGH, WideningLanes.class, "i32x4ExtendI16x8S");
        put(I32X4_EXTEND_LOW_I16X8_U, Shape.WIDEN_LOW, WideningLanes.class, "i32x4ExtendI16x8U");
        put(I32X4_EXTEND_HIGH_I16X8_U, Shape.WIDEN_HIGH, WideningLanes.class, "i32x4ExtendI16x8U");
        put(I64X2_EXTEND_LOW_I32X4_S, Shape.WIDEN_LOW, WideningLanes.class, "i64x2ExtendI32x4S");
        put(I64X2_EXTEND_HIGH_I32X4_S, Shape.WIDEN_HIGH, WideningLanes.class, "i64x2ExtendI32x4S");
        put(I64X2_EXTEND_LOW_I32X4_U, Shape.WIDEN_LOW, WideningLanes.class, "i64x2ExtendI32x4U");
        put(I64X2_EXTEND_HIGH_I32X4_U, Shape.WIDEN_HIGH, WideningLanes.class, "i64x2ExtendI32x4U");
        put(I16X8_EXTMUL_LOW_I8X16_S, Shape.EXTMUL_LOW, WideningLanes.class, "i16x8ExtmulI8x16S");
        put(I16X8_EXTMUL_HIGH_I8X16_S, Shape.EXTMUL_HIGH, WideningLanes.class, "i16x8ExtmulI8x16S");
        put(I16X8_EXTMUL_LOW_I8X16_U, Shape.EXTMUL_LOW, WideningLanes.class, "i16x8ExtmulI8x16U");
        put(I16X8_EXTMUL_HIGH_I8X16_U, Shape.EXTMUL_HIGH, WideningLanes.class, "i16x8ExtmulI8x16U");
        put(I32X4_EXTMUL_LOW_I16X8_S, Shape.EXTMUL_LOW, WideningLanes.class, "i32x4ExtmulI16x8S");
        put(I32X4_EXTMUL_HIGH_I16X8_S, Shape.EXTMUL_HIGH, WideningLanes.class, "i32x4ExtmulI16x8S");
        put(I32X4_EXTMUL_LOW_I16X8_U, Shape.EXTMUL_LOW, WideningLanes.class, "i32x4ExtmulI16x8U");
        put(I32X4_EXTMUL_HIGH_I16X8_U, Shape.EXTMUL_HIGH, WideningLanes.class, "i32x4ExtmulI16x8U");
        put(I64X2_EXTMUL_LOW_I32X4_S, Shape.EXTMUL_LOW, WideningLanes.class, "i64x2ExtmulI32x4S");
        put(I64X2_EXTMUL_HIGH_I32X4_S, Shape.EXTMUL_HIGH, WideningLanes.class, "i64x2ExtmulI32x4S");
        put(I64X2_EXTMUL_LOW_I32X4_U, Shape.EXTMUL_LOW, WideningLanes.class, "i64x2ExtmulI32x4U");
        put(I64X2_EXTMUL_HIGH_I32X4_U, Shape.EXTMUL_HIGH, WideningLanes.class, "i64x2ExtmulI32x4U");
        put(I8X16_SPLAT, Shape.SPLAT, LaneMoves.class, "i8x16Splat");
        put(I16X8_SPLAT, Shape.SPLAT, LaneMoves.class, "i16x8Splat");
        put(I32X4_SPLAT, Shape.SPLAT, LaneMoves.class, "i32x4Splat");
        put(I64X2_SPLAT, Shape.SPLAT, null, null);
        put(F32X4_SPLAT, Shape.SPLAT, LaneMoves.class, "i32x4Splat");
        put(F64X2_SPLAT, Shape.SPLAT, null, null);
        put(V128_LOAD8_SPLAT, Shape.LOAD_SPLAT, LaneMoves.class, "i8x16Splat");
        put(V128_LOAD16_SPLAT, Shape.LOAD_SPLAT, LaneMoves.class, "i16x8Splat");
        put(V128_LOAD32_SPLAT, Shape.LOAD_SPLAT, LaneMoves.class, "i32x4Splat");
        put(V128_LOAD64_SPLAT, Shape.LOAD_SPLAT, null, null);
        put(I8X16_EXTRACT_LANE_S, Shape.EXTRACT, LaneMoves.class, "i8x16ExtractLaneS");
        put(I8X16_EXTRACT_LANE_U, Shape.EXTRACT, LaneMoves.class, "i8x16ExtractLaneU");
        put(I16X8_EXTRACT_LANE_S, Shape.EXTRACT, LaneMoves.class, "i16x8ExtractLaneS");
        put(I16X8_EXTRACT_LANE_U, Shape.EXTRACT, LaneMoves.class, "i16x8ExtractLaneU");
        put(I32X4_EXTRACT_LANE, Shape.EXTRACT, LaneMoves.class, "i32x4ExtractLane");
        put(I64X2_EXTRACT_LANE, Shape.EXTRACT, null, null);
        put(F32X4_EXTRACT_LANE, Shape.EXTRACT, LaneMoves.class, "i32x4ExtractLane");
        put(F64X2_EXTRACT_LANE, Shape.EXTRACT, null, null);
        put(V128_STORE8_LANE, Shape.STORE_LANE, LaneMoves.class, "i8x16ExtractLaneU");
        put(V128_STORE16_LANE, Shape.STORE_LANE, LaneMoves.class, "i16x8ExtractLaneU");
        put(V128_STORE32_LANE, Shape.STORE_LANE, LaneMoves.class, "i32x4ExtractLane");
        put(V128_STORE64_LANE, Shape.STORE_LANE, null, null);
        put(I8X16_REPLACE_LANE, Shape.REPLACE, LaneMoves.class, "i8x16ReplaceLane");
        put(I16X8_REPLACE_LANE, Shape.REPLACE, LaneMoves.class, "i16x8ReplaceLane");
        put(I32X4_REPLACE_LANE, Shape.REPLACE, LaneMoves.class, "i32x4ReplaceLane");
        put(I64X2_REPLACE_LANE, Shape.REPLACE, null, null);
        put(F32X4_REPLACE_LANE, Shape.REPLACE, LaneMoves.class, "i32x4ReplaceLane");
        put(F64X2_REPLACE_LANE, Shape.REPLACE, null, null);
        put(V128_LOAD8_LANE, Shape.LOAD_LANE, LaneMoves.class, "i8x16ReplaceLane");
        put(V128_LOAD16_LANE, Shape.LOAD_LANE, LaneMoves.class, "i16x8ReplaceLane");
        put(V128_LOAD32_LANE, Shape.LOAD_LANE, LaneMoves.class, "i32x4ReplaceLane");
        put(V128_LOAD64_LANE, Shape.LOAD_LANE, null, null);
        put(V128_LOAD8X8_S, Shape.LOAD_EXTEND, WideningLanes.class, "i16x8ExtendI8x16S");
        put(V128_LOAD8X8_U, Shape.LOAD_EXTEND, WideningLanes.class, "i16x8ExtendI8x16U");
        put(V128_LOAD16X4_S, Shape.LOAD_EXTEND, WideningLanes.class, "i32x4ExtendI16x8S");
        put(V128_LOAD16X4_U, Shape.LOAD_EXTEND, WideningLanes.class, "i32x4ExtendI16x8U");
        put(V128_LOAD32X2_S, Shape.LOAD_EXTEND, WideningLanes.class, "i64x2ExtendI32x4S");
        put(V128_LOAD32X2_U, Shape.LOAD_EXTEND, WideningLanes.class, "i64x2ExtendI32x4U");
        for (int sub = 0; sub < CALLS.length; sub++) {
            if (isDefined(sub) != (CALLS[sub] != null)) {
                throw new IllegalStateException("0x" + Integer.toHexString(sub) + (CALLS[sub] == null ? " has no call" : " is no instruction"));
            }
        }
    }
}
