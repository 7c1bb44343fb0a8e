package org.wasmvm.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.wasmvm.core.TrapKind;

/**
 * The atomic instructions of the threads proposal, one implementation that both tiers call: the interpreter's
 * handlers and compiled code. Every access is sequentially consistent, as the proposal's atomics are: volatile
 * reads and writes and the read-modify-writes of {@link VarHandle}s on the memory's own arrays ({@link
 * LinearMemory#cell}), so atomics and ordinary accesses see the same bytes. Values travel as {@code long}s,
 * zero-extended from the access width.
 *
 * <p>A {@code byte[]} view supports atomic read-modify-writes of {@code int} and {@code long} only, so an 8- or
 * 16-bit one is a compare-and-exchange loop on the aligned {@code int} that holds it: a change to the other bytes
 * of that {@code int} between the read and the exchange makes the exchange fail and the loop retry, so no
 * concurrent write is lost. (A memory's arrays are multiples of 64 KiB, so that {@code int} is always inside.)
 *
 * <p>An address is checked for alignment first, then for bounds, as the reference interpreter does.
 */
public final class Atomics {
    /** The read-modify-write operations, in the order of their opcode groups (cmpxchg has its own method). */
    public static final int ADD = 0, SUB = 1, AND = 2, OR = 3, XOR = 4, XCHG = 5;
    /** The results of {@code memory.atomic.wait32/64}. */
    public static final int WOKEN = 0, NOT_EQUAL = 1, TIMED_OUT = 2;

    private static final VarHandle BYTE = MethodHandles.arrayElementVarHandle(byte[].class);
    private static final VarHandle SHORT = FlatBytes.view(short[].class);
    private static final VarHandle INT = FlatBytes.view(int[].class);
    private static final VarHandle LONG = FlatBytes.view(long[].class);

    private Atomics() {
    }

    /**
     * Traps unless an access of {@code width} bytes at {@code base + offset} is aligned; the sum may wrap (its low
     * bits are those of the true address).
     */
    public static void checkAlignment(long base, long offset, int width) {
        if (((base + offset) & (width - 1)) != 0) {
            throw new Trap(TrapKind.UNALIGNED_ATOMIC);
        }
    }

    /** {@code *.atomic.load*} of {@code width} bytes at the aligned {@code addr}, zero-extended. */
    public static long load(long addr, int width, LinearMemory memory) {
        byte[] cells = memory.cell(addr, width);
        int i = memory.cellIndex(addr);
        return switch (width) {
            case 1 -> (byte) BYTE.getVolatile(cells, i) & 0xFFL;
            case 2 -> (short) SHORT.getVolatile(cells, i) & 0xFFFFL;
            case 4 -> (int) INT.getVolatile(cells, i) & 0xFFFF_FFFFL;
            default -> (long) LONG.getVolatile(cells, i);
        };
    }

    /** {@code *.atomic.store*}: the low {@code width} bytes of {@code value} at the aligned {@code addr}. */
    public static void store(long addr, long value, int width, LinearMemory memory) {
        byte[] cells = memory.cell(addr, width);
        int i = memory.cellIndex(addr);
        switch (width) {
            case 1 -> BYTE.setVolatile(cells, i, (byte) value);
            case 2 -> SHORT.setVolatile(cells, i, (short) value);
            case 4 -> INT.setVolatile(cells, i, (int) value);
            default -> LONG.setVolatile(cells, i, value);
        }
    }

    /** {@code *.atomic.rmw*.<op>}: applies {@code op} ({@link #ADD} … {@link #XCHG}); returns the old value. */
    public static long readModifyWrite(long addr, long operand, int width, int op, LinearMemory memory) {
        byte[] cells = memory.cell(addr, width);
        int i = memory.cellIndex(addr);
        return switch (width) {
            case 4 -> rmw32(cells, i, op, (int) operand) & 0xFFFF_FFFFL;
            case 8 -> rmw64(cells, i, op, operand);
            default -> rmwNarrow(cells, i, width, op, (int) operand);
        };
    }

    /**
     * {@code *.atomic.rmw*.cmpxchg}: stores {@code replacement} if the cell holds {@code expected}, both wrapped to
     * the width; returns the old value.
     */
    public static long compareExchange(long addr, long expected, long replacement, int width, LinearMemory memory) {
        byte[] cells = memory.cell(addr, width);
        int i = memory.cellIndex(addr);
        return switch (width) {
            case 4 -> (int) INT.compareAndExchange(cells, i, (int) expected, (int) replacement) & 0xFFFF_FFFFL;
            case 8 -> (long) LONG.compareAndExchange(cells, i, expected, replacement);
            default -> compareExchangeNarrow(cells, i, width, (int) expected, (int) replacement);
        };
    }

