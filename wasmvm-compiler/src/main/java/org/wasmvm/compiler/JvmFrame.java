package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.wasmvm.core.model.ValType;

/**
 * The JVM side of one compiled function's frame: which JVM local holds what, and the typed
 * load/store/pop/convert instructions for wasm values (DESIGN §5: i32 {@code int}, i64 {@code long},
 * f32 {@code float}, f64 {@code double}, a reference its {@code Object}; raw slots are {@code long}s as
 * the interpreter holds them, and a reference's raw form is the object in an {@code Object[]} beside
 * them). A {@code v128} is two {@code long}s, in two JVM locals side by side and on the operand stack
 * the low half below the high one: nothing is allocated per vector (DESIGN §5).
 */
final class JvmFrame {
    private static final int MAX_LOCALS = 65_535;
    static final Type OBJECT = Type.getType(Object.class);
    private final MethodVisitor mv;
    private int nextLocal;
    /**
     * Short-lived locals per JVM kind (I, J, F, D, arrays, v128's JJ, wasm references), reused by every
     * instruction that spills; references have their own, so that a local's type never changes from an array.
     */
    private final List<List<Integer>> scratch = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    JvmFrame(MethodVisitor mv, int firstFreeLocal) {
        this.mv = mv;
        this.nextLocal = firstFreeLocal;
    }

    /** A new JVM local for a value of {@code type}. */
    int allocate(ValType type) {
        return reserve(size(type));
    }

    /** A new JVM local for a reference (an object the function keeps at hand). */
    int allocateReference() {
        return reserve(1);
    }

    /** A JVM method has at most 65 535 local slots (i64 and f64 take two): a function with more locals stays interpreted. */
    private int reserve(int slots) {
        int slot = nextLocal;
        nextLocal += slots;
        if (nextLocal > MAX_LOCALS) {
            throw new UnsupportedOperationException("its locals need more than the JVM's " + MAX_LOCALS + " local slots");
        }
        return slot;
    }

    /** The {@code index}-th scratch local of {@code type}'s kind. */
    int scratch(ValType type, int index) {
        List<Integer> pool = scratch.get(kind(type));
        while (pool.size() <= index) {
            pool.add(type == null ? allocateReference() : allocate(type));
        }
        return pool.get(index);
    }

    /** A scratch local holding a reference ({@code long[]} results). */
    int scratchReference() {
        return scratch(null, 0);
    }

    /** The JVM stack and local slots a value takes. */
    static int size(ValType type) {
        return type == ValType.I32 || type == ValType.F32 || type.isReference() ? 1 : type == ValType.V128 ? 4 : 2;
    }

    private static int kind(ValType type) {
        if (type == null) {
            return 4;
        }
        return switch (type.kind()) {
            case I32 -> 0;
            case F32 -> 2;
            case F64 -> 3;
            case V128 -> 5;
            case REF -> 6;
            default -> 1;
        };
    }

    /** The JVM type of a value of one JVM slot or two (not a v128, which is two longs). */
    static Type jvmType(ValType type) {
        return switch (type.kind()) {
            case I32 -> Type.INT_TYPE;
            case F32 -> Type.FLOAT_TYPE;
            case F64 -> Type.DOUBLE_TYPE;
            case REF -> OBJECT;
            default -> Type.LONG_TYPE;
        };
    }

    void load(ValType type, int slot) {
        if (type == ValType.V128) {
            mv.visitVarInsn(LLOAD, slot);
            mv.visitVarInsn(LLOAD, slot + 2);
        } else {
            mv.visitVarInsn(jvmType(type).getOpcode(ILOAD), slot);
        }
    }

    void store(ValType type, int slot) {
        if (type == ValType.V128) {
            mv.visitVarInsn(LSTORE, slot + 2);
            mv.visitVarInsn(LSTORE, slot);
        } else {
            mv.visitVarInsn(jvmType(type).getOpcode(ISTORE), slot);
        }
    }

    void pop(ValType type) {
        mv.visitInsn(size(type) == 1 ? POP : POP2);
        if (type == ValType.V128) {
            mv.visitInsn(POP2);
        }
    }

    void dup(ValType type) {
        if (type == ValType.V128) {
            int high = scratch(ValType.I64, 0);
            mv.visitVarInsn(LSTORE, high);
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LLOAD, high);
            mv.visitInsn(DUP2_X2); // lo lo hi -> lo hi lo hi
        } else {
            mv.visitInsn(size(type) == 1 ? DUP : DUP2);
        }
    }

    /** Pushes the zero of {@code type} (a reference's is null). */
    void zero(ValType type) {
        switch (type.kind()) {
            case I32 -> mv.visitInsn(ICONST_0);
            case F32 -> mv.visitInsn(FCONST_0);
            case F64 -> mv.visitInsn(DCONST_0);
            case I64 -> mv.visitInsn(LCONST_0);
            case V128 -> {
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCONST_0);
            }
            default -> mv.visitInsn(ACONST_NULL);
        }
    }

    /**
     * With a {@code long[]} on top, kept there: stores the value of one slot ({@code type}, not a v128)
     * held in local {@code slot} at element {@code index}, as a raw slot; returns the next index.
     */
    int putRaw(ValType type, int slot, int index) {
        mv.visitInsn(DUP);
        iconst(index);
        load(type, slot);
        toSlot(type);
        mv.visitInsn(LASTORE);
        return index + 1;
    }

    /** Converts the typed value on top of the stack to its raw slot ({@code long}; a v128 is its two already; not a reference). */
    void toSlot(ValType type) {
        switch (type.kind()) {
            case REF -> throw new IllegalStateException("a reference has no raw long");
            case I32 -> mv.visitInsn(I2L);
            case F32 -> {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitInsn(I2L);
            }
            case F64 -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            default -> {
            }
        }
    }

    /** Converts the raw slot ({@code long}) on top of the stack to a typed value (not a reference). */
    void fromSlot(ValType type) {
        switch (type.kind()) {
            case REF -> throw new IllegalStateException("a reference has no raw long");
            case I32 -> mv.visitInsn(L2I);
            case F32 -> {
                mv.visitInsn(L2I);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            case F64 -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            default -> {
            }
        }
    }

    /**
     * With an array and an index on the stack: pushes the value of {@code type} (not a v128) held
     * there raw, in a {@code long[]}, or for a reference in an {@code Object[]}.
     */
    void loadElement(ValType type) {
        if (type.isReference()) {
            mv.visitInsn(AALOAD);
        } else {
            mv.visitInsn(LALOAD);
            fromSlot(type);
        }
    }

    /** With an array, an index and a value of {@code type} (not a v128) on the stack: stores it there raw ({@link #loadElement}). */
    void storeElement(ValType type) {
        if (type.isReference()) {
            mv.visitInsn(AASTORE);
        } else {
            toSlot(type);
            mv.visitInsn(LASTORE);
        }
    }

    /** Pushes an int constant in the shortest form. */
    void iconst(int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    void lconst(long value) {
        if (value == 0 || value == 1) {
            mv.visitInsn(LCONST_0 + (int) value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}
