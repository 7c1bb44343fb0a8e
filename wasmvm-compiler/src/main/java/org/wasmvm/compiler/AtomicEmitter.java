package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.binary.AtomicOpcodes;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.model.ValType;

/**
 * The atomic instructions ({@code 0xFE} prefix): each is one call of {@link org.wasmvm.core.runtime.Atomics}, the
 * implementation the interpreter calls too. The operands above the address wait in scratch locals while the
 * address is checked and computed ({@link MemoryEmitter#atomicAddress}); then they come back as raw {@code long}s,
 * followed by the width (and the operation) and the memory, the order {@code Atomics} takes them in.
 */
final class AtomicEmitter {
    private static final String ATOMICS = "org/wasmvm/core/runtime/Atomics";
    private static final String MEMORY = "Lorg/wasmvm/core/runtime/LinearMemory;";
    private static final String CONTEXT = "L" + FunctionEmitter.CONTEXT + ";";

    private final MethodVisitor mv;
    private final OperandTypes types;
    private final JvmFrame frame;
    private final MemoryEmitter memory;
    private final TrapSites traps;
    private final InlinedBytecode inlined;
    private final MethodSlots slots;

    AtomicEmitter(MethodVisitor mv, OperandTypes types, JvmFrame frame, MemoryEmitter memory, TrapSites traps,
            InlinedBytecode inlined, MethodSlots slots) {
        this.mv = mv;
        this.types = types;
        this.frame = frame;
        this.memory = memory;
        this.traps = traps;
        this.inlined = inlined;
        this.slots = slots;
    }

    /** Reads the immediates of {@code sub} (the prefix and sub-opcode read) and, if reachable, emits it. */
    void instruction(int sub, int offset, ByteReader in, boolean reachable) {
        if (sub == AtomicOpcodes.ATOMIC_FENCE) {
            in.u8();
            if (reachable) {
                inlined.invokeStatic(mv, ATOMICS, "fence", "()V");
            }
            return;
        }
        memory.readMemarg(in);
        if (reachable) {
            traps.site(offset, () -> emit(sub));
        }
    }

    private void emit(int sub) {
        int width = 1 << AtomicOpcodes.naturalAlignment(sub);
        AtomicOpcodes.Shape shape = AtomicOpcodes.shape(sub);
        int operands = switch (shape) {
            case LOAD -> 0;
            case STORE, RMW, NOTIFY -> 1;
            default -> 2;
        };
        int[] saved = new int[operands];
        for (int i = operands - 1; i >= 0; i--) {
            saved[i] = frame.scratch(ValType.I64, i);
            frame.toSlot(types.peek(operands - 1 - i));
            mv.visitVarInsn(LSTORE, saved[i]);
        }
        memory.atomicAddress(width);
        for (int slot : saved) {
            mv.visitVarInsn(LLOAD, slot);
        }
        switch (shape) {
            case LOAD -> call("load", "(JI" + MEMORY + ")J", width);
            case STORE -> call("store", "(JJI" + MEMORY + ")V", width);
            case RMW -> {
                frame.iconst(width);
                frame.iconst((sub - AtomicOpcodes.FIRST_RMW) / 7);
                memory.pushMemory();
                inlined.invokeStatic(mv, ATOMICS, "readModifyWrite", "(JJII" + MEMORY + ")J");
            }
            case CMPXCHG -> call("compareExchange", "(JJJI" + MEMORY + ")J", width);
            case NOTIFY -> {
                mv.visitInsn(L2I);
                memory.pushMemory();
                inlined.invokeStatic(mv, ATOMICS, "notify", "(JI" + MEMORY + ")I");
            }
            case WAIT -> {
                frame.iconst(width);
                memory.pushMemory();
                mv.visitVarInsn(ALOAD, slots.context());
                inlined.invokeStatic(mv, ATOMICS, "await", "(JJJI" + MEMORY + CONTEXT + ")I");
            }
            case FENCE -> throw new IllegalStateException("atomic.fence has no memarg");
        }
        types.pop(operands + 1);
        switch (shape) {
            case STORE -> {
            }
            case NOTIFY, WAIT -> types.push(ValType.I32);
            default -> { // the old or loaded value, zero-extended to a long
                ValType result = AtomicOpcodes.isI64(sub) ? ValType.I64 : ValType.I32;
                frame.fromSlot(result);
                types.push(result);
            }
        }
    }

    /** Pushes the width and the memory, then calls {@code Atomics.name}. */
    private void call(String name, String descriptor, int width) {
        frame.iconst(width);
        memory.pushMemory();
        inlined.invokeStatic(mv, ATOMICS, name, descriptor);
    }
}
