package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.SimdOpcodes.*;

import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.interp.simd.BitwiseLanes;
import org.wasmvm.core.interp.simd.FloatConversions;
import org.wasmvm.core.interp.simd.FloatLanes;
import org.wasmvm.core.interp.simd.IntegerComparisons;
import org.wasmvm.core.interp.simd.IntegerLanes;
import org.wasmvm.core.interp.simd.LaneMoves;
import org.wasmvm.core.interp.simd.RelaxedLanes;
import org.wasmvm.core.interp.simd.SimdCalls;
import org.wasmvm.core.interp.simd.WideningLanes;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.GlobalInstance;
import org.wasmvm.core.runtime.LinearMemory;

/**
 * The SIMD instructions, lowered at {@link Op#SIMD_BASE} + sub-opcode, out of the dispatch loop. A
 * {@code v128} is its low half in the value slots {@code s} and its high half in {@code h}, at the same
 * slot numbers; a scalar operand or result is in {@code s} alone. Each instruction calls the lane
 * arithmetic of {@link org.wasmvm.core.interp.simd} once per half, as the shapes below say; every operand
 * is read before the result is written, since the result may go to an operand's local. The memory forms
 * are in {@link SimdMemoryHandlers}. Returns the pc after the instruction.
 */
final class SimdHandlers {
    private SimdHandlers() {
    }

    static int execute(int op, long[] s, long[] h, int fp, int[] c, int pc, LinearMemory[] memories,
            GlobalInstance[] globals) {
        int sub = op - Op.SIMD_BASE;
        int d = fp + c[pc];
        if (op == Op.GLOBAL_GET_V128 || op == Op.GLOBAL_SET_V128) {
            GlobalInstance global = globals[c[pc + 1]];
            if (op == Op.GLOBAL_GET_V128) {
                write(s, h, d, global.value, global.high);
            } else {
                global.value = s[d];
                global.high = h[d];
            }
            return pc + 2;
        }
        // over the instruction's shape, a few dense keys, not its sub-opcode: C1, which compiles this in the
        // tiered engine, tests a switch's cases one by one, and the sub-opcodes of a shape lie all over their range
        switch (SimdCalls.of(sub).shape()) {
            case CONST -> {
                write(s, h, d, half(c, pc + 1), half(c, pc + 3));
                return pc + 5;
            }
            case SHUFFLE -> {
                int a = fp + c[pc + 1];
                int b = fp + c[pc + 2];
                long aLo = s[a], aHi = h[a], bLo = s[b], bHi = h[b];
                write(s, h, d, LaneMoves.i8x16Shuffle(aLo, aHi, bLo, bHi, half(c, pc + 3)),
                        LaneMoves.i8x16Shuffle(aLo, aHi, bLo, bHi, half(c, pc + 5)));
                return pc + 7;
            }
            case UNARY -> {
                int a = fp + c[pc + 1];
                write(s, h, d, laneWise(sub, s[a]), laneWise(sub, h[a]));
            }
            case BINARY -> {
                int a = fp + c[pc + 1];
                int b = fp + c[pc + 2];
                write(s, h, d, laneWise(sub, s[a], s[b]), laneWise(sub, h[a], h[b]));
                return pc + 3;
            }
            case TERNARY -> {
                int a = fp + c[pc + 1];
                int b = fp + c[pc + 2];
                int m = fp + c[pc + 3];
                write(s, h, d, laneWise(sub, s[a], s[b], s[m]), laneWise(sub, h[a], h[b], h[m]));
                return pc + 4;
            }
            case SHIFT -> {
                int a = fp + c[pc + 1];
                int count = (int) s[fp + c[pc + 2]];
                write(s, h, d, shift(sub, s[a], count), shift(sub, h[a], count));
                return pc + 3;
            }
            case REDUCE -> {
                int a = fp + c[pc + 1];
                s[d] = reduce(sub, s[a], h[a]);
            }
            case SWIZZLE -> {
                int a = fp + c[pc + 1];
                int b = fp + c[pc + 2];
                long aLo = s[a], aHi = h[a], bLo = s[b], bHi = h[b];
                write(s, h, d, LaneMoves.i8x16Swizzle(aLo, aHi, bLo), LaneMoves.i8x16Swizzle(aLo, aHi, bHi));
                return pc + 3;
            }
            case NARROW -> {
                int a = fp + c[pc + 1];
                int b = fp + c[pc + 2];
                write(s, h, d, acrossHalves(sub, s[a], h[a]), acrossHalves(sub, s[b], h[b]));
                return pc + 3;
            }
            case ZERO -> {
                int a = fp + c[pc + 1];
                write(s, h, d, acrossHalves(sub, s[a], h[a]), 0);
            }
            case WIDEN_LOW -> {
                long half = s[fp + c[pc + 1]];
                write(s, h, d, widen(sub, (int) half), widen(sub, (int) (half >>> 32)));
            }
            case WIDEN_HIGH -> {
                long half = h[fp + c[pc + 1]];
                write(s, h, d, widen(sub, (int) half), widen(sub, (int) (half >>> 32)));
            }
            case EXTMUL_LOW -> {
                long a = s[fp + c[pc + 1]];
                long b = s[fp + c[pc + 2]];
                write(s, h, d, widen(sub, (int) a, (int) b), widen(sub, (int) (a >>> 32), (int) (b >>> 32)));
                return pc + 3;
            }
            case EXTMUL_HIGH -> {
                long a = h[fp + c[pc + 1]];
                long b = h[fp + c[pc + 2]];
                write(s, h, d, widen(sub, (int) a, (int) b), widen(sub, (int) (a >>> 32), (int) (b >>> 32)));
                return pc + 3;
            }
            case SPLAT -> {
                long half = splat(sub, s[fp + c[pc + 1]]);
                write(s, h, d, half, half);
            }
            case EXTRACT -> {
                int a = fp + c[pc + 1];
                int lane = c[pc + 2];
                s[d] = extractLane(sub, lane < SimdCalls.lanes(sub) / 2 ? s[a] : h[a], lane);
                return pc + 3;
            }
            case REPLACE -> {
                int a = fp + c[pc + 1];
                long scalar = s[fp + c[pc + 2]];
                writeReplaced(sub, s, h, d, s[a], h[a], c[pc + 3], scalar);
                return pc + 4;
            }
            default -> {
                return SimdMemoryHandlers.execute(sub, s, h, fp, c, pc, memories);
            }
        }
        return pc + 2;
    }

