package org.wasmvm.core.model;

/** A linear memory's limits, in pages of {@link #PAGE_SIZE} bytes. */
public record MemoryType(Limits limits) {
    public static final int PAGE_SIZE = 65536;
    /** The largest page count a 32-bit memory may declare (4 GiB). */
    public static final long MAX_PAGES_32 = 65536L;
    /** The largest page count a 64-bit memory may declare (2^64 bytes). */
    public static final long MAX_PAGES_64 = 1L << 48;

    public boolean is64() {
        return limits.is64();
    }

    @Override
    public String toString() {
        return "memory " + limits;
    }
}
