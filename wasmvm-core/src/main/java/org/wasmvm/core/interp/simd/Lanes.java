package org.wasmvm.core.interp.simd;

/** Packing lanes into a 64-bit half and reading float lanes out of one; lane 0 is the lowest bits. */
final class Lanes {
    private Lanes() {
    }

    static long pack16(int lane0, int lane1, int lane2, int lane3) {
        return (lane0 & 0xFFFFL) | (lane1 & 0xFFFFL) << 16 | (lane2 & 0xFFFFL) << 32 | (long) lane3 << 48;
    }

    static long pack32(int lane0, int lane1) {
        return (lane0 & 0xFFFF_FFFFL) | (long) lane1 << 32;
    }

    static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** All ones for true, as a comparison's lane. */
    static int mask(boolean condition) {
        return condition ? -1 : 0;
    }

    static float f32Low(long half) {
        return Float.intBitsToFloat((int) half);
    }

    static float f32High(long half) {
        return Float.intBitsToFloat((int) (half >>> 32));
    }

    /** Two f32 lanes; the raw bits, so a NaN keeps its payload. */
    static long f32s(float lane0, float lane1) {
        return pack32(Float.floatToRawIntBits(lane0), Float.floatToRawIntBits(lane1));
    }

    /**
     * The lane result {@code r} of {@code x} and {@code y}, with a NaN made deterministic: the first NaN
     * operand, quieted, else x86's default NaN (as V8 gives on x86). The JVM leaves the choice to the
     * hardware and the JIT, which may swap the operands of a commutative operation or fold a constant
     * one, so the same method gave different NaNs in the interpreter and in compiled code.
     */
    static float nan(float r, float x, float y) {
        if (r == r) {
            return r;
        }
        int bits = x != x ? Float.floatToRawIntBits(x) : y != y ? Float.floatToRawIntBits(y) : 0xFFC0_0000;
        return Float.intBitsToFloat(bits | 0x0040_0000);
    }

    /** As {@link #nan(float, float, float)} for f64 lanes. */
    static double nan(double r, double x, double y) {
        if (r == r) {
            return r;
        }
        long bits = x != x ? Double.doubleToRawLongBits(x) : y != y ? Double.doubleToRawLongBits(y) : 0xFFF8_0000_0000_0000L;
        return Double.longBitsToDouble(bits | 0x0008_0000_0000_0000L);
    }

    static double f64(long lane) {
        return Double.longBitsToDouble(lane);
    }

    static long bits(double lane) {
        return Double.doubleToRawLongBits(lane);
    }
}
