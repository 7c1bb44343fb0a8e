package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.wasmvm.core.Engine;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;

/** Helpers shared by the memory and table tests. */
final class MemoryTesting {
    static final int PAGE = MemoryType.PAGE_SIZE;

    private MemoryTesting() {}

    static MemoryType memoryType(long min, long max, boolean is64) {
        return new MemoryType(new Limits(min, max, is64));
    }

    static FlatMemory flat(int pages, long maxPages) {
        return new FlatMemory(memoryType(pages, maxPages, false), pages, maxPages);
    }

    static PagedMemory paged(long pages, long maxPages) {
        return new PagedMemory(memoryType(pages, maxPages, true), pages, maxPages);
    }

    /** A paged memory that stays one array up to 2 pages, so growing past that splits it into chunks. */
    static PagedMemory flatThenPaged(long pages, long maxPages) {
        return new PagedMemory(memoryType(pages, maxPages, true), pages, maxPages, 2);
    }

    /** A shared 32-bit memory (always paged, its chunks allocated as it grows). */
    static PagedMemory shared(long pages, long maxPages) {
        return (PagedMemory) LinearMemory.create(new MemoryType(new Limits(pages, maxPages, false), true), maxPages);
    }

    /** A store's runtime side, for the operations that wait. */
    static StoreContext context() {
        return context(RuntimeLimits.DEFAULT);
    }

    static StoreContext context(RuntimeLimits limits) {
        return new StoreContext(limits, Engine.INTERPRETER, null);
    }

    /** Asserts that {@code call} throws the internal {@link Trap} of {@code kind}. */
    static void assertTrap(TrapKind kind, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Trap.class, trap -> assertThat(trap.kind()).isEqualTo(kind));
    }

    static void assertMemoryTrap(ThrowingCallable call) {
        assertTrap(TrapKind.MEMORY_OUT_OF_BOUNDS, call);
    }
}
