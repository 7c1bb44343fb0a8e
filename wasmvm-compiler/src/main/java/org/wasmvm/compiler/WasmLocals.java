package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.model.ValType;

/**
 * The function's wasm locals (parameters first) and where each lives: a JVM local, or, beyond the
 * method's budget of JVM local slots, an element of a {@code long[]} (a {@code v128} in two) or, for
 * a reference, of an {@code Object[]}. A JVM method has at most 65 535 local slots, and every local
 * multiplies the stack-map frames ASM computes for each basic block; the arrays have neither limit,
 * and the locals that come first (parameters, the usual hot ones) keep their registers. The element
 * of a local is its place in the frame arrays of a split function ({@link RegionEmitter}), which
 * then are these arrays: every method of the function shares such locals without copying them.
 */
final class WasmLocals {
    private final JvmFrame frame;
    private final MethodVisitor mv;
    private final ValType[] types;
    /** The JVM local of each wasm local, or -1 when it is an array element. */
    private final int[] slots;
    /** The element of each local in the arrays (used where it is spilled). */
    private final int[] elements;
    private final int elementCount;
    private final boolean ownArrays;
    private boolean spillsReferences;
    private int numberArray;
    private int referenceArray;

    /**
     * Locals of {@code types}; those from {@code first} on get JVM locals from {@code frame} while
     * {@code budget} JVM slots last (the ones before {@code first} are the method's parameters, at
     * {@code parameterSlots}). The others live in the arrays in JVM locals {@code numberArray} and
     * {@code referenceArray} (a split function's frame arrays), or -1: arrays of their own.
     */
    WasmLocals(JvmFrame frame, MethodVisitor mv, ValType[] types, int[] parameterSlots, int first, int budget,
            int numberArray, int referenceArray) {
        this.frame = frame;
        this.mv = mv;
        this.types = types;
        this.slots = new int[types.length];
        this.elements = new int[types.length];
        System.arraycopy(parameterSlots, 0, slots, 0, first);
        int used = 0;
        int element = 0;
        boolean spills = false;
        for (int i = 0; i < types.length; i++) {
            ValType type = types[i];
            elements[i] = element;
            element += type == ValType.V128 ? 2 : 1;
            if (i < first) {
                continue;
            }
            if (used + JvmFrame.size(type) <= budget) {
                slots[i] = frame.allocate(type);
                used += JvmFrame.size(type);
            } else {
                slots[i] = -1;
                spills = true;
                spillsReferences |= type.isReference();
            }
        }
        this.elementCount = element;
        this.ownArrays = spills && numberArray < 0;
        this.numberArray = ownArrays ? frame.allocateReference() : numberArray;
        this.referenceArray = ownArrays ? frame.allocateReference() : referenceArray;
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

    /** The array elements this method's locals hold when some live in arrays (counted as the frame's size: {@code CompiledSupport.enterArrayFrame}), else 0. */
    int arraySlots() {
        for (int slot : slots) {
            if (slot < 0) {
                return elementCount;
            }
        }
        return 0;
    }

    /** Whether local {@code local} is a JVM local (else an array element, zero or null from the start). */
    boolean inRegister(int local) {
        return slots[local] >= 0;
    }

    /** In the prologue, before any local is stored: the arrays of the locals beyond the budget, unless they are the frame arrays. */
    void createArrays() {
        if (ownArrays) {
            frame.iconst(elementCount);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            mv.visitVarInsn(ASTORE, numberArray);
            if (spillsReferences) {
                frame.iconst(elementCount);
                mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
                mv.visitVarInsn(ASTORE, referenceArray);
            }
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
