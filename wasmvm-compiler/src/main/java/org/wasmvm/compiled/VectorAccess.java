package org.wasmvm.compiled;

import org.wasmvm.core.runtime.LinearMemory;

/**
 * The memory accesses of compiled SIMD instructions, at an effective address ({@link MemoryAccess#address}):
 * a 16-byte access is two 8-byte ones, the upper checked first, so that a store that does not fit
 * writes nothing (as in the interpreter's {@code SimdMemoryHandlers}); an address of -1 (past 2^63)
 * stays out of bounds for the upper half too. C2 inlines them.
 */
public final class VectorAccess {
    private VectorAccess() {
    }

    private static long upperHalf(long address) {
        return address < 0 ? -1 : address + 8;
    }

    public static long loadHigh(long address, LinearMemory memory) {
        return memory.load64(upperHalf(address));
    }

    public static void storeHigh(long address, long high, LinearMemory memory) {
        memory.store64(upperHalf(address), high);
    }

    // one method per width, zero-extending loads, so that each is small enough for C2 to inline even when cold

    public static long load8(long address, LinearMemory memory) {
        return memory.load8(address) & 0xFFL;
    }

    public static long load16(long address, LinearMemory memory) {
        return memory.load16(address) & 0xFFFFL;
    }

    public static long load32(long address, LinearMemory memory) {
        return memory.load32(address) & 0xFFFF_FFFFL;
    }

    public static long load64(long address, LinearMemory memory) {
        return memory.load64(address);
    }

    public static void store8(long address, long value, LinearMemory memory) {
        memory.store8(address, (byte) value);
    }

    public static void store16(long address, long value, LinearMemory memory) {
        memory.store16(address, (short) value);
    }

    public static void store32(long address, long value, LinearMemory memory) {
        memory.store32(address, (int) value);
    }

    public static void store64(long address, long value, LinearMemory memory) {
        memory.store64(address, value);
    }
}
