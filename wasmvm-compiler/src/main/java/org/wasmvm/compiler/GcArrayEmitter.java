package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.GcOpcodes.*;

import java.util.Arrays;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.gc.Storage;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.ValType;

/**
 * The array instructions of GC ({@link GcEmitter} routes them here): {@code array.get} and {@code array.set} are a
 * call of {@code GcElements}' method for the element's storage; the others one call of {@code GcInstructions}, with
 * the operands as the interpreter passes them (a value as its raw bits, high half and reference; the storage by
 * ordinal; the instance last).
 */
final class GcArrayEmitter {
    private static final String ELEMENTS = "org/wasmvm/core/runtime/GcElements";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String INSTANCE = "L" + FunctionEmitter.INSTANCE + ";";
    private static final String ARRAY = "Lorg/wasmvm/core/gc/GcArray;";

    private final GcEmitter gc;
    private final MethodVisitor mv;
    private final JvmFrame frame;
    private final OperandTypes types;
    private final InlinedBytecode inlined;
    private final ModuleCode module;
    private final MethodSlots slots;

    GcArrayEmitter(GcEmitter gc, MethodVisitor mv, JvmFrame frame, OperandTypes types, InlinedBytecode inlined,
            ModuleCode module, MethodSlots slots) {
        this.gc = gc;
        this.mv = mv;
        this.frame = frame;
        this.types = types;
        this.inlined = inlined;
        this.module = module;
        this.slots = slots;
    }

