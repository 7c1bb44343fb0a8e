package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Swar.H16;
import static org.wasmvm.core.interp.simd.Swar.H32;
import static org.wasmvm.core.interp.simd.Swar.H8;

/**
 * Integer lane comparisons, lane-wise on one half ({@code lo} from the {@code lo}s, {@code hi} from the
 * {@code hi}s): each lane of the result is all ones where the comparison holds, else zero. Greater-than
 * is less-than with the operands swapped, and the or-equal forms are the negated strict ones.
 */
public final class IntegerComparisons {
    private IntegerComparisons() {
    }

    public static long i8x16Eq(long a, long b) {
        return ~ne(a, b, H8, 8);
    }

    public static long i8x16Ne(long a, long b) {
        return ne(a, b, H8, 8);
    }

    public static long i8x16LtS(long a, long b) {
        return Swar.fill(Swar.lessS(a, b, H8), 8);
    }

    public static long i8x16LtU(long a, long b) {
        return Swar.fill(Swar.lessU(a, b, H8), 8);
    }

    public static long i8x16GtS(long a, long b) {
        return i8x16LtS(b, a);
    }

    public static long i8x16GtU(long a, long b) {
        return i8x16LtU(b, a);
    }

    public static long i8x16LeS(long a, long b) {
        return ~i8x16LtS(b, a);
    }

    public static long i8x16LeU(long a, long b) {
        return ~i8x16LtU(b, a);
    }

    public static long i8x16GeS(long a, long b) {
        return ~i8x16LtS(a, b);
    }

    public static long i8x16GeU(long a, long b) {
        return ~i8x16LtU(a, b);
    }

    public static long i16x8Eq(long a, long b) {
        return ~ne(a, b, H16, 16);
    }

    public static long i16x8Ne(long a, long b) {
        return ne(a, b, H16, 16);
    }

    public static long i16x8LtS(long a, long b) {
        return Swar.fill(Swar.lessS(a, b, H16), 16);
    }

    public static long i16x8LtU(long a, long b) {
        return Swar.fill(Swar.lessU(a, b, H16), 16);
    }

    public static long i16x8GtS(long a, long b) {
        return i16x8LtS(b, a);
    }

    public static long i16x8GtU(long a, long b) {
        return i16x8LtU(b, a);
    }

    public static long i16x8LeS(long a, long b) {
        return ~i16x8LtS(b, a);
    }

    public static long i16x8LeU(long a, long b) {
        return ~i16x8LtU(b, a);
    }

    public static long i16x8GeS(long a, long b) {
        return ~i16x8LtS(a, b);
    }

    public static long i16x8GeU(long a, long b) {
        return ~i16x8LtU(a, b);
    }

    public static long i32x4Eq(long a, long b) {
        return ~ne(a, b, H32, 32);
    }

    public static long i32x4Ne(long a, long b) {
        return ne(a, b, H32, 32);
    }

    public static long i32x4LtS(long a, long b) {
        return Swar.fill(Swar.lessS(a, b, H32), 32);
    }

    public static long i32x4LtU(long a, long b) {
        return Swar.fill(Swar.lessU(a, b, H32), 32);
    }

    public static long i32x4GtS(long a, long b) {
        return i32x4LtS(b, a);
    }

    public static long i32x4GtU(long a, long b) {
        return i32x4LtU(b, a);
    }

    public static long i32x4LeS(long a, long b) {
        return ~i32x4LtS(b, a);
    }

    public static long i32x4LeU(long a, long b) {
        return ~i32x4LtU(b, a);
    }

    public static long i32x4GeS(long a, long b) {
        return ~i32x4LtS(a, b);
    }

    public static long i32x4GeU(long a, long b) {
        return ~i32x4LtU(a, b);
    }

    public static long i64x2Eq(long a, long b) {
        return a == b ? -1L : 0L;
    }

    public static long i64x2Ne(long a, long b) {
        return a != b ? -1L : 0L;
    }

    public static long i64x2LtS(long a, long b) {
        return a < b ? -1L : 0L;
    }

    public static long i64x2GtS(long a, long b) {
        return a > b ? -1L : 0L;
    }

    public static long i64x2LeS(long a, long b) {
        return a <= b ? -1L : 0L;
    }

    public static long i64x2GeS(long a, long b) {
        return a >= b ? -1L : 0L;
    }

    private static long ne(long a, long b, long h, int width) {
        return Swar.fill(Swar.nonZero(a ^ b, h), width);
    }
}
