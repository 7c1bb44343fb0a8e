package org.wasmvm.compiler;

import org.wasmvm.core.runtime.LinearMemory;

/**
 * The memory accesses of compiled SIMD instructions, at an effective address ({@link MemoryAccess#address}):
 * a 16-byte access is two 8-byte ones, the upper checked first, so that a store that does not fit
 * writes nothing (as in the interpreter's {@code SimdMemoryHandlers}); an address of -1 (past 2^63)
 * stays out of bounds for the upper half too. C2 inlines them, and the constant width folds.
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

    /** {@code bytes} (1, 2, 4 or 8) at {@code address}, zero-extended. */
    public static long load(long address, int bytes, LinearMemory memory) {
        return switch (bytes) {
            case 1 -> memory.load8(address) & 0xFFL;
            case 2 -> memory.load16(address) & 0xFFFFL;
            case 4 -> memory.load32(address) & 0xFFFF_FFFFL;
            default -> memory.load64(address);
        };
    }

    /** The low {@code bytes} (1, 2, 4 or 8) of {@code value} at {@code address}. */
    public static void store(long address, long value, int bytes, LinearMemory memory) {
        switch (bytes) {
            case 1 -> memory.store8(address, (byte) value);
            case 2 -> memory.store16(address, (short) value);
            case 4 -> memory.store32(address, (int) value);
            default -> memory.store64(address, value);
        }
    }
}
