package org.wasmvm.core.interp;

/**
 * The integer comparisons as 0 or 1 without a branch. Written as {@code a < b ? 1 : 0}, each
 * comparison in the interpreter's loop is a branch that C2 compiles only for the outcomes it has
 * seen; the first other outcome (a new phase of a large program) deoptimizes the whole loop and
 * costs a recompilation of over a second. Shifting out the sign of a difference has no outcome to
 * miss. The formulas for 64-bit signed and unsigned less-than are from Hacker's Delight (2-12).
 */
final class Comparisons {
    private static final long U32 = 0xFFFF_FFFFL;

    private Comparisons() {
    }

    static long i32Eqz(int a) {
        return ((a & U32) - 1) >>> 63;
    }

    static long i32Eq(int a, int b) {
        return i32Eqz(a ^ b);
    }

    static long i32Ne(int a, int b) {
        return -((a ^ b) & U32) >>> 63;
    }

    static long i32LtS(int a, int b) {
        return ((long) a - b) >>> 63;
    }

    static long i32GtS(int a, int b) {
        return i32LtS(b, a);
    }

    static long i32LeS(int a, int b) {
        return 1 ^ i32LtS(b, a);
    }

    static long i32GeS(int a, int b) {
        return 1 ^ i32LtS(a, b);
    }

    static long i32LtU(int a, int b) {
        return ((a & U32) - (b & U32)) >>> 63;
    }

    static long i32GtU(int a, int b) {
        return i32LtU(b, a);
    }

    static long i32LeU(int a, int b) {
        return 1 ^ i32LtU(b, a);
    }

    static long i32GeU(int a, int b) {
        return 1 ^ i32LtU(a, b);
    }

    static long i64Eqz(long a) {
        return ~(a | -a) >>> 63;
    }

    static long i64Eq(long a, long b) {
        return i64Eqz(a ^ b);
    }

    static long i64Ne(long a, long b) {
        long x = a ^ b;
        return (x | -x) >>> 63;
    }

    static long i64LtS(long a, long b) {
        long difference = a - b;
        return (difference ^ ((a ^ b) & (difference ^ a))) >>> 63;
    }

    static long i64GtS(long a, long b) {
        return i64LtS(b, a);
    }

    static long i64LeS(long a, long b) {
        return 1 ^ i64LtS(b, a);
    }

    static long i64GeS(long a, long b) {
        return 1 ^ i64LtS(a, b);
    }

    static long i64LtU(long a, long b) {
        return ((~a & b) | ((~a | b) & (a - b))) >>> 63;
    }

    static long i64GtU(long a, long b) {
        return i64LtU(b, a);
    }

    static long i64LeU(long a, long b) {
        return 1 ^ i64LtU(b, a);
    }

    static long i64GeU(long a, long b) {
        return 1 ^ i64LtU(a, b);
    }
}
