package org.wasmvm.core.interp.simd;

/**
 * SIMD within a register: lane-wise arithmetic on the 8-, 16- or 32-bit lanes of a 64-bit half with
 * plain {@code long} operations. The lanes' width is given by the mask of their top bits ({@link #H8},
 * {@link #H16}, {@link #H32}), and by the width itself where a shift needs it; callers pass
 * constants, which C2 folds once it has inlined the helper.
 */
final class Swar {
    static final long H8 = 0x8080_8080_8080_8080L;
    static final long H16 = 0x8000_8000_8000_8000L;
    static final long H32 = 0x8000_0000_8000_0000L;

    private Swar() {
    }

    /** Lane-wise a + b: the low bits add without a carry leaving the lane, the top bit is the xor of the three that meet there. */
    static long add(long a, long b, long h) {
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    /** Lane-wise a - b: each lane's top bit of a is set first so no borrow leaves the lane, then corrected. */
    static long sub(long a, long b, long h) {
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }

    /** The top bit of each lane where a &lt; b unsigned: the borrow out of that lane of a - b. */
    static long lessU(long a, long b, long h) {
        return ((~a & b) | (~(a ^ b) & sub(a, b, h))) & h;
    }

    /** As {@link #lessU}, signed: flipping the top bits maps signed order onto unsigned order. */
    static long lessS(long a, long b, long h) {
        return lessU(a ^ h, b ^ h, h);
    }

    /** The top bit of each lane that is not zero: adding 0111..1 to the low bits carries into the top bit iff one is set. */
    static long nonZero(long x, long h) {
        return (((x & ~h) + ~h) | x) & h;
    }

    /** Each lane all ones where its top bit is set in {@code topBits} (which has no other bits), else zero. */
    static long fill(long topBits, int width) {
        return (topBits - (topBits >>> (width - 1))) | topBits;
    }

    /** {@code value} (one lane's bits) in every lane. */
    static long repeat(long value, long h, int width) {
        return value * (h >>> (width - 1));
    }

    /** The bits of a where mask is set, of b elsewhere. */
    static long select(long mask, long a, long b) {
        return (a & mask) | (b & ~mask);
    }

    /** Sign-extends the low part of each lane, whose sign bit is {@code signBits}: x ^ s - s turns s into -s. */
    static long signExtend(long lanes, long signBits, long h) {
        return sub(lanes ^ signBits, signBits, h);
    }
}
