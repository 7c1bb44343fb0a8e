package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.model.ValType;

/**
 * The function's wasm locals (parameters first) and where each lives: a JVM local, or, beyond the
 * method's budget of JVM local slots, an element of a {@code long[]} (a {@code v128} in two) or, for
 * a reference, of an {@code Object[]}, created in the prologue. A JVM method has at most 65 535 local
 * slots, and every local multiplies the stack-map frames ASM computes for each basic block; the
 * arrays have neither limit, and the locals that come first (parameters, the usual hot ones) keep
 * their registers.
 */
final class WasmLocals {
    private final JvmFrame frame;
    private final MethodVisitor mv;
    private final ValType[] types;
    /** The JVM local of each wasm local, or -1 when it is an array element. */
    private final int[] slots;
    /** The element of each spilled local in its array. */
    private final int[] elements;
    private int numbers;
    private int references;
    private int numberArray = -1;
    private int referenceArray = -1;

    /**
     * Locals of {@code types}; those from {@code first} on get JVM locals from {@code frame} while
     * {@code budget} JVM slots last (the ones before {@code first} are the method's parameters, at {@code parameterSlots}).
     */
    WasmLocals(JvmFrame frame, MethodVisitor mv, ValType[] types, int[] parameterSlots, int first, int budget) {
        this.frame = frame;
        this.mv = mv;
        this.types = types;
        this.slots = new int[types.length];
        this.elements = new int[types.length];
        System.arraycopy(parameterSlots, 0, slots, 0, first);
        int used = 0;
        for (int i = first; i < types.length; i++) {
            ValType type = types[i];
            if (used + JvmFrame.size(type) <= budget) {
                slots[i] = frame.allocate(type);
                used += JvmFrame.size(type);
            } else {
                slots[i] = -1;
                elements[i] = type.isReference() ? references++ : numbers;
                numbers += type == ValType.V128 ? 2 : type.isReference() ? 0 : 1;
            }
        }
        if (numbers > 0) {
            numberArray = frame.allocateReference();
        }
        if (references > 0) {
            referenceArray = frame.allocateReference();
        }
    }

    int count() {
        return types.length;
    }

    ValType type(int local) {
        return types[local];
    }

    JvmFrame frame() {
        return frame;
    }

    /** Whether local {@code local} is a JVM local (else an array element, zero or null from the start). */
    boolean inRegister(int local) {
        return slots[local] >= 0;
    }

    /** In the prologue, before any local is stored: the arrays of the locals beyond the budget. */
    void createArrays() {
        if (numberArray >= 0) {
            frame.iconst(numbers);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            mv.visitVarInsn(ASTORE, numberArray);
        }
        if (referenceArray >= 0) {
            frame.iconst(references);
            mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
            mv.visitVarInsn(ASTORE, referenceArray);
        }
    }

    void load(int local) {
        ValType type = types[local];
        if (slots[local] >= 0) {
            frame.load(type, slots[local]);
        } else if (type == ValType.V128) {
            element(local, 0);
            mv.visitInsn(LALOAD);
            element(local, 1);
            mv.visitInsn(LALOAD);
        } else {
            element(local, 0);
            frame.loadElement(type);
        }
    }

    /** Stores the value on top of the stack into local {@code local}. */
    void store(int local) {
        ValType type = types[local];
        if (slots[local] >= 0) {
            frame.store(type, slots[local]);
        } else if (type == ValType.V128) {
            int high = frame.scratch(ValType.I64, 0);
            mv.visitVarInsn(LSTORE, high);
            storeElement(local, 0, ValType.I64);
            element(local, 1);
            mv.visitVarInsn(LLOAD, high);
            mv.visitInsn(LASTORE);
        } else {
            storeElement(local, 0, type);
        }
    }

    /** Stores the value of {@code type} (one JVM slot or two) on top into element {@code half} of the local. */
    private void storeElement(int local, int half, ValType type) {
        element(local, half); // value, array, index -> array, index, value
        mv.visitInsn(JvmFrame.size(type) == 1 ? DUP2_X1 : DUP2_X2);
        mv.visitInsn(POP2);
        frame.storeElement(type);
    }

    /** Pushes the array of spilled local {@code local} and the index of its element {@code half}. */
    private void element(int local, int half) {
        mv.visitVarInsn(ALOAD, types[local].isReference() ? referenceArray : numberArray);
        frame.iconst(elements[local] + half);
    }
}
