package org.wasmvm.core.gc;

/**
 * An {@code i31ref}: an immutable 31-bit integer, held sign-extended. A record, so {@code ref.eq} of two is the
 * equality of their values, however each was made. The values -128 to 127 are cached, as {@link Integer#valueOf}
 * caches them; others are allocated.
 *
 * @param value the 31-bit value, sign-extended to 32 bits
 */
public record I31(int value) {
    private static final int CACHE_LOW = -128, CACHE_HIGH = 127;
    private static final I31[] CACHE = new I31[CACHE_HIGH - CACHE_LOW + 1];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new I31(CACHE_LOW + i);
        }
    }

    public I31 {
        if (value << 1 >> 1 != value) {
            throw new IllegalArgumentException("not a 31-bit value: " + value);
        }
    }

    /** {@code ref.i31}: the low 31 bits of {@code bits}. */
    public static I31 of(int bits) {
        int value = bits << 1 >> 1;
        return value >= CACHE_LOW && value <= CACHE_HIGH ? CACHE[value - CACHE_LOW] : new I31(value);
    }

    /** {@code i31.get_u}: the 31 bits zero-extended. */
    public int unsigned() {
        return value & 0x7FFF_FFFF;
    }

    @Override
    public String toString() {
        return "i31 " + value;
    }
}
