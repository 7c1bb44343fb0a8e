package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Lanes.f32High;
import static org.wasmvm.core.interp.simd.Lanes.f32Low;
import static org.wasmvm.core.interp.simd.Lanes.f32s;
import static org.wasmvm.core.interp.simd.Lanes.f64;
import static org.wasmvm.core.interp.simd.Swar.H32;
import static org.wasmvm.core.interp.simd.Swar.H8;

/**
 * The relaxed SIMD instructions, each with the one result V8 gives on x86-64 (docs/RATIONALE.md says
 * which and why), so wasmvm agrees with node wherever the spec leaves a choice. Lane-wise on one half
 * like the instructions they relax, except: {@code i8x16.relaxed_swizzle} as {@link LaneMoves#i8x16Swizzle},
 * the {@code *_zero} truncations as {@link FloatConversions} (result {@code lo} from {@code (aLo, aHi)},
 * {@code hi} = 0).
 */
public final class RelaxedLanes {
    private static final double INT_MIN_MINUS_ONE = -2147483649d, INT_MAX_PLUS_ONE = 2147483648d;

    private RelaxedLanes() {
    }

    /** x86 {@code pshufb}: an index with its top bit set gives 0, any other selects byte {@code index & 15}. */
    public static long i8x16RelaxedSwizzle(long aLo, long aHi, long indexes) {
        return LaneMoves.i8x16Swizzle(aLo, aHi, indexes & 0x8F8F_8F8F_8F8F_8F8FL);
    }

    /** x86 {@code cvttps2dq}: NaN and out-of-range lanes give INT_MIN. */
    public static long i32x4RelaxedTruncF32x4S(long a) {
        return Lanes.pack32(truncOrIntMin(f32Low(a)), truncOrIntMin(f32High(a)));
    }

    /** {@code trunc_sat}, as V8's baseline tier (its optimizing tier's result is another one). */
    public static long i32x4RelaxedTruncF32x4U(long a) {
        return FloatConversions.i32x4TruncSatF32x4U(a);
    }

    /** x86 {@code cvttpd2dq}: NaN and out-of-range lanes give INT_MIN. */
    public static long i32x4RelaxedTruncF64x2SZero(long lo, long hi) {
        return Lanes.pack32(truncOrIntMin(f64(lo)), truncOrIntMin(f64(hi)));
    }

    /** {@code trunc_sat}, as V8's baseline tier (its optimizing tier leaves garbage in the zero lanes). */
    public static long i32x4RelaxedTruncF64x2UZero(long lo, long hi) {
        return FloatConversions.i32x4TruncSatF64x2UZero(lo, hi);
    }

    /** Fused: one rounding, as x86 {@code vfmadd} (Math.fma is that instruction where the CPU has it). */
    public static long f32x4RelaxedMadd(long a, long b, long c) {
        return f32s(Math.fma(f32Low(a), f32Low(b), f32Low(c)), Math.fma(f32High(a), f32High(b), f32High(c)));
    }

    public static long f32x4RelaxedNmadd(long a, long b, long c) {
        return f32s(Math.fma(-f32Low(a), f32Low(b), f32Low(c)), Math.fma(-f32High(a), f32High(b), f32High(c)));
    }

    public static long f64x2RelaxedMadd(long a, long b, long c) {
        return Lanes.bits(Math.fma(f64(a), f64(b), f64(c)));
    }

    public static long f64x2RelaxedNmadd(long a, long b, long c) {
        return Lanes.bits(Math.fma(-f64(a), f64(b), f64(c)));
    }

    /** x86 {@code pblendvb}: each byte from a where the mask byte's top bit is set, else from b. */
    public static long i8x16RelaxedLaneselect(long a, long b, long mask) {
        return Swar.select(Swar.fill(mask & H8, 8), a, b);
    }

    /** Also {@code pblendvb}, byte by byte, as in both V8 tiers (the spec suite allows it). */
    public static long i16x8RelaxedLaneselect(long a, long b, long mask) {
        return i8x16RelaxedLaneselect(a, b, mask);
    }

    /** x86 {@code blendvps}: each lane from a where the mask lane's top bit is set, else from b. */
    public static long i32x4RelaxedLaneselect(long a, long b, long mask) {
        return Swar.select(Swar.fill(mask & H32, 32), a, b);
    }

    /** x86 {@code blendvpd}: the lane is a if the mask's top bit is set, else b. */
    public static long i64x2RelaxedLaneselect(long a, long b, long mask) {
        return mask < 0 ? a : b;
    }

    /** x86 {@code minps}: a &lt; b ? a : b, so b when either is NaN or both are zeros. */
    public static long f32x4RelaxedMin(long a, long b) {
        return Lanes.pack32(f32Low(a) < f32Low(b) ? (int) a : (int) b,
                f32High(a) < f32High(b) ? (int) (a >>> 32) : (int) (b >>> 32));
    }

    /** x86 {@code maxps}: a &gt; b ? a : b. */
    public static long f32x4RelaxedMax(long a, long b) {
        return Lanes.pack32(f32Low(a) > f32Low(b) ? (int) a : (int) b,
                f32High(a) > f32High(b) ? (int) (a >>> 32) : (int) (b >>> 32));
    }

    public static long f64x2RelaxedMin(long a, long b) {
        return f64(a) < f64(b) ? a : b;
    }

    public static long f64x2RelaxedMax(long a, long b) {
        return f64(a) > f64(b) ? a : b;
    }

    /** x86 {@code pmulhrsw}: as q15mulr_sat_s without the saturation, -1.0 * -1.0 wraps to 0x8000. */
    public static long i16x8RelaxedQ15mulrS(long a, long b) {
        return Lanes.pack16(IntegerLanes.q15mulr(a, b, 0), IntegerLanes.q15mulr(a, b, 16),
                IntegerLanes.q15mulr(a, b, 32), IntegerLanes.q15mulr(a, b, 48));
    }

    /** x86 {@code pmaddubsw}: a's bytes signed times b's unsigned, each pair's sum saturated to 16 bits. */
    public static long i16x8RelaxedDotI8x16I7x16S(long a, long b) {
        return Lanes.pack16(dotPair(a, b, 0), dotPair(a, b, 16), dotPair(a, b, 32), dotPair(a, b, 48));
    }

    /** {@code pmaddubsw}, then {@code pmaddwd} by ones (adds pairs of those sums to 32 bits), then c, wrapping. */
    public static long i32x4RelaxedDotI8x16I7x16AddS(long a, long b, long c) {
        return Lanes.pack32(dotPair(a, b, 0) + dotPair(a, b, 16) + (int) c,
                dotPair(a, b, 32) + dotPair(a, b, 48) + (int) (c >>> 32));
    }

    /** What {@code cvttps2dq}/{@code cvttpd2dq} give: the truncation if it fits an int, else INT_MIN (NaN included). */
    private static int truncOrIntMin(double x) {
        return x > INT_MIN_MINUS_ONE && x < INT_MAX_PLUS_ONE ? (int) x : Integer.MIN_VALUE;
    }

    /** The saturated sum of the two byte products at {@code shift}, a signed times b unsigned. */
    private static int dotPair(long a, long b, int shift) {
        int sum = (byte) (a >>> shift) * (int) ((b >>> shift) & 0xFF)
                + (byte) (a >>> shift + 8) * (int) ((b >>> shift + 8) & 0xFF);
        return Lanes.clamp(sum, Short.MIN_VALUE, Short.MAX_VALUE);
    }
}
