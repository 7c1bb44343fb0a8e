package org.wasmvm.core.runtime;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.wasmvm.core.model.MemoryType;

/**
 * A linear memory in a single {@code byte[]}: the fastest layout, limited to {@link #MAX_PAGES}
 * pages because a Java array cannot hold 2 GiB. Growing copies into a bigger array, with room to
 * grow again ({@link FlatBytes#withRoom}).
 */
public final class FlatMemory extends LinearMemory {
    /** The most pages a {@code byte[]} can hold (2 GiB - 64 KiB). */
    public static final int MAX_PAGES = Integer.MAX_VALUE / MemoryType.PAGE_SIZE;

    /** Plain (not volatile): an unshared memory is confined to the thread running its instance. */
    private byte[] bytes;
    /** The memory's size in bytes; {@code bytes} may be longer. */
    private int size;

    FlatMemory(MemoryType type, int initialPages, long maxPages) {
        super(type, maxPages);
        this.bytes = new byte[initialPages * PAGE_SIZE];
        this.size = bytes.length;
    }

    @Override
    public long byteSize() {
        return size;
    }

    @Override
    public long grow(long deltaPages) {
        long old = pages();
        if (!canGrow(deltaPages)) {
            return -1;
        }
        if (deltaPages != 0) {
            try {
                int grown = (int) ((old + deltaPages) * PAGE_SIZE);
                bytes = FlatBytes.withRoom(bytes, grown, Math.min(maxPages(), MAX_PAGES) * PAGE_SIZE);
                size = grown;
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        return old;
    }

    @Override
    public byte load8(long addr) {
        return FlatBytes.load8(bytes, size, addr);
    }

    @Override
    public short load16(long addr) {
        return FlatBytes.load16(bytes, size, addr);
    }

    @Override
    public int load32(long addr) {
        return FlatBytes.load32(bytes, size, addr);
    }

    @Override
    public long load64(long addr) {
        return FlatBytes.load64(bytes, size, addr);
    }

    @Override
    public void store8(long addr, byte value) {
        FlatBytes.store8(bytes, size, addr, value);
    }

    @Override
    public void store16(long addr, short value) {
        FlatBytes.store16(bytes, size, addr, value);
    }

    @Override
    public void store32(long addr, int value) {
        FlatBytes.store32(bytes, size, addr, value);
    }

    @Override
    public void store64(long addr, long value) {
        FlatBytes.store64(bytes, size, addr, value);
    }

    @Override
    byte[] cell(long addr, int width) {
        if (!inBounds(addr, width, size)) {
            throw outOfBounds();
        }
        return bytes;
    }

    @Override
    int cellIndex(long addr) {
        return (int) addr;
    }

    @Override
    void readBytes(long addr, byte[] dst, int dstOffset, int length) {
        System.arraycopy(bytes, (int) addr, dst, dstOffset, length);
    }

    @Override
    void writeBytes(long addr, byte[] src, int srcOffset, int length) {
        System.arraycopy(src, srcOffset, bytes, (int) addr, length);
    }

    @Override
    void readBytes(long addr, ByteBuffer dst) {
        dst.put(bytes, (int) addr, dst.remaining());
    }

    @Override
    void writeBytes(long addr, ByteBuffer src) {
        src.get(bytes, (int) addr, src.remaining());
    }

    @Override
    void fillBytes(long addr, byte value, long length) {
        Arrays.fill(bytes, (int) addr, (int) (addr + length), value);
    }

    @Override
    void copyBytes(long dst, LinearMemory src, long srcAddr, long length) {
        // Straight into our array; arraycopy is memmove-safe when src is this memory.
        src.readBytes(srcAddr, bytes, (int) dst, (int) length);
    }
}
