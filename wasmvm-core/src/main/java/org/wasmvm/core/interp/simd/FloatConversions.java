package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Lanes.f32High;
import static org.wasmvm.core.interp.simd.Lanes.f32Low;
import static org.wasmvm.core.interp.simd.Lanes.f32s;
import static org.wasmvm.core.interp.simd.Lanes.f64;

import org.wasmvm.core.interp.NumericOps;

/**
 * Conversions between float and integer lanes, and between f32 and f64 lanes.
 *
 * <ul>
 *   <li>{@code i32x4.trunc_sat_f32x4_*} and {@code f32x4.convert_i32x4_*} are lane-wise: call them on
 *       {@code lo}, then on {@code hi}.
 *   <li>{@code *_zero} (two f64 lanes into the low two 32-bit lanes): the result's {@code lo} is the
 *       method of {@code (aLo, aHi)}, its {@code hi} is 0.
 *   <li>{@code *_low_*} (the low two 32-bit lanes into two f64 lanes): the result's {@code lo} is the
 *       method of {@code (int) aLo}, its {@code hi} of {@code (int) (aLo >>> 32)}.
 * </ul>
 * Java's narrowing casts from float to int (JLS 5.1.3) already are the saturating signed truncation
 * (NaN to 0, out-of-range values to the bound); its int and long to float casts round once, to nearest.
 */
public final class FloatConversions {
    // the sub-opcodes of i32.trunc_sat_f32_u and i32.trunc_sat_f64_u, which NumericOps.truncateSaturating takes
    private static final int F32_TO_U32 = 1, F64_TO_U32 = 3;

    private FloatConversions() {
    }

    public static long i32x4TruncSatF32x4S(long a) {
        return Lanes.pack32((int) f32Low(a), (int) f32High(a));
    }

    public static long i32x4TruncSatF32x4U(long a) {
        return Lanes.pack32((int) NumericOps.truncateSaturating(F32_TO_U32, a),
                (int) NumericOps.truncateSaturating(F32_TO_U32, a >>> 32));
    }

    public static long i32x4TruncSatF64x2SZero(long lo, long hi) {
        return Lanes.pack32((int) f64(lo), (int) f64(hi));
    }

    public static long i32x4TruncSatF64x2UZero(long lo, long hi) {
        return Lanes.pack32((int) NumericOps.truncateSaturating(F64_TO_U32, lo),
                (int) NumericOps.truncateSaturating(F64_TO_U32, hi));
    }

    public static long f32x4ConvertI32x4S(long a) {
        return f32s((int) a, (int) (a >>> 32));
    }

    public static long f32x4ConvertI32x4U(long a) {
        return f32s(a & 0xFFFF_FFFFL, a >>> 32);
    }

    public static long f64x2ConvertLowI32x4S(int lane) {
        return Lanes.bits(lane);
    }

    public static long f64x2ConvertLowI32x4U(int lane) {
        return Lanes.bits(lane & 0xFFFF_FFFFL);
    }

    public static long f32x4DemoteF64x2Zero(long lo, long hi) {
        return f32s((float) f64(lo), (float) f64(hi));
    }

    public static long f64x2PromoteLowF32x4(int lane) {
        return Lanes.bits(Float.intBitsToFloat(lane));
    }
}
