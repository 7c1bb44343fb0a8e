package org.wasmvm.core;

import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.runtime.LinearMemory;

/**
 * A linear memory, addressed by {@code long}. Accesses out of bounds throw a {@link WasmTrap}
 * of kind {@link TrapKind#MEMORY_OUT_OF_BOUNDS}. Not thread-safe (like the guest that owns it).
 */
public interface Memory {
    /** A new memory of the given type, for use as an import. */
    static Memory create(MemoryType type) {
        return LinearMemory.create(type, Long.MAX_VALUE);
    }

    /** A new 32-bit memory of {@code minPages} pages, at most {@code maxPages}. */
    static Memory create(long minPages, long maxPages) {
        return create(new MemoryType(new Limits(minPages, maxPages, false)));
    }

    MemoryType type();

    /** Current size in pages of 64 KiB. */
    long pages();

    /** Current size in bytes. */
    long byteSize();

    /** Grows by {@code deltaPages}; returns the previous page count, or -1 if it cannot grow. */
    long grow(long deltaPages);

    /** Copies {@code length} bytes at {@code address} into {@code dst[dstOffset…]}. */
    void read(long address, byte[] dst, int dstOffset, int length);

    default byte[] read(long address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }

    /** Copies {@code src[srcOffset…srcOffset+length)} to {@code address}. */
    void write(long address, byte[] src, int srcOffset, int length);

    default void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    byte readByte(long address);

    int readInt(long address);

    long readLong(long address);

    void writeByte(long address, byte value);

    void writeInt(long address, int value);

    void writeLong(long address, long value);
}
