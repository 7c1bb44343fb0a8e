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

    static double f64(long lane) {
        return Double.longBitsToDouble(lane);
    }

    static long bits(double lane) {
        return Double.doubleToRawLongBits(lane);
    }
}
