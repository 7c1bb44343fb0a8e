package org.wasmvm.core.binary;

import org.wasmvm.core.MalformedModuleException;

/**
 * The flags u32 that starts a memarg. In Wasm 2.0 it is the alignment exponent, malformed from 32 on.
 * With multi-memory (3.0) bits 0-5 are the exponent and bit 6 says that a memory index follows; only
 * from 2^7 on is it malformed, so an exponent of 32 to 63 decodes and is merely invalid ("alignment must
 * not be larger than natural").
 */
public final class MemArgFlags {
    private static final int MEMORY_INDEX_BIT = 0x40;
    private static final int ALIGNMENT_BITS = 0x3F;

    private MemArgFlags() {
    }

    /** Throws "malformed memop flags" at {@code offset} unless {@code flags} is well-formed. */
    public static void check(int flags, boolean multiMemory, int offset) {
        int limit = multiMemory ? 0x80 : 0x20;
        if (Integer.compareUnsigned(flags, limit) >= 0) {
            throw new MalformedModuleException(offset, "malformed memop flags");
        }
    }

    /** Whether a memory index follows the flags (else the memory is 0). */
    public static boolean hasMemoryIndex(int flags) {
        return (flags & MEMORY_INDEX_BIT) != 0;
    }

    /** The alignment exponent of well-formed flags. */
    public static int alignment(int flags) {
        return flags & ALIGNMENT_BITS;
    }
}
