package org.wasmvm.core.sysenv;

import org.wasmvm.core.Instance;
import org.wasmvm.core.Memory;

/**
 * Decodes the sysenv pointer convention: the top 4 bits of a pointer select a memory of the calling
 * instance ({@code memidx = ptr >>> 60}), the low 60 bits are the offset in it; an untagged pointer
 * is memory 0. Every buffer is checked here, before it is touched, so a bad pointer becomes
 * {@code -EFAULT} ({@link GuestFault}) instead of the memory's own out-of-bounds trap.
 */
final class GuestPointers {
    static final int TAG_SHIFT = 60;
    static final long OFFSET_MASK = (1L << TAG_SHIFT) - 1;

    private GuestPointers() {
    }

    /** The memory index a pointer is tagged with. */
    static int memoryIndex(long ptr) {
        return (int) (ptr >>> TAG_SHIFT);
    }

    /** The offset of a pointer within its memory. */
    static long offset(long ptr) {
        return ptr & OFFSET_MASK;
    }

    /**
     * The buffer {@code [ptr, ptr + len)} of the caller's memories.
     *
     * @throws GuestFault when the memory index does not exist, {@code len} is negative or does not
     *     fit a Java array, or the range is not entirely inside the memory
     */
    static GuestBuffer buffer(Instance caller, long ptr, long len) {
        int index = memoryIndex(ptr);
        if (index >= caller.memoryCount() || len < 0 || len > Integer.MAX_VALUE - 8) {
            throw GuestFault.INSTANCE;
        }
        Memory memory = caller.memory(index);
        long start = offset(ptr);
        // start < 2^60 and len < 2^31, so the sum cannot overflow.
        if (start + len > memory.byteSize()) {
            throw GuestFault.INSTANCE;
        }
        return new GuestBuffer(memory, start, (int) len);
    }
}