    /** A 64-bit half from two immediates, low word first. */
    private static long half(int[] c, int at) {
        return (c[at] & 0xFFFF_FFFFL) | (long) c[at + 1] << 32;
    }

    static void write(long[] s, long[] h, int slot, long lo, long hi) {
        s[slot] = lo;
        h[slot] = hi;
    }

    /** Writes the vector {@code (lo, hi)} with lane {@code lane} replaced by {@code scalar} to {@code slot}. */
    static void writeReplaced(int sub, long[] s, long[] h, int slot, long lo, long hi, int lane, long scalar) {
        if (lane < SimdCalls.lanes(sub) / 2) {
            write(s, h, slot, replaceLane(sub, lo, lane, scalar), hi);
        } else {
            write(s, h, slot, lo, replaceLane(sub, hi, lane, scalar));
        }
    }

    static long laneWise(int sub, long a) {
        return switch (sub) {
            case V128_NOT -> BitwiseLanes.v128Not(a);
            case I8X16_POPCNT -> BitwiseLanes.i8x16Popcnt(a);
            case I32X4_TRUNC_SAT_F32X4_S -> FloatConversions.i32x4TruncSatF32x4S(a);
            case I32X4_TRUNC_SAT_F32X4_U -> FloatConversions.i32x4TruncSatF32x4U(a);
            case F32X4_CONVERT_I32X4_S -> FloatConversions.f32x4ConvertI32x4S(a);
            case F32X4_CONVERT_I32X4_U -> FloatConversions.f32x4ConvertI32x4U(a);
            case F32X4_ABS -> FloatLanes.f32x4Abs(a);
            case F32X4_NEG -> FloatLanes.f32x4Neg(a);
            case F32X4_SQRT -> FloatLanes.f32x4Sqrt(a);
            case F32X4_CEIL -> FloatLanes.f32x4Ceil(a);
            case F32X4_FLOOR -> FloatLanes.f32x4Floor(a);
            case F32X4_TRUNC -> FloatLanes.f32x4Trunc(a);
            case F32X4_NEAREST -> FloatLanes.f32x4Nearest(a);
            case F64X2_ABS -> FloatLanes.f64x2Abs(a);
            case F64X2_NEG -> FloatLanes.f64x2Neg(a);
            case F64X2_SQRT -> FloatLanes.f64x2Sqrt(a);
            case F64X2_CEIL -> FloatLanes.f64x2Ceil(a);
            case F64X2_FLOOR -> FloatLanes.f64x2Floor(a);
            case F64X2_TRUNC -> FloatLanes.f64x2Trunc(a);
            case F64X2_NEAREST -> FloatLanes.f64x2Nearest(a);
            case I8X16_ABS -> IntegerLanes.i8x16Abs(a);
            case I8X16_NEG -> IntegerLanes.i8x16Neg(a);
            case I16X8_ABS -> IntegerLanes.i16x8Abs(a);
            case I16X8_NEG -> IntegerLanes.i16x8Neg(a);
            case I32X4_ABS -> IntegerLanes.i32x4Abs(a);
            case I32X4_NEG -> IntegerLanes.i32x4Neg(a);
            case I64X2_ABS -> IntegerLanes.i64x2Abs(a);
            case I64X2_NEG -> IntegerLanes.i64x2Neg(a);
            case I32X4_RELAXED_TRUNC_F32X4_S -> RelaxedLanes.i32x4RelaxedTruncF32x4S(a);
            case I32X4_RELAXED_TRUNC_F32X4_U -> RelaxedLanes.i32x4RelaxedTruncF32x4U(a);
            case I16X8_EXTADD_PAIRWISE_I8X16_S -> WideningLanes.i16x8ExtaddPairwiseI8x16S(a);
            case I16X8_EXTADD_PAIRWISE_I8X16_U -> WideningLanes.i16x8ExtaddPairwiseI8x16U(a);
            case I32X4_EXTADD_PAIRWISE_I16X8_S -> WideningLanes.i32x4ExtaddPairwiseI16x8S(a);
            case I32X4_EXTADD_PAIRWISE_I16X8_U -> WideningLanes.i32x4ExtaddPairwiseI16x8U(a);
            default -> throw unknown(sub);
        };
    }