    /** Emits array instruction {@code sub} of array type {@code type} ({@code second}: its second immediate, or -1). */
    void emit(int sub, int type, int second) {
        if (sub == ARRAY_LEN) { // the one without a type
            inlined.invokeStatic(mv, GcEmitter.GC, "length", "(" + OBJECT + ")I");
            types.pop();
            types.push(ValType.I32);
            return;
        }
        Storage storage = module.arrayStorage(type);
        ValType value = GcEmitter.valueType(gc.element(type));
        switch (sub) {
            case ARRAY_NEW -> {
                int length = gc.spill(ValType.I32)[0];
                rawValue(value);
                mv.visitVarInsn(ILOAD, length);
                allocation(type, storage, "newFilled", "(JJ" + OBJECT + "III", 2);
            }
            case ARRAY_NEW_DEFAULT -> allocation(type, storage, "newDefault", "(III", 1);
            case ARRAY_NEW_FIXED -> newFixed(type, second, storage, value);
            case ARRAY_NEW_DATA -> allocation(type, storage, "newData", "(IIIII", 2, second);
            case ARRAY_NEW_ELEM -> {
                gc.typeId(type);
                frame.iconst(second);
                instanceCall("newElements", "(IIII" + INSTANCE + ")" + ARRAY, 2);
                types.push(ValType.ref(false, type));
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> get(storage, value, sub == ARRAY_GET_U);
            case ARRAY_SET -> set(storage, value);
            case ARRAY_FILL -> {
                int length = gc.spill(ValType.I32)[0];
                rawValue(value);
                mv.visitVarInsn(ILOAD, length);
                frame.iconst(storage.ordinal());
                inlined.invokeStatic(mv, GcEmitter.GC, "fill", "(" + OBJECT + "IJJ" + OBJECT + "II)V");
                types.pop(4);
            }
            case ARRAY_COPY -> {
                frame.iconst(storage.ordinal()); // the source's elements are stored as the destination's
                inlined.invokeStatic(mv, GcEmitter.GC, "copy", "(" + OBJECT + "I" + OBJECT + "III)V");
                types.pop(5);
            }
            case ARRAY_INIT_DATA -> {
                frame.iconst(storage.ordinal());
                frame.iconst(second);
                instanceCall("initData", "(" + OBJECT + "IIIII" + INSTANCE + ")V", 4);
            }
            case ARRAY_INIT_ELEM -> {
                frame.iconst(second);
                instanceCall("initElements", "(" + OBJECT + "IIII" + INSTANCE + ")V", 4);
            }
            default -> throw new IllegalStateException("unexpected GC sub-opcode 0x" + Integer.toHexString(sub));
        }
    }

    /**
     * With {@code operands} operands on the stack (what {@code parameters} lists before the type id and the storage):
     * allocates by {@code GcInstructions.name}, passing the {@code segment} index if any and the instance last, and
     * pushes the array.
     */
    private void allocation(int type, Storage storage, String name, String parameters, int operands, int... segment) {
        gc.typeId(type);
        frame.iconst(storage.ordinal());
        for (int index : segment) {
            frame.iconst(index);
        }
        instanceCall(name, parameters + INSTANCE + ")" + ARRAY, operands);
        types.push(ValType.ref(false, type));
    }

    private void instanceCall(String name, String descriptor, int operands) {
        mv.visitVarInsn(ALOAD, slots.instance());
        inlined.invokeStatic(mv, GcEmitter.GC, name, descriptor);
        types.pop(operands);
    }

    /** {@code array.new_fixed}: a default array of {@code count}, then each element set from the operands. */
    private void newFixed(int type, int count, Storage storage, ValType value) {
        ValType[] values = new ValType[count];
        Arrays.fill(values, value);
        int[] saved = gc.spill(values);
        frame.iconst(count);
        types.push(ValType.I32);
        allocation(type, storage, "newDefault", "(III", count + 1);
        for (int i = 0; i < count; i++) {
            mv.visitInsn(DUP);
            frame.iconst(i);
            frame.load(value, saved[i]);
            setter(storage, value);
        }
    }

    /** Replaces the value on top by what {@code GcInstructions} takes for it: its raw bits, high half and reference. */
    private void rawValue(ValType value) {
        if (value.isReference()) {
            int ref = gc.spill(value)[0];
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(ALOAD, ref);
            return;
        }
        if (value != ValType.V128) {
            frame.toSlot(value);
            mv.visitInsn(LCONST_0);
        }
        mv.visitInsn(ACONST_NULL);
    }

    private void get(Storage storage, ValType value, boolean unsigned) {
        switch (storage) {
            case I8 -> element(unsigned ? "getU8" : "getS8", "I");
            case I16 -> element(unsigned ? "getU16" : "getS16", "I");
            case I32 -> element("getI32", "I");
            case I64 -> element("getI64", "J");
            case REF -> element("getRef", OBJECT);
            case V128 -> { // two calls, each with the array and the index
                int[] saved = gc.spill(types.peek(1), ValType.I32);
                mv.visitVarInsn(ALOAD, saved[0]);
                mv.visitVarInsn(ILOAD, saved[1]);
                element("getLow", "J");
                mv.visitVarInsn(ALOAD, saved[0]);
                mv.visitVarInsn(ILOAD, saved[1]);
                element("getHigh", "J");
            }
        }
        if (value == ValType.F32) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
        } else if (value == ValType.F64) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
        }
        types.pop(2);
        types.push(value);
    }

    /** With an array and an index on the stack: calls the getter {@code GcElements.name}. */
    private void element(String name, String result) {
        inlined.invokeStatic(mv, ELEMENTS, name, "(" + OBJECT + "I)" + result);
    }

    private void set(Storage storage, ValType value) {
        setter(storage, value);
        types.pop(3);
    }

    /** With an array, an index and a value of {@code value}'s type on the stack: calls the setter of {@code storage}. */
    private void setter(Storage storage, ValType value) {
        String name = switch (storage) {
            case I8 -> "set8";
            case I16 -> "set16";
            case I32 -> "setI32";
            case I64 -> "setI64";
            case V128 -> "setV128";
            case REF -> "setRef";
        };
        String parameter = switch (storage) {
            case I8, I16, I32 -> "I";
            case I64 -> "J";
            case V128 -> "JJ";
            case REF -> OBJECT;
        };
        if (value == ValType.F32) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
        } else if (value == ValType.F64) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
        }
        inlined.invokeStatic(mv, ELEMENTS, name, "(" + OBJECT + "I" + parameter + ")V");
    }
}
