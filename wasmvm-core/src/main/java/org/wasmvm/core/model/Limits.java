package org.wasmvm.core.model;

/**
 * Size limits of a memory (in 64 KiB pages) or a table (in elements).
 *
 * @param min the initial size
 * @param max the maximum size, or {@link #NO_MAX} when unbounded
 * @param is64 whether the memory or table is indexed with i64 (memory64 / table64)
 */
public record Limits(long min, long max, boolean is64) {
    /** Marks an absent maximum. Unsigned comparisons treat it as the largest value. */
    public static final long NO_MAX = -1L;

    public boolean hasMax() {
        return max != NO_MAX;
    }

    /** The type of addresses or indices: i64 for 64-bit memories and tables, otherwise i32. */
    public ValType indexType() {
        return is64 ? ValType.I64 : ValType.I32;
    }

    @Override
    public String toString() {
        return (is64 ? "i64 " : "") + Long.toUnsignedString(min) + (hasMax() ? " " + Long.toUnsignedString(max) : "");
    }
}