    static long laneWise(int sub, long a, long b) {
        // by ranges first, as execute picks a shape first: C1 tests a switch's cases one by one
        if (sub < I32X4_EQ) {
            return switch (sub) {
                case I8X16_EQ -> IntegerComparisons.i8x16Eq(a, b);
                case I8X16_NE -> IntegerComparisons.i8x16Ne(a, b);
                case I8X16_LT_S -> IntegerComparisons.i8x16LtS(a, b);
                case I8X16_LT_U -> IntegerComparisons.i8x16LtU(a, b);
                case I8X16_GT_S -> IntegerComparisons.i8x16GtS(a, b);
                case I8X16_GT_U -> IntegerComparisons.i8x16GtU(a, b);
                case I8X16_LE_S -> IntegerComparisons.i8x16LeS(a, b);
                case I8X16_LE_U -> IntegerComparisons.i8x16LeU(a, b);
                case I8X16_GE_S -> IntegerComparisons.i8x16GeS(a, b);
                case I8X16_GE_U -> IntegerComparisons.i8x16GeU(a, b);
                case I16X8_EQ -> IntegerComparisons.i16x8Eq(a, b);
                case I16X8_NE -> IntegerComparisons.i16x8Ne(a, b);
                case I16X8_LT_S -> IntegerComparisons.i16x8LtS(a, b);
                case I16X8_LT_U -> IntegerComparisons.i16x8LtU(a, b);
                case I16X8_GT_S -> IntegerComparisons.i16x8GtS(a, b);
                case I16X8_GT_U -> IntegerComparisons.i16x8GtU(a, b);
                case I16X8_LE_S -> IntegerComparisons.i16x8LeS(a, b);
                case I16X8_LE_U -> IntegerComparisons.i16x8LeU(a, b);
                case I16X8_GE_S -> IntegerComparisons.i16x8GeS(a, b);
                case I16X8_GE_U -> IntegerComparisons.i16x8GeU(a, b);
                default -> throw unknown(sub);
            };
        } else if (sub < I8X16_ABS) {
            return switch (sub) {
                case V128_AND -> BitwiseLanes.v128And(a, b);
                case V128_ANDNOT -> BitwiseLanes.v128Andnot(a, b);
                case V128_OR -> BitwiseLanes.v128Or(a, b);
                case V128_XOR -> BitwiseLanes.v128Xor(a, b);
                case F32X4_EQ -> FloatLanes.f32x4Eq(a, b);
                case F32X4_NE -> FloatLanes.f32x4Ne(a, b);
                case F32X4_LT -> FloatLanes.f32x4Lt(a, b);
                case F32X4_GT -> FloatLanes.f32x4Gt(a, b);
                case F32X4_LE -> FloatLanes.f32x4Le(a, b);
                case F32X4_GE -> FloatLanes.f32x4Ge(a, b);
                case F64X2_EQ -> FloatLanes.f64x2Eq(a, b);
                case F64X2_NE -> FloatLanes.f64x2Ne(a, b);
                case F64X2_LT -> FloatLanes.f64x2Lt(a, b);
                case F64X2_GT -> FloatLanes.f64x2Gt(a, b);
                case F64X2_LE -> FloatLanes.f64x2Le(a, b);
                case F64X2_GE -> FloatLanes.f64x2Ge(a, b);
                case I32X4_EQ -> IntegerComparisons.i32x4Eq(a, b);
                case I32X4_NE -> IntegerComparisons.i32x4Ne(a, b);
                case I32X4_LT_S -> IntegerComparisons.i32x4LtS(a, b);
                case I32X4_LT_U -> IntegerComparisons.i32x4LtU(a, b);
                case I32X4_GT_S -> IntegerComparisons.i32x4GtS(a, b);
                case I32X4_GT_U -> IntegerComparisons.i32x4GtU(a, b);
                case I32X4_LE_S -> IntegerComparisons.i32x4LeS(a, b);
                case I32X4_LE_U -> IntegerComparisons.i32x4LeU(a, b);
                case I32X4_GE_S -> IntegerComparisons.i32x4GeS(a, b);
                case I32X4_GE_U -> IntegerComparisons.i32x4GeU(a, b);
                default -> throw unknown(sub);
            };
        } else if (sub < I32X4_ABS) {
            return switch (sub) {
                case I8X16_ADD -> IntegerLanes.i8x16Add(a, b);
                case I8X16_ADD_SAT_S -> IntegerLanes.i8x16AddSatS(a, b);
                case I8X16_ADD_SAT_U -> IntegerLanes.i8x16AddSatU(a, b);
                case I8X16_SUB -> IntegerLanes.i8x16Sub(a, b);
                case I8X16_SUB_SAT_S -> IntegerLanes.i8x16SubSatS(a, b);
                case I8X16_SUB_SAT_U -> IntegerLanes.i8x16SubSatU(a, b);
                case I8X16_MIN_S -> IntegerLanes.i8x16MinS(a, b);
                case I8X16_MIN_U -> IntegerLanes.i8x16MinU(a, b);
                case I8X16_MAX_S -> IntegerLanes.i8x16MaxS(a, b);
                case I8X16_MAX_U -> IntegerLanes.i8x16MaxU(a, b);
                case I8X16_AVGR_U -> IntegerLanes.i8x16AvgrU(a, b);
                case I16X8_Q15MULR_SAT_S -> IntegerLanes.i16x8Q15mulrSatS(a, b);
                case I16X8_ADD -> IntegerLanes.i16x8Add(a, b);
                case I16X8_ADD_SAT_S -> IntegerLanes.i16x8AddSatS(a, b);
                case I16X8_ADD_SAT_U -> IntegerLanes.i16x8AddSatU(a, b);
                case I16X8_SUB -> IntegerLanes.i16x8Sub(a, b);
                case I16X8_SUB_SAT_S -> IntegerLanes.i16x8SubSatS(a, b);
                case I16X8_SUB_SAT_U -> IntegerLanes.i16x8SubSatU(a, b);
                case I16X8_MUL -> IntegerLanes.i16x8Mul(a, b);
                case I16X8_MIN_S -> IntegerLanes.i16x8MinS(a, b);
                case I16X8_MIN_U -> IntegerLanes.i16x8MinU(a, b);
                case I16X8_MAX_S -> IntegerLanes.i16x8MaxS(a, b);
                case I16X8_MAX_U -> IntegerLanes.i16x8MaxU(a, b);
                case I16X8_AVGR_U -> IntegerLanes.i16x8AvgrU(a, b);
                default -> throw unknown(sub);
            };
        } else if (sub < F32X4_ABS) {
            return switch (sub) {
                case I64X2_EQ -> IntegerComparisons.i64x2Eq(a, b);
                case I64X2_NE -> IntegerComparisons.i64x2Ne(a, b);
                case I64X2_LT_S -> IntegerComparisons.i64x2LtS(a, b);
                case I64X2_GT_S -> IntegerComparisons.i64x2GtS(a, b);
                case I64X2_LE_S -> IntegerComparisons.i64x2LeS(a, b);
                case I64X2_GE_S -> IntegerComparisons.i64x2GeS(a, b);
                case I32X4_ADD -> IntegerLanes.i32x4Add(a, b);
                case I32X4_SUB -> IntegerLanes.i32x4Sub(a, b);
                case I32X4_MUL -> IntegerLanes.i32x4Mul(a, b);
                case I32X4_MIN_S -> IntegerLanes.i32x4MinS(a, b);
                case I32X4_MIN_U -> IntegerLanes.i32x4MinU(a, b);
                case I32X4_MAX_S -> IntegerLanes.i32x4MaxS(a, b);
                case I32X4_MAX_U -> IntegerLanes.i32x4MaxU(a, b);
                case I64X2_ADD -> IntegerLanes.i64x2Add(a, b);
                case I64X2_SUB -> IntegerLanes.i64x2Sub(a, b);
                case I64X2_MUL -> IntegerLanes.i64x2Mul(a, b);
                case I32X4_DOT_I16X8_S -> WideningLanes.i32x4DotI16x8S(a, b);
                default -> throw unknown(sub);
            };
        } else {
            return switch (sub) {
                case F32X4_ADD -> FloatLanes.f32x4Add(a, b);
                case F32X4_SUB -> FloatLanes.f32x4Sub(a, b);
                case F32X4_MUL -> FloatLanes.f32x4Mul(a, b);
                case F32X4_DIV -> FloatLanes.f32x4Div(a, b);
                case F32X4_MIN -> FloatLanes.f32x4Min(a, b);
                case F32X4_MAX -> FloatLanes.f32x4Max(a, b);
                case F32X4_PMIN -> FloatLanes.f32x4Pmin(a, b);
                case F32X4_PMAX -> FloatLanes.f32x4Pmax(a, b);
                case F64X2_ADD -> FloatLanes.f64x2Add(a, b);
                case F64X2_SUB -> FloatLanes.f64x2Sub(a, b);
                case F64X2_MUL -> FloatLanes.f64x2Mul(a, b);
                case F64X2_DIV -> FloatLanes.f64x2Div(a, b);
                case F64X2_MIN -> FloatLanes.f64x2Min(a, b);
                case F64X2_MAX -> FloatLanes.f64x2Max(a, b);
                case F64X2_PMIN -> FloatLanes.f64x2Pmin(a, b);
                case F64X2_PMAX -> FloatLanes.f64x2Pmax(a, b);
                case F32X4_RELAXED_MIN -> RelaxedLanes.f32x4RelaxedMin(a, b);
                case F32X4_RELAXED_MAX -> RelaxedLanes.f32x4RelaxedMax(a, b);
                case F64X2_RELAXED_MIN -> RelaxedLanes.f64x2RelaxedMin(a, b);
                case F64X2_RELAXED_MAX -> RelaxedLanes.f64x2RelaxedMax(a, b);
                case I16X8_RELAXED_Q15MULR_S -> RelaxedLanes.i16x8RelaxedQ15mulrS(a, b);
                case I16X8_RELAXED_DOT_I8X16_I7X16_S -> RelaxedLanes.i16x8RelaxedDotI8x16I7x16S(a, b);
                default -> throw unknown(sub);
            };
        }
    }

