package org.wasmvm.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.wasmvm.core.model.MemoryType;

/**
 * A linear memory in a single {@code byte[]}: the fastest layout, limited to {@link #MAX_PAGES}
 * pages because a Java array cannot hold 2 GiB. Growing copies into a bigger array.
 */
public final class FlatMemory extends LinearMemory {
    /** The most pages a {@code byte[]} can hold (2 GiB - 64 KiB). */
    public static final int MAX_PAGES = Integer.MAX_VALUE / MemoryType.PAGE_SIZE;

    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);

    /** Plain (not volatile): memories are confined to the thread running their instance. */
    private byte[] bytes;

    FlatMemory(MemoryType type, int initialPages, long maxPages) {
        super(type, maxPages);
        this.bytes = new byte[initialPages * PAGE_SIZE];
    }

    static VarHandle view(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.LITTLE_ENDIAN);
    }

    /** The array index of {@code [addr, addr+width)}, or a trap when out of bounds. */
    private int index(long addr, int width) {
        if (addr < 0 || addr > bytes.length - width) {
            throw outOfBounds();
        }
        return (int) addr;
    }

    @Override
    public long byteSize() {
        return bytes.length;
    }

    @Override
    public long grow(long deltaPages) {
        long old = pages();
        if (!canGrow(deltaPages)) {
            return -1;
        }
        if (deltaPages != 0) {
            try {
                bytes = Arrays.copyOf(bytes, (int) ((old + deltaPages) * PAGE_SIZE));
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        return old;
    }

    @Override
    public byte load8(long addr) {
        return bytes[index(addr, 1)];
    }

    @Override
    public short load16(long addr) {
        return (short) SHORT.get(bytes, index(addr, 2));
    }

    @Override
    public int load32(long addr) {
        return (int) INT.get(bytes, index(addr, 4));
    }

    @Override
    public long load64(long addr) {
        return (long) LONG.get(bytes, index(addr, 8));
    }

    @Override
    public void store8(long addr, byte value) {
        bytes[index(addr, 1)] = value;
    }

    @Override
    public void store16(long addr, short value) {
        SHORT.set(bytes, index(addr, 2), value);
    }

    @Override
    public void store32(long addr, int value) {
        INT.set(bytes, index(addr, 4), value);
    }

    @Override
    public void store64(long addr, long value) {
        LONG.set(bytes, index(addr, 8), value);
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
    void fillBytes(long addr, byte value, long length) {
        Arrays.fill(bytes, (int) addr, (int) (addr + length), value);
    }

    @Override
    void copyBytes(long dst, LinearMemory src, long srcAddr, long length) {
        // Straight into our array; arraycopy is memmove-safe when src is this memory.
        src.readBytes(srcAddr, bytes, (int) dst, (int) length);
    }
}