    /** {@code atomic.fence}. */
    public static void fence() {
        VarHandle.fullFence();
    }

    /**
     * {@code memory.atomic.wait32/64}: blocks while the aligned cell of {@code width} (4 or 8) bytes holds {@code
     * expected} (wrapped to the width), until notified or {@code timeout} ns have passed (negative: no limit).
     * Returns {@link #WOKEN}, {@link #NOT_EQUAL} or {@link #TIMED_OUT}.
     *
     * @throws Trap when the memory is not shared, or when the run is interrupted or out of time while it waits
     */
    public static int await(long addr, long expected, long timeout, int width, LinearMemory memory,
            StoreContext context) {
        memory.cell(addr, width);
        WaiterQueues waiters = memory.waiters();
        if (waiters == null) {
            throw new Trap(TrapKind.EXPECTED_SHARED_MEMORY);
        }
        return waiters.await(memory, addr, width, width == 4 ? expected & 0xFFFF_FFFFL : expected, timeout, context);
    }

    /**
     * {@code memory.atomic.notify}: wakes at most {@code count} (unsigned) of the threads waiting on the aligned
     * 4-byte cell at {@code addr}, the longest-waiting first; returns how many. A memory that is not shared has none.
     */
    public static int notify(long addr, int count, LinearMemory memory) {
        memory.cell(addr, 4);
        WaiterQueues waiters = memory.waiters();
        return waiters == null ? 0 : waiters.notify(addr, Integer.toUnsignedLong(count));
    }

    private static int rmw32(byte[] cells, int i, int op, int v) {
        return switch (op) {
            case ADD -> (int) INT.getAndAdd(cells, i, v);
            case SUB -> (int) INT.getAndAdd(cells, i, -v);
            case AND -> (int) INT.getAndBitwiseAnd(cells, i, v);
            case OR -> (int) INT.getAndBitwiseOr(cells, i, v);
            case XOR -> (int) INT.getAndBitwiseXor(cells, i, v);
            default -> (int) INT.getAndSet(cells, i, v);
        };
    }

    private static long rmw64(byte[] cells, int i, int op, long v) {
        return switch (op) {
            case ADD -> (long) LONG.getAndAdd(cells, i, v);
            case SUB -> (long) LONG.getAndAdd(cells, i, -v);
            case AND -> (long) LONG.getAndBitwiseAnd(cells, i, v);
            case OR -> (long) LONG.getAndBitwiseOr(cells, i, v);
            case XOR -> (long) LONG.getAndBitwiseXor(cells, i, v);
            default -> (long) LONG.getAndSet(cells, i, v);
        };
    }

    /** A read-modify-write of the 1 or 2 bytes at {@code i}, through the aligned int that holds them. */
    private static long rmwNarrow(byte[] cells, int i, int width, int op, int v) {
        int word = i & ~3;
        int shift = (i & 3) << 3;
        int mask = (width == 1 ? 0xFF : 0xFFFF) << shift;
        int current = (int) INT.getVolatile(cells, word);
        while (true) {
            int old = (current & mask) >>> shift;
            int updated = switch (op) {
                case ADD -> old + v;
                case SUB -> old - v;
                case AND -> old & v;
                case OR -> old | v;
                case XOR -> old ^ v;
                default -> v;
            };
            int next = (current & ~mask) | ((updated << shift) & mask);
            int witness = (int) INT.compareAndExchange(cells, word, current, next);
            if (witness == current) {
                return old;
            }
            current = witness;
        }
    }

    private static long compareExchangeNarrow(byte[] cells, int i, int width, int expected, int replacement) {
        int word = i & ~3;
        int shift = (i & 3) << 3;
        int mask = (width == 1 ? 0xFF : 0xFFFF) << shift;
        int wanted = (expected << shift) & mask;
        int current = (int) INT.getVolatile(cells, word);
        while ((current & mask) == wanted) {
            int next = (current & ~mask) | ((replacement << shift) & mask);
            int witness = (int) INT.compareAndExchange(cells, word, current, next);
            if (witness == current) {
                break;
            }
            current = witness;
        }
        return (current & mask) >>> shift;
    }
}