    static long laneWise(int sub, long a, long b, long c) {
        return switch (sub) {
            case V128_BITSELECT -> BitwiseLanes.v128Bitselect(a, b, c);
            case F32X4_RELAXED_MADD -> RelaxedLanes.f32x4RelaxedMadd(a, b, c);
            case F32X4_RELAXED_NMADD -> RelaxedLanes.f32x4RelaxedNmadd(a, b, c);
            case F64X2_RELAXED_MADD -> RelaxedLanes.f64x2RelaxedMadd(a, b, c);
            case F64X2_RELAXED_NMADD -> RelaxedLanes.f64x2RelaxedNmadd(a, b, c);
            case I8X16_RELAXED_LANESELECT -> RelaxedLanes.i8x16RelaxedLaneselect(a, b, c);
            case I16X8_RELAXED_LANESELECT -> RelaxedLanes.i16x8RelaxedLaneselect(a, b, c);
            case I32X4_RELAXED_LANESELECT -> RelaxedLanes.i32x4RelaxedLaneselect(a, b, c);
            case I64X2_RELAXED_LANESELECT -> RelaxedLanes.i64x2RelaxedLaneselect(a, b, c);
            case I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> RelaxedLanes.i32x4RelaxedDotI8x16I7x16AddS(a, b, c);
            default -> throw unknown(sub);
        };
    }

