package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Swar.H16;
import static org.wasmvm.core.interp.simd.Swar.H32;
import static org.wasmvm.core.interp.simd.Swar.H8;

/**
 * Lanes moved rather than computed: splat, extract and replace lane, shuffle, swizzle, and the
 * reductions of a whole vector to an i32 (bitmask, all_true).
 *
 * <ul>
 *   <li><b>Splat</b> gives the half, the same for {@code lo} and {@code hi}. The splatting loads are the
 *       splat of the loaded value. An i64x2 or f64x2 splat needs no method: both halves are the value.
 *   <li><b>Extract and replace</b> take the instruction's lane index and the half that holds the lane:
 *       {@code lo} for the lower half of the lane indexes (0-7 of i8x16, 0-3 of i16x8, 0-1 of i32x4),
 *       {@code hi} for the rest; a replace returns that half, the other stays. {@code v128.load*_lane}
 *       is a replace with the loaded value, {@code v128.store*_lane} an extract then a store. An i64x2 or
 *       f64x2 lane is its half, so these shapes need no method.
 *   <li>Float lanes are bits here: f32x4 splat, extract and replace are the i32x4 methods on
 *       {@code Float.floatToRawIntBits}, which keeps a NaN's payload as the spec requires.
 * </ul>
 */
public final class LaneMoves {
    private LaneMoves() {
    }

    public static long i8x16Splat(int value) {
        return Swar.repeat(value & 0xFFL, H8, 8);
    }

    public static long i16x8Splat(int value) {
        return Swar.repeat(value & 0xFFFFL, H16, 16);
    }

    public static long i32x4Splat(int value) {
        return Swar.repeat(value & 0xFFFF_FFFFL, H32, 32);
    }

    public static int i8x16ExtractLaneS(long half, int lane) {
        return (byte) (half >>> byteShift(lane));
    }

    public static int i8x16ExtractLaneU(long half, int lane) {
        return (int) (half >>> byteShift(lane)) & 0xFF;
    }

    public static int i16x8ExtractLaneS(long half, int lane) {
        return (short) (half >>> shortShift(lane));
    }

    public static int i16x8ExtractLaneU(long half, int lane) {
        return (int) (half >>> shortShift(lane)) & 0xFFFF;
    }

    public static int i32x4ExtractLane(long half, int lane) {
        return (int) (half >>> intShift(lane));
    }

    public static long i8x16ReplaceLane(long half, int lane, int value) {
        return replace(half, byteShift(lane), 0xFFL, value);
    }

    public static long i16x8ReplaceLane(long half, int lane, int value) {
        return replace(half, shortShift(lane), 0xFFFFL, value);
    }

    public static long i32x4ReplaceLane(long half, int lane, int value) {
        return replace(half, intShift(lane), 0xFFFF_FFFFL, value);
    }

    /**
     * One half of {@code i8x16.shuffle}: {@code indexes} holds the 8 lane indexes (0-31, as validated)
     * of this half, one per byte, lowest first; the immediate's bytes 0-7 for {@code lo}, 8-15 for {@code hi}.
     */
    public static long i8x16Shuffle(long aLo, long aHi, long bLo, long bHi, long indexes) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 8) {
            int index = (int) (indexes >>> shift) & 31;
            long lane = index < 16 ? byteOf(aLo, aHi, index) : byteOf(bLo, bHi, index - 16);
            result |= lane << shift;
        }
        return result;
    }

    /** One half of {@code i8x16.swizzle}: {@code indexes} is the same half of the index operand; an index past 15 gives 0. */
    public static long i8x16Swizzle(long aLo, long aHi, long indexes) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 8) {
            int index = (int) (indexes >>> shift) & 0xFF;
            if (index < 16) {
                result |= byteOf(aLo, aHi, index) << shift;
            }
        }
        return result;
    }

    /** Bit i is the top bit of lane i. A multiply gathers the 8 top bits of a half: byte i's lands in bit 56 + i, no two collide. */
    public static int i8x16Bitmask(long lo, long hi) {
        return gatherBytes(lo) | gatherBytes(hi) << 8;
    }

    public static int i16x8Bitmask(long lo, long hi) {
        return gatherShorts(lo) | gatherShorts(hi) << 4;
    }

    public static int i32x4Bitmask(long lo, long hi) {
        return gatherInts(lo) | gatherInts(hi) << 2;
    }

    public static int i64x2Bitmask(long lo, long hi) {
        return (int) (lo >>> 63) | (int) (hi >>> 63) << 1;
    }

    public static int i8x16AllTrue(long lo, long hi) {
        return allNonZero(lo, hi, H8);
    }

    public static int i16x8AllTrue(long lo, long hi) {
        return allNonZero(lo, hi, H16);
    }

    public static int i32x4AllTrue(long lo, long hi) {
        return allNonZero(lo, hi, H32);
    }

    public static int i64x2AllTrue(long lo, long hi) {
        return lo != 0 && hi != 0 ? 1 : 0;
    }

    // a lane index of the instruction, reduced to its half: the shift of that lane within the half
    private static int byteShift(int lane) {
        return (lane & 7) << 3;
    }

    private static int shortShift(int lane) {
        return (lane & 3) << 4;
    }

    private static int intShift(int lane) {
        return (lane & 1) << 5;
    }

    private static long replace(long half, int shift, long laneMask, int value) {
        return (half & ~(laneMask << shift)) | ((value & laneMask) << shift);
    }

    /** Byte {@code index} (0-15) of the vector (lo, hi). */
    private static long byteOf(long lo, long hi, int index) {
        return ((index < 8 ? lo : hi) >>> ((index & 7) << 3)) & 0xFF;
    }

    private static int gatherBytes(long half) {
        return (int) (((half & H8) * 0x0002_0408_1020_4081L) >>> 56);
    }

    /** As gatherBytes: the multiplier's terms 2^45, 2^30, 2^15, 2^0 move bits 15, 31, 47, 63 to 60-63. */
    private static int gatherShorts(long half) {
        return (int) (((half & H16) * 0x0000_2000_4000_8001L) >>> 60);
    }

    private static int gatherInts(long half) {
        return (int) ((half >>> 31) & 1 | (half >>> 62) & 2);
    }

    private static int allNonZero(long lo, long hi, long h) {
        return (Swar.nonZero(lo, h) & Swar.nonZero(hi, h)) == h ? 1 : 0;
    }
}
