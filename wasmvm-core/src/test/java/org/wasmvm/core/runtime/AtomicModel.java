package org.wasmvm.core.runtime;

/**
 * What an atomic operation does to the bytes, as the threads proposal says, in plain masked arithmetic over a
 * little-endian byte array: the independent side of the tests of {@link Atomics} and of the atomic instructions.
 */
public final class AtomicModel {
    /** The operation of {@code cmpxchg}, after {@link Atomics#XCHG}. */
    public static final int CMPXCHG = 6;

    private AtomicModel() {
    }

    /** The {@code width} bytes at {@code at}, zero-extended. */
    public static long read(byte[] bytes, int at, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    /** Writes the low {@code width} bytes of {@code value} at {@code at}. */
    public static void write(byte[] bytes, int at, int width, long value) {
        for (int i = 0; i < width; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    /**
     * Applies the read-modify-write {@code op} ({@link Atomics#ADD} … {@link Atomics#XCHG}, or {@link #CMPXCHG} with
     * {@code operand} the expected value) to the cell at {@code at}; returns the old value.
     */
    public static long readModifyWrite(byte[] bytes, int at, int width, int op, long operand, long replacement) {
        long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        long old = read(bytes, at, width);
        long updated = switch (op) {
            case Atomics.ADD -> old + operand;
            case Atomics.SUB -> old - operand;
            case Atomics.AND -> old & operand;
            case Atomics.OR -> old | operand;
            case Atomics.XOR -> old ^ operand;
            case Atomics.XCHG -> operand;
            default -> (operand & mask) == old ? replacement : old;
        };
        write(bytes, at, width, updated);
        return old;
    }
}