    static long shift(int sub, long a, int count) {
        return switch (sub) {
            case I8X16_SHL -> BitwiseLanes.i8x16Shl(a, count);
            case I8X16_SHR_S -> BitwiseLanes.i8x16ShrS(a, count);
            case I8X16_SHR_U -> BitwiseLanes.i8x16ShrU(a, count);
            case I16X8_SHL -> BitwiseLanes.i16x8Shl(a, count);
            case I16X8_SHR_S -> BitwiseLanes.i16x8ShrS(a, count);
            case I16X8_SHR_U -> BitwiseLanes.i16x8ShrU(a, count);
            case I32X4_SHL -> BitwiseLanes.i32x4Shl(a, count);
            case I32X4_SHR_S -> BitwiseLanes.i32x4ShrS(a, count);
            case I32X4_SHR_U -> BitwiseLanes.i32x4ShrU(a, count);
            case I64X2_SHL -> BitwiseLanes.i64x2Shl(a, count);
            case I64X2_SHR_S -> BitwiseLanes.i64x2ShrS(a, count);
            case I64X2_SHR_U -> BitwiseLanes.i64x2ShrU(a, count);
            default -> throw unknown(sub);
        };
    }

    static int reduce(int sub, long lo, long hi) {
        return switch (sub) {
            case V128_ANY_TRUE -> BitwiseLanes.v128AnyTrue(lo, hi);
            case I8X16_BITMASK -> LaneMoves.i8x16Bitmask(lo, hi);
            case I16X8_BITMASK -> LaneMoves.i16x8Bitmask(lo, hi);
            case I32X4_BITMASK -> LaneMoves.i32x4Bitmask(lo, hi);
            case I64X2_BITMASK -> LaneMoves.i64x2Bitmask(lo, hi);
            case I8X16_ALL_TRUE -> LaneMoves.i8x16AllTrue(lo, hi);
            case I16X8_ALL_TRUE -> LaneMoves.i16x8AllTrue(lo, hi);
            case I32X4_ALL_TRUE -> LaneMoves.i32x4AllTrue(lo, hi);
            case I64X2_ALL_TRUE -> LaneMoves.i64x2AllTrue(lo, hi);
            default -> throw unknown(sub);
        };
    }

