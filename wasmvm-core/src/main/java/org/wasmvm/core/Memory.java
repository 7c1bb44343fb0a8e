package org.wasmvm.core;

import java.nio.ByteBuffer;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.runtime.LinearMemory;

/**
 * A linear memory, addressed by {@code long}. Accesses out of bounds throw a {@link WasmTrap}
 * of kind {@link TrapKind#MEMORY_OUT_OF_BOUNDS}. An unshared memory is not thread-safe (like the guest that owns
 * it); a shared one ({@link MemoryType#shared()}) may be defined in several stores and used by their threads at
 * once, as their guests use it (accesses from Java are ordinary, not atomic, ones). Two {@code Memory} objects are
 * equal when they are views of the same memory.
 */
public final class Memory extends RuntimeView<LinearMemory> {
    Memory(LinearMemory memory) {
        super(memory);
    }

    /** A new memory of the given type, for use as an import. */
    public static Memory create(MemoryType type) {
        return new Memory(LinearMemory.create(type, Long.MAX_VALUE));
    }

    /** A new 32-bit memory of {@code minPages} pages, at most {@code maxPages}. */
    public static Memory create(long minPages, long maxPages) {
        return create(new MemoryType(new Limits(minPages, maxPages, false)));
    }

    public MemoryType type() {
        return runtime.type();
    }

    /** Current size in pages of 64 KiB. */
    public long pages() {
        return runtime.pages();
    }

    /** Current size in bytes. */
    public long byteSize() {
        return runtime.byteSize();
    }

    /** Grows by {@code deltaPages}; returns the previous page count, or -1 if it cannot grow. */
    public long grow(long deltaPages) {
        return runtime.grow(deltaPages);
    }

    /** Copies {@code length} bytes at {@code address} into {@code dst[dstOffset…]}. */
    public void read(long address, byte[] dst, int dstOffset, int length) {
        runtime.read(address, dst, dstOffset, length);
    }

    public byte[] read(long address, int length) {
        return runtime.read(address, length);
    }

    /** Copies {@code src[srcOffset…srcOffset+length)} to {@code address}. */
    public void write(long address, byte[] src, int srcOffset, int length) {
        runtime.write(address, src, srcOffset, length);
    }

    public void write(long address, byte[] src) {
        runtime.write(address, src);
    }

    /**
     * Fills {@code dst} with the {@code dst.remaining()} bytes at {@code address}, advancing its position: a
     * direct buffer takes them without a copy in between (reading a file into memory, for instance).
     */
    public void read(long address, ByteBuffer dst) {
        runtime.read(address, dst);
    }

    /** Copies {@code src}'s remaining bytes to {@code address}, advancing its position. */
    public void write(long address, ByteBuffer src) {
        runtime.write(address, src);
    }

    public byte readByte(long address) {
        return runtime.readByte(address);
    }

    public int readInt(long address) {
        return runtime.readInt(address);
    }

    public long readLong(long address) {
        return runtime.readLong(address);
    }

    public void writeByte(long address, byte value) {
        runtime.writeByte(address, value);
    }

    public void writeInt(long address, int value) {
        runtime.writeInt(address, value);
    }

    public void writeLong(long address, long value) {
        runtime.writeLong(address, value);
    }
}
