package org.wasmvm.core;

import java.time.Duration;

/**
 * Limits that keep a guest from exhausting the host: every instance of a {@link Store} obeys them.
 * Start from {@link #DEFAULT} and adjust with the {@code with…} methods.
 *
 * @param maxCallDepth the deepest wasm call nesting before a {@code call stack exhausted} trap
 * @param maxMemoryPages the most pages any memory may have (declared minimums above it fail
 *     instantiation; {@code memory.grow} beyond it returns -1)
 * @param maxTableElements the most elements any table may have (declared minimums above it fail
 *     instantiation, and so do a module's tables whose minimums add up to more; {@code table.grow}
 *     beyond it returns -1)
 * @param fuel how many loop iterations and calls a store's code may execute in all before a
 *     {@code fuel exhausted} trap, or {@link #UNLIMITED}
 * @param timeout how long one call from the host into wasm may run before a {@code timeout} trap,
 *     or {@code null} for no limit
 * @param maxStackSlots the most 8-byte value slots (locals and operands of all active frames) the
 *     interpreter's stack may hold before a {@code call stack exhausted} trap: deep recursion of
 *     functions with huge frames must not exhaust the host's heap
 * @param maxThreads the most guest threads a run may have alive at once besides its main thread (wasi-threads'
 *     {@code thread-spawn} fails beyond it, as {@code pthread_create} does with {@code EAGAIN}); each thread's
 *     store has the other limits to itself
 * @param maxArrayElements the most elements one GC array may have; allocating a longer one traps with
 *     {@code allocation too large} (the JVM's own limit is about 2^31)
 */
public record RuntimeLimits(int maxCallDepth, long maxMemoryPages, long maxTableElements, long fuel, Duration timeout,
        int maxStackSlots, int maxThreads, int maxArrayElements) {
    /** Marks an unlimited fuel budget. */
    public static final long UNLIMITED = -1;

    /**
     * Generous defaults: 10 000 nested calls, memories up to 2^48 pages, 10 million table elements,
     * no fuel or time limit, a value stack of 16 Mi slots (128 MiB), 128 guest threads, GC arrays of up to 2^27
     * elements (1 GiB of {@code i64}s).
     */
    public static final RuntimeLimits DEFAULT = new RuntimeLimits(10_000, 1L << 48, 10_000_000, UNLIMITED, null, 1 << 24,
            128, 1 << 27);

    public RuntimeLimits {
        if (maxCallDepth < 1 || maxMemoryPages < 0 || maxTableElements < 0 || (fuel < 0 && fuel != UNLIMITED)
                || maxStackSlots < 1 || maxThreads < 0 || maxArrayElements < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public RuntimeLimits withMaxCallDepth(int depth) {
        return new RuntimeLimits(depth, maxMemoryPages, maxTableElements, fuel, timeout, maxStackSlots, maxThreads, maxArrayElements);
    }

    public RuntimeLimits withMaxMemoryPages(long pages) {
        return new RuntimeLimits(maxCallDepth, pages, maxTableElements, fuel, timeout, maxStackSlots, maxThreads, maxArrayElements);
    }

    public RuntimeLimits withMaxTableElements(long elements) {
        return new RuntimeLimits(maxCallDepth, maxMemoryPages, elements, fuel, timeout, maxStackSlots, maxThreads, maxArrayElements);
    }

    public RuntimeLimits withFuel(long units) {
        return new RuntimeLimits(maxCallDepth, maxMemoryPages, maxTableElements, units, timeout, maxStackSlots, maxThreads, maxArrayElements);
    }

    public RuntimeLimits withTimeout(Duration limit) {
        return new RuntimeLimits(maxCallDepth, maxMemoryPages, maxTableElements, fuel, limit, maxStackSlots, maxThreads, maxArrayElements);
    }

    public RuntimeLimits withMaxThreads(int threads) {
        return new RuntimeLimits(maxCallDepth, maxMemoryPages, maxTableElements, fuel, timeout, maxStackSlots, threads, maxArrayElements);
    }

    public RuntimeLimits withMaxArrayElements(int elements) {
        return new RuntimeLimits(maxCallDepth, maxMemoryPages, maxTableElements, fuel, timeout, maxStackSlots, maxThreads, elements);
    }

    public RuntimeLimits withMaxStackSlots(int slots) {
        return new RuntimeLimits(maxCallDepth, maxMemoryPages, maxTableElements, fuel, timeout, slots, maxThreads, maxArrayElements);
    }
}