    /** One half of the result from both halves of one operand. */
    static long acrossHalves(int sub, long lo, long hi) {
        return switch (sub) {
            case I8X16_NARROW_I16X8_S -> WideningLanes.i8x16NarrowI16x8S(lo, hi);
            case I8X16_NARROW_I16X8_U -> WideningLanes.i8x16NarrowI16x8U(lo, hi);
            case I16X8_NARROW_I32X4_S -> WideningLanes.i16x8NarrowI32x4S(lo, hi);
            case I16X8_NARROW_I32X4_U -> WideningLanes.i16x8NarrowI32x4U(lo, hi);
            case F32X4_DEMOTE_F64X2_ZERO -> FloatConversions.f32x4DemoteF64x2Zero(lo, hi);
            case I32X4_TRUNC_SAT_F64X2_S_ZERO -> FloatConversions.i32x4TruncSatF64x2SZero(lo, hi);
            case I32X4_TRUNC_SAT_F64X2_U_ZERO -> FloatConversions.i32x4TruncSatF64x2UZero(lo, hi);
            case I32X4_RELAXED_TRUNC_F64X2_S_ZERO -> RelaxedLanes.i32x4RelaxedTruncF64x2SZero(lo, hi);
            case I32X4_RELAXED_TRUNC_F64X2_U_ZERO -> RelaxedLanes.i32x4RelaxedTruncF64x2UZero(lo, hi);
            default -> throw unknown(sub);
        };
    }

