package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Swar.H16;
import static org.wasmvm.core.interp.simd.Swar.H32;
import static org.wasmvm.core.interp.simd.Swar.H8;

/**
 * The integer instructions whose result lanes are wider or narrower than their inputs'.
 *
 * <ul>
 *   <li><b>Extend and extmul</b> widen 32 bits of each input into a 64-bit half, so one method serves the
 *       low and the high form and the caller picks the bits: for {@code *_low_*} the result's {@code lo}
 *       is from {@code (int) aLo} and its {@code hi} from {@code (int) (aLo >>> 32)}, for {@code *_high_*}
 *       the same from {@code aHi}. The extending loads ({@code v128.load8x8_s} ...) are the extend of
 *       the loaded 64-bit value {@code v}: {@code lo} from {@code (int) v}, {@code hi} from {@code (int) (v >>> 32)}.
 *   <li><b>Pairwise add and dot</b> stay within a half: call them on {@code lo}, then on {@code hi}.
 *   <li><b>Narrow</b> squeezes a whole vector into a half: the result's {@code lo} is the narrowed
 *       {@code (aLo, aHi)}, its {@code hi} the narrowed {@code (bLo, bHi)}.
 * </ul>
 */
public final class WideningLanes {
    private static final long BYTE_SIGNS = 0x0080_0080_0080_0080L;
    private static final long SHORT_SIGNS = 0x0000_8000_0000_8000L;

    private WideningLanes() {
    }

    public static long i16x8ExtendI8x16S(int fourLanes) {
        return Swar.signExtend(spreadBytes(fourLanes), BYTE_SIGNS, H16);
    }

    public static long i16x8ExtendI8x16U(int fourLanes) {
        return spreadBytes(fourLanes);
    }

    public static long i32x4ExtendI16x8S(int twoLanes) {
        return Swar.signExtend(spreadShorts(twoLanes), SHORT_SIGNS, H32);
    }

    public static long i32x4ExtendI16x8U(int twoLanes) {
        return spreadShorts(twoLanes);
    }

    public static long i64x2ExtendI32x4S(int lane) {
        return lane;
    }

    public static long i64x2ExtendI32x4U(int lane) {
        return lane & 0xFFFF_FFFFL;
    }

    public static long i16x8ExtmulI8x16S(int a, int b) {
        return IntegerLanes.i16x8Mul(i16x8ExtendI8x16S(a), i16x8ExtendI8x16S(b));
    }

    public static long i16x8ExtmulI8x16U(int a, int b) {
        return IntegerLanes.i16x8Mul(spreadBytes(a), spreadBytes(b));
    }

    public static long i32x4ExtmulI16x8S(int a, int b) {
        return IntegerLanes.i32x4Mul(i32x4ExtendI16x8S(a), i32x4ExtendI16x8S(b));
    }

    public static long i32x4ExtmulI16x8U(int a, int b) {
        return IntegerLanes.i32x4Mul(spreadShorts(a), spreadShorts(b));
    }

    public static long i64x2ExtmulI32x4S(int a, int b) {
        return (long) a * b;
    }

    public static long i64x2ExtmulI32x4U(int a, int b) {
        return (a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL);
    }

    public static long i16x8ExtaddPairwiseI8x16U(long a) {
        return pairSums(a, 0x00FF_00FF_00FF_00FFL, 8);
    }

    /** Flipping a byte's sign bit adds 128 to it read signed, so the unsigned pair sum is 256 too big. */
    public static long i16x8ExtaddPairwiseI8x16S(long a) {
        return Swar.sub(pairSums(a ^ H8, 0x00FF_00FF_00FF_00FFL, 8), 0x0100_0100_0100_0100L, H16);
    }

    public static long i32x4ExtaddPairwiseI16x8U(long a) {
        return pairSums(a, 0x0000_FFFF_0000_FFFFL, 16);
    }

    public static long i32x4ExtaddPairwiseI16x8S(long a) {
        return Swar.sub(pairSums(a ^ H16, 0x0000_FFFF_0000_FFFFL, 16), 0x0001_0000_0001_0000L, H32);
    }

    public static long i32x4DotI16x8S(long a, long b) {
        return Lanes.pack32(dot(a, b, 0), dot(a, b, 32));
    }

    public static long i8x16NarrowI16x8S(long lo, long hi) {
        return narrowToBytes(lo, Byte.MIN_VALUE, Byte.MAX_VALUE) | narrowToBytes(hi, Byte.MIN_VALUE, Byte.MAX_VALUE) << 32;
    }

    public static long i8x16NarrowI16x8U(long lo, long hi) {
        return narrowToBytes(lo, 0, 0xFF) | narrowToBytes(hi, 0, 0xFF) << 32;
    }

    public static long i16x8NarrowI32x4S(long lo, long hi) {
        return narrowToShorts(lo, hi, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public static long i16x8NarrowI32x4U(long lo, long hi) {
        return narrowToShorts(lo, hi, 0, 0xFFFF);
    }

    /** The four bytes of x, zero-extended into four 16-bit lanes (halves spread apart, then bytes). */
    private static long spreadBytes(int x) {
        long v = spreadShorts(x);
        return (v | v << 8) & 0x00FF_00FF_00FF_00FFL;
    }

    /** The two 16-bit halves of x, zero-extended into two 32-bit lanes. */
    private static long spreadShorts(int x) {
        long v = x & 0xFFFF_FFFFL;
        return (v | v << 16) & 0x0000_FFFF_0000_FFFFL;
    }

    /** Each even lane plus the odd lane above it, in a lane twice as wide (the sums cannot overflow it). */
    private static long pairSums(long a, long evenLanes, int width) {
        return (a & evenLanes) + ((a >>> width) & evenLanes);
    }

    /** The dot product of the two 16-bit lane pairs at {@code shift}; it wraps only for four times MIN, as the spec says. */
    private static int dot(long a, long b, int shift) {
        return (short) (a >>> shift) * (short) (b >>> shift) + (short) (a >>> shift + 16) * (short) (b >>> shift + 16);
    }

    /** The four 16-bit lanes of x, each saturated to [min, max], as the four bytes of the low 32 bits. */
    private static long narrowToBytes(long x, int min, int max) {
        long bytes = 0;
        for (int lane = 0; lane < 4; lane++) {
            bytes |= (Lanes.clamp((short) (x >>> 16 * lane), min, max) & 0xFFL) << 8 * lane;
        }
        return bytes;
    }

    private static long narrowToShorts(long lo, long hi, int min, int max) {
        return Lanes.pack16(Lanes.clamp((int) lo, min, max), Lanes.clamp((int) (lo >>> 32), min, max),
                Lanes.clamp((int) hi, min, max), Lanes.clamp((int) (hi >>> 32), min, max));
    }
}
