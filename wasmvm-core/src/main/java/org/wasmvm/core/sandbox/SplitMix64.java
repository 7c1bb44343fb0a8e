package org.wasmvm.core.sandbox;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014;
 * Vigna's public-domain C code): a 64-bit counter advanced by the golden-ratio gamma, each value
 * mixed by two xor-shift-multiplies. Written out here rather than taken from the JDK so that the
 * bytes of a seed are this algorithm's on every Java version: a build stays reproducible across
 * JDK upgrades. Bytes are taken from each value least significant first.
 */
final class SplitMix64 implements GuestRandom {
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Eight bytes per value; the bytes of a value left over at the end of {@code bytes} are dropped. */
    @Override
    public void fill(byte[] bytes) {
        for (int i = 0; i < bytes.length; i += Long.BYTES) {
            long value = nextLong();
            for (int j = i; j < Math.min(i + Long.BYTES, bytes.length); j++) {
                bytes[j] = (byte) value;
                value >>>= 8;
            }
        }
    }
}