    /** One half of the result from 32 bits of one half of the operand. */
    static long widen(int sub, int bits) {
        return switch (sub) {
            case F64X2_PROMOTE_LOW_F32X4 -> FloatConversions.f64x2PromoteLowF32x4(bits);
            case F64X2_CONVERT_LOW_I32X4_S -> FloatConversions.f64x2ConvertLowI32x4S(bits);
            case F64X2_CONVERT_LOW_I32X4_U -> FloatConversions.f64x2ConvertLowI32x4U(bits);
            case I16X8_EXTEND_LOW_I8X16_S -> WideningLanes.i16x8ExtendI8x16S(bits);
            case I16X8_EXTEND_HIGH_I8X16_S -> WideningLanes.i16x8ExtendI8x16S(bits);
            case I16X8_EXTEND_LOW_I8X16_U -> WideningLanes.i16x8ExtendI8x16U(bits);
            case I16X8_EXTEND_HIGH_I8X16_U -> WideningLanes.i16x8ExtendI8x16U(bits);
            case I32X4_EXTEND_LOW_I16X8_S -> WideningLanes.i32x4ExtendI16x8S(bits);
            case I32X4_EXTEND_HIGH_I16X8_S -> WideningLanes.i32x4ExtendI16x8S(bits);
            case I32X4_EXTEND_LOW_I16X8_U -> WideningLanes.i32x4ExtendI16x8U(bits);
            case I32X4_EXTEND_HIGH_I16X8_U -> WideningLanes.i32x4ExtendI16x8U(bits);
            case I64X2_EXTEND_LOW_I32X4_S -> WideningLanes.i64x2ExtendI32x4S(bits);
            case I64X2_EXTEND_HIGH_I32X4_S -> WideningLanes.i64x2ExtendI32x4S(bits);
            case I64X2_EXTEND_LOW_I32X4_U -> WideningLanes.i64x2ExtendI32x4U(bits);
            case I64X2_EXTEND_HIGH_I32X4_U -> WideningLanes.i64x2ExtendI32x4U(bits);
            default -> throw unknown(sub);
        };
    }

    static long widen(int sub, int a, int b) {
        return switch (sub) {
            case I16X8_EXTMUL_LOW_I8X16_S -> WideningLanes.i16x8ExtmulI8x16S(a, b);
            case I16X8_EXTMUL_HIGH_I8X16_S -> WideningLanes.i16x8ExtmulI8x16S(a, b);
            case I16X8_EXTMUL_LOW_I8X16_U -> WideningLanes.i16x8ExtmulI8x16U(a, b);
            case I16X8_EXTMUL_HIGH_I8X16_U -> WideningLanes.i16x8ExtmulI8x16U(a, b);
            case I32X4_EXTMUL_LOW_I16X8_S -> WideningLanes.i32x4ExtmulI16x8S(a, b);
            case I32X4_EXTMUL_HIGH_I16X8_S -> WideningLanes.i32x4ExtmulI16x8S(a, b);
            case I32X4_EXTMUL_LOW_I16X8_U -> WideningLanes.i32x4ExtmulI16x8U(a, b);
            case I32X4_EXTMUL_HIGH_I16X8_U -> WideningLanes.i32x4ExtmulI16x8U(a, b);
            case I64X2_EXTMUL_LOW_I32X4_S -> WideningLanes.i64x2ExtmulI32x4S(a, b);
            case I64X2_EXTMUL_HIGH_I32X4_S -> WideningLanes.i64x2ExtmulI32x4S(a, b);
            case I64X2_EXTMUL_LOW_I32X4_U -> WideningLanes.i64x2ExtmulI32x4U(a, b);
            case I64X2_EXTMUL_HIGH_I32X4_U -> WideningLanes.i64x2ExtmulI32x4U(a, b);
            default -> throw unknown(sub);
        };
    }

