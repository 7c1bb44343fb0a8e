package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Swar.H16;
import static org.wasmvm.core.interp.simd.Swar.H32;
import static org.wasmvm.core.interp.simd.Swar.H8;

/**
 * The v128 logic instructions, the shifts and i8x16.popcnt, lane-wise on one half ({@code lo} from
 * the {@code lo}s, {@code hi} from the {@code hi}s). A shift takes the instruction's i32 count as is:
 * the count is taken modulo the lane width here.
 */
public final class BitwiseLanes {
    private BitwiseLanes() {
    }

    public static long v128Not(long a) {
        return ~a;
    }

    public static long v128And(long a, long b) {
        return a & b;
    }

    public static long v128Andnot(long a, long b) {
        return a & ~b;
    }

    public static long v128Or(long a, long b) {
        return a | b;
    }

    public static long v128Xor(long a, long b) {
        return a ^ b;
    }

    /** The bits of a where c is set, of b elsewhere. */
    public static long v128Bitselect(long a, long b, long c) {
        return Swar.select(c, a, b);
    }

    /** 1 if any bit of the vector is set; takes both halves. */
    public static int v128AnyTrue(long lo, long hi) {
        return (lo | hi) != 0 ? 1 : 0;
    }

    /** Per byte, the classic halving popcount: pairs, then nibbles, then bytes; no sum leaves its byte. */
    public static long i8x16Popcnt(long a) {
        long pairs = a - ((a >>> 1) & 0x5555_5555_5555_5555L);
        long nibbles = (pairs & 0x3333_3333_3333_3333L) + ((pairs >>> 2) & 0x3333_3333_3333_3333L);
        return (nibbles + (nibbles >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
    }

    public static long i8x16Shl(long a, int count) {
        return shl(a, count, H8, 8);
    }

    public static long i8x16ShrS(long a, int count) {
        return shrS(a, count, H8, 8);
    }

    public static long i8x16ShrU(long a, int count) {
        return shrU(a, count, H8, 8);
    }

    public static long i16x8Shl(long a, int count) {
        return shl(a, count, H16, 16);
    }

    public static long i16x8ShrS(long a, int count) {
        return shrS(a, count, H16, 16);
    }

    public static long i16x8ShrU(long a, int count) {
        return shrU(a, count, H16, 16);
    }

    public static long i32x4Shl(long a, int count) {
        return shl(a, count, H32, 32);
    }

    public static long i32x4ShrS(long a, int count) {
        return shrS(a, count, H32, 32);
    }

    public static long i32x4ShrU(long a, int count) {
        return shrU(a, count, H32, 32);
    }

    // Java's long shifts already take the count modulo 64, the i64x2 lane width

    public static long i64x2Shl(long a, int count) {
        return a << count;
    }

    public static long i64x2ShrS(long a, int count) {
        return a >> count;
    }

    public static long i64x2ShrU(long a, int count) {
        return a >>> count;
    }

    /** Shifts the whole half, after clearing the bits that would cross into the next lane. */
    private static long shl(long a, int count, long h, int width) {
        int n = count & (width - 1);
        return (a & kept(n, h, width)) << n;
    }

    /** Shifts the whole half, then clears the bits that came from the next lane. */
    private static long shrU(long a, int count, long h, int width) {
        int n = count & (width - 1);
        return (a >>> n) & kept(n, h, width);
    }

    /** As shrU, then ones into the vacated top bits of the negative lanes. */
    private static long shrS(long a, int count, long h, int width) {
        int n = count & (width - 1);
        long kept = kept(n, h, width);
        return ((a >>> n) & kept) | (Swar.fill(a & h, width) & ~kept);
    }

    /** The low {@code width - n} bits of every lane: what a shift by n keeps of each lane. */
    private static long kept(int n, long h, int width) {
        return Swar.repeat(((1L << width) - 1) >>> n, h, width);
    }
}
