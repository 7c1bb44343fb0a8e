package org.wasmvm.core.interp;

import org.wasmvm.core.binary.AtomicOpcodes;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.Atomics;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.runtime.ModuleInstance;

/**
 * The atomic instructions (threads), out of the dispatch loop: they decode their lowered form ({@link
 * Op#ATOMIC_BASE}) and call {@link Atomics}, which compiled code calls too. Returns the next pc.
 */
final class AtomicHandlers {
    private AtomicHandlers() {
    }

    static int execute(int op, long[] s, int fp, int[] c, int pc, ModuleInstance instance) {
        int sub = op - Op.ATOMIC_BASE;
        if (sub == AtomicOpcodes.ATOMIC_FENCE) {
            Atomics.fence();
            return pc;
        }
        int width = 1 << AtomicOpcodes.naturalAlignment(sub);
        boolean i64 = AtomicOpcodes.isI64(sub);
        switch (AtomicOpcodes.shape(sub)) {
            case STORE -> {
                long addr = address(s[fp + c[pc]], c, pc + 2, width);
                Atomics.store(addr, s[fp + c[pc + 1]], width, memory(instance, c, pc + 2));
                return pc + 5;
            }
            case LOAD -> {
                long addr = address(s[fp + c[pc + 1]], c, pc + 2, width);
                s[fp + c[pc]] = typed(Atomics.load(addr, width, memory(instance, c, pc + 2)), i64);
                return pc + 5;
            }
            case RMW -> {
                long addr = address(s[fp + c[pc + 1]], c, pc + 3, width);
                int rmw = (sub - AtomicOpcodes.FIRST_RMW) / 7;
                long old = Atomics.readModifyWrite(addr, s[fp + c[pc + 2]], width, rmw, memory(instance, c, pc + 3));
                s[fp + c[pc]] = typed(old, i64);
                return pc + 6;
            }
            case NOTIFY -> {
                long addr = address(s[fp + c[pc + 1]], c, pc + 3, width);
                s[fp + c[pc]] = Atomics.notify(addr, (int) s[fp + c[pc + 2]], memory(instance, c, pc + 3));
                return pc + 6;
            }
            case CMPXCHG -> {
                long addr = address(s[fp + c[pc + 1]], c, pc + 4, width);
                long old = Atomics.compareExchange(addr, s[fp + c[pc + 2]], s[fp + c[pc + 3]], width,
                        memory(instance, c, pc + 4));
                s[fp + c[pc]] = typed(old, i64);
                return pc + 7;
            }
            case WAIT -> {
                long addr = address(s[fp + c[pc + 1]], c, pc + 4, width);
                s[fp + c[pc]] = Atomics.await(addr, s[fp + c[pc + 2]], s[fp + c[pc + 3]], width,
                        memory(instance, c, pc + 4), instance.context());
                return pc + 7;
            }
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(op));
        }
    }

    private static LinearMemory memory(ModuleInstance instance, int[] c, int at) {
        return Interpreter.memory(instance.memories, c, at);
    }

    /** The effective address of the memory immediate at {@code at} and its offset, once its alignment is checked. */
    private static long address(long base, int[] c, int at, int width) {
        Atomics.checkAlignment(base, (c[at + 1] & 0xFFFF_FFFFL) | ((long) c[at + 2] << 32), width);
        return Interpreter.address(base, c, at);
    }

    /** An i32 result as the interpreter keeps i32 values (sign-extended), an i64 as it is. */
    private static long typed(long value, boolean i64) {
        return i64 ? value : (int) value;
    }
}
