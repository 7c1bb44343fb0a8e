package org.wasmvm.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bounds-checked little-endian access to a memory held in one {@code byte[]}: the fast path
 * shared by {@link FlatMemory} and by a {@link PagedMemory} while it is still small.
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

    /** The array index of {@code [addr, addr+width)}, or a trap when out of bounds. */
    private static int index(byte[] bytes, long addr, int width) {
        if (addr < 0 || addr > bytes.length - width) {
            throw LinearMemory.outOfBounds();
        }
        return (int) addr;
    }

    static byte load8(byte[] bytes, long addr) {
        return bytes[index(bytes, addr, 1)];
    }

    static short load16(byte[] bytes, long addr) {
        return (short) SHORT.get(bytes, index(bytes, addr, 2));
    }

    static int load32(byte[] bytes, long addr) {
        return (int) INT.get(bytes, index(bytes, addr, 4));
    }

    static long load64(byte[] bytes, long addr) {
        return (long) LONG.get(bytes, index(bytes, addr, 8));
    }

    static void store8(byte[] bytes, long addr, byte value) {
        bytes[index(bytes, addr, 1)] = value;
    }

    static void store16(byte[] bytes, long addr, short value) {
        SHORT.set(bytes, index(bytes, addr, 2), value);
    }

    static void store32(byte[] bytes, long addr, int value) {
        INT.set(bytes, index(bytes, addr, 4), value);
    }

    static void store64(byte[] bytes, long addr, long value) {
        LONG.set(bytes, index(bytes, addr, 8), value);
    }
}
