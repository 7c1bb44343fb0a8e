package org.wasmvm.core.model;

/**
 * A linear memory's limits, in pages of {@link #PAGE_SIZE} bytes, and whether it is shared (threads; a shared
 * memory must have a maximum).
 */
public record MemoryType(Limits limits, boolean shared) {
    public static final int PAGE_SIZE = 65536;
    /** The largest page count a 32-bit memory may declare (4 GiB). */
    public static final long MAX_PAGES_32 = 65536L;
    /** The largest page count a 64-bit memory may declare (2^64 bytes). */
    public static final long MAX_PAGES_64 = 1L << 48;

    /** An unshared memory. */
    public MemoryType(Limits limits) {
        this(limits, false);
    }

    public boolean is64() {
        return limits.is64();
    }

    @Override
    public String toString() {
        return "memory " + limits + (shared ? " shared" : "");
    }
}