    /** A half of the splat of {@code scalar} (a 64-bit lane is the half). */
    static long splat(int sub, long scalar) {
        return switch (sub) {
            case I8X16_SPLAT -> LaneMoves.i8x16Splat((int) scalar);
            case I16X8_SPLAT -> LaneMoves.i16x8Splat((int) scalar);
            case I32X4_SPLAT -> LaneMoves.i32x4Splat((int) scalar);
            case I64X2_SPLAT -> scalar;
            case F32X4_SPLAT -> LaneMoves.i32x4Splat((int) scalar);
            case F64X2_SPLAT -> scalar;
            case V128_LOAD8_SPLAT -> LaneMoves.i8x16Splat((int) scalar);
            case V128_LOAD16_SPLAT -> LaneMoves.i16x8Splat((int) scalar);
            case V128_LOAD32_SPLAT -> LaneMoves.i32x4Splat((int) scalar);
            case V128_LOAD64_SPLAT -> scalar;
            default -> throw unknown(sub);
        };
    }

    /** Lane {@code lane} of the half that holds it, as a scalar slot (a 64-bit lane is the half). */
    static long extractLane(int sub, long half, int lane) {
        return switch (sub) {
            case I8X16_EXTRACT_LANE_S -> LaneMoves.i8x16ExtractLaneS(half, lane);
            case I8X16_EXTRACT_LANE_U -> LaneMoves.i8x16ExtractLaneU(half, lane);
            case I16X8_EXTRACT_LANE_S -> LaneMoves.i16x8ExtractLaneS(half, lane);
            case I16X8_EXTRACT_LANE_U -> LaneMoves.i16x8ExtractLaneU(half, lane);
            case I32X4_EXTRACT_LANE -> LaneMoves.i32x4ExtractLane(half, lane);
            case I64X2_EXTRACT_LANE -> half;
            case F32X4_EXTRACT_LANE -> LaneMoves.i32x4ExtractLane(half, lane);
            case F64X2_EXTRACT_LANE -> half;
            case V128_STORE8_LANE -> LaneMoves.i8x16ExtractLaneU(half, lane);
            case V128_STORE16_LANE -> LaneMoves.i16x8ExtractLaneU(half, lane);
            case V128_STORE32_LANE -> LaneMoves.i32x4ExtractLane(half, lane);
            case V128_STORE64_LANE -> half;
            default -> throw unknown(sub);
        };
    }

    /** The half that holds lane {@code lane}, with the lane replaced by {@code scalar} (a 64-bit lane: the half). */
    static long replaceLane(int sub, long half, int lane, long scalar) {
        return switch (sub) {
            case I8X16_REPLACE_LANE -> LaneMoves.i8x16ReplaceLane(half, lane, (int) scalar);
            case I16X8_REPLACE_LANE -> LaneMoves.i16x8ReplaceLane(half, lane, (int) scalar);
            case I32X4_REPLACE_LANE -> LaneMoves.i32x4ReplaceLane(half, lane, (int) scalar);
            case I64X2_REPLACE_LANE -> scalar;
            case F32X4_REPLACE_LANE -> LaneMoves.i32x4ReplaceLane(half, lane, (int) scalar);
            case F64X2_REPLACE_LANE -> scalar;
            case V128_LOAD8_LANE -> LaneMoves.i8x16ReplaceLane(half, lane, (int) scalar);
            case V128_LOAD16_LANE -> LaneMoves.i16x8ReplaceLane(half, lane, (int) scalar);
            case V128_LOAD32_LANE -> LaneMoves.i32x4ReplaceLane(half, lane, (int) scalar);
            case V128_LOAD64_LANE -> scalar;
            default -> throw unknown(sub);
        };
    }

    static IllegalStateException unknown(int sub) {
        return new IllegalStateException("no such SIMD instruction here: 0x" + Integer.toHexString(sub));
    }
}
