package org.wasmvm.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.nio.ByteOrder;

/**
 * Bounds-checked little-endian access to a memory held in one {@code byte[]}: the fast path
 * shared by {@link FlatMemory} and by a {@link PagedMemory} while it is still small. The array may
 * be longer than the memory's {@code size} (room to grow, see {@link #withRoom}); accesses are
 * checked against the size.
 */
final class FlatBytes {
    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);

    private FlatBytes() {
    }

    static VarHandle view(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The array for a memory growing to {@code size} bytes: {@code bytes} while it has room, else a
     * copy with room to grow again, half the new size more (at most {@code maxLength}), so that a
     * program growing its memory a page at a time is not copied whole each time (nextpnr-ice40 copied
     * 4.3 GB growing to 230 MB), and one that grows in large steps does not get twice what it asked
     * for (RATIONALE "A flat memory grows with room to spare"). Where the heap has no room to spare,
     * exactly {@code size}.
     */
    static byte[] withRoom(byte[] bytes, int size, long maxLength) {
        if (size <= bytes.length) {
            return bytes;
        }
        int length = (int) Math.min(size + size / 2L, Math.max(size, maxLength));
        try {
            return Arrays.copyOf(bytes, length);
        } catch (OutOfMemoryError e) {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** The array index of {@code [addr, addr+width)}, or a trap when outside the memory's {@code size} bytes. */
    private static int index(int size, long addr, int width) {
        if (addr < 0 || addr > size - width) {
            throw LinearMemory.outOfBounds();
        }
        return (int) addr;
    }

    static byte load8(byte[] bytes, int size, long addr) {
        return bytes[index(size, addr, 1)];
    }

    static short load16(byte[] bytes, int size, long addr) {
        return (short) SHORT.get(bytes, index(size, addr, 2));
    }

    static int load32(byte[] bytes, int size, long addr) {
        return (int) INT.get(bytes, index(size, addr, 4));
    }

    static long load64(byte[] bytes, int size, long addr) {
        return (long) LONG.get(bytes, index(size, addr, 8));
    }

    static void store8(byte[] bytes, int size, long addr, byte value) {
        bytes[index(size, addr, 1)] = value;
    }

    static void store16(byte[] bytes, int size, long addr, short value) {
        SHORT.set(bytes, index(size, addr, 2), value);
    }

    static void store32(byte[] bytes, int size, long addr, int value) {
        INT.set(bytes, index(size, addr, 4), value);
    }

    static void store64(byte[] bytes, int size, long addr, long value) {
        LONG.set(bytes, index(size, addr, 8), value);
    }
}
