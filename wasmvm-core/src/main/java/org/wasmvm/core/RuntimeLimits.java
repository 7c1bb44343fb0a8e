package org.wasmvm.core;

/**
 * Limits that keep a guest from exhausting the host: every instance of a {@link Store} obeys them.
 *
 * @param maxCallDepth the deepest wasm call nesting before a {@code call stack exhausted} trap
 * @param maxMemoryPages the most pages any memory may have (declared minimums above it fail
 *     instantiation; {@code memory.grow} beyond it returns -1)
 * @param maxTableElements the most elements any table may have
 */
public record RuntimeLimits(int maxCallDepth, long maxMemoryPages, long maxTableElements) {
    /** Generous defaults: 10 000 nested calls, memories up to 2^48 pages, 10 million table elements. */
    public static final RuntimeLimits DEFAULT = new RuntimeLimits(10_000, 1L << 48, 10_000_000);

    public RuntimeLimits {
        if (maxCallDepth < 1 || maxMemoryPages < 0 || maxTableElements < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
