package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.GcOpcodes.*;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.gc.Storage;
import org.wasmvm.core.gc.StructLayout;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.ValType;

/**
 * The GC instructions ({@code 0xFB} prefix, and {@code ref.eq}) on the one object model of both tiers (DESIGN §5):
 * a struct is a {@link org.wasmvm.core.gc.GcStruct}, so {@code struct.get} is the null check of
 * {@code GcInstructions.struct} and one array read of its {@code values} or {@code refs} at the slot the layout
 * gives; {@code struct.new} a {@code new} and a store per field. Arrays, casts and i31s are calls of
 * {@code GcElements} and {@code GcInstructions}, the methods the interpreter calls too, small enough for C2 to
 * inline. A canonical type id is read into a local in the prologue: ids are per process, and the class may come
 * from the code cache.
 */
final class GcEmitter {
    static final String GC = "org/wasmvm/core/runtime/GcInstructions";
    private static final String STRUCT = "org/wasmvm/core/gc/GcStruct";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String REFERENCES = "org/wasmvm/core/runtime/References";
    private static final String MODULE_CODE = "org/wasmvm/core/lower/ModuleCode";

    private final MethodVisitor mv;
    private final JvmFrame frame;
    private final OperandTypes types;
    private final TrapSites traps;
    private final InlinedBytecode inlined;
    private final ControlEmitter control;
    private final ModuleCode module;
    private final GcArrayEmitter arrays;
    private final MethodSlots slots;
    /** The local of each canonical type id the method uses, by type index (ids are per process: see RATIONALE). */
    private final Map<Integer, Integer> typeIds = new HashMap<>();

    GcEmitter(MethodVisitor mv, JvmFrame frame, OperandTypes types, TrapSites traps, InlinedBytecode inlined,
            ControlEmitter control, ModuleCode module, MethodSlots slots) {
        this.mv = mv;
        this.frame = frame;
        this.types = types;
        this.traps = traps;
        this.inlined = inlined;
        this.control = control;
        this.module = module;
        this.slots = slots;
        this.arrays = new GcArrayEmitter(this, mv, frame, types, inlined, module, slots);
    }

    /** {@code ref.eq}. */
    void refEq() {
        inlined.invokeStatic(mv, REFERENCES, "equal", "(" + OBJECT + OBJECT + ")Z");
        types.pop(2);
        types.push(ValType.I32);
    }

    /** Reads the immediates of {@code sub} (the prefix and sub-opcode read) and, if reachable, emits it. */
    void instruction(int sub, int offset, ByteReader in, boolean reachable) {
        switch (sub) {
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                boolean nullable = (in.u8() & CAST_TARGET_NULLABLE) != 0;
                int depth = in.u32();
                in.s33(); // the source type: validation has checked it
                int heap = (int) in.s33();
                if (reachable) {
                    control.brOnTest(depth, offset, () -> test(heap, nullable), sub == BR_ON_CAST);
                }
                return;
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                int heap = (int) in.s33();
                if (reachable) {
                    cast(sub, heap, offset);
                }
                return;
            }
            default -> {
            }
        }
        int type = immediate(sub) == Immediate.NONE ? -1 : in.u32();
        int second = immediate(sub) == Immediate.TYPE_AND_INDEX ? in.u32() : -1;
        if (!reachable) {
            return;
        }
        switch (sub) {
            case STRUCT_NEW -> traps.site(offset, () -> structNew(type, true));
            case STRUCT_NEW_DEFAULT -> traps.site(offset, () -> structNew(type, false));
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> traps.site(offset, () -> structGet(type, second, sub == STRUCT_GET_S));
            case STRUCT_SET -> traps.site(offset, () -> structSet(type, second));
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> { // the same object, now in the other hierarchy
                boolean nullable = types.pop().nullable();
                types.push(ValType.ref(nullable, sub == ANY_CONVERT_EXTERN ? HeapType.ANY : HeapType.EXTERN));
            }
            case REF_I31 -> {
                inlined.invokeStatic(mv, "org/wasmvm/core/gc/I31", "of", "(I)Lorg/wasmvm/core/gc/I31;");
                types.pop();
                types.push(ValType.ref(false, HeapType.I31));
            }
            case I31_GET_S, I31_GET_U -> traps.site(offset, () -> {
                inlined.invokeStatic(mv, GC, sub == I31_GET_S ? "i31Signed" : "i31Unsigned", "(" + OBJECT + ")I");
                types.pop();
                types.push(ValType.I32);
            });
            default -> traps.site(offset, () -> arrays.emit(sub, type, second));
        }
    }

    // ---- casts ----

    /** {@code ref.test} or {@code ref.cast} to {@code (ref null? heap)}. */
    private void cast(int sub, int heap, int offset) {
        boolean nullable = sub == REF_TEST_NULL || sub == REF_CAST_NULL;
        if (sub == REF_TEST || sub == REF_TEST_NULL) {
            test(heap, nullable);
            types.pop();
            types.push(ValType.I32);
            return;
        }
        traps.site(offset, () -> {
            heap(heap);
            frame.iconst(nullable ? 1 : 0);
            inlined.invokeStatic(mv, GC, "cast", "(" + OBJECT + "IZ)" + OBJECT);
            types.pop();
            types.push(ValType.ref(nullable, heap));
        });
    }

    /** With a reference on top: replaces it by whether it is a value of {@code (ref null? heap)} (the operand types are the caller's). */
    private void test(int heap, boolean nullable) {
        heap(heap);
        frame.iconst(nullable ? 1 : 0);
        inlined.invokeStatic(mv, REFERENCES, "matches", "(" + OBJECT + "IZ)Z");
    }

    /** Pushes a heap type as {@code References} takes it: an abstract one as it is, a type index as its canonical id. */
    private void heap(int heap) {
        if (heap >= 0) {
            typeId(heap);
        } else {
            frame.iconst(heap);
        }
    }

    /** Pushes the canonical id of the module's type {@code typeIndex}, from the local the prologue loads it into. */
    void typeId(int typeIndex) {
        mv.visitVarInsn(ILOAD, typeIds.computeIfAbsent(typeIndex, type -> frame.allocate(ValType.I32)));
    }

    /** Loads the canonical id of each type the method uses into its local ({@link #typeId}). */
    void emitPrologue() {
        typeIds.forEach((type, local) -> {
            mv.visitVarInsn(ALOAD, slots.instance());
            mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "module", "()L" + MODULE_CODE + ";", false);
            frame.iconst(type);
            mv.visitMethodInsn(INVOKEVIRTUAL, MODULE_CODE, "typeId", "(I)I", false);
            mv.visitVarInsn(ISTORE, local);
        });
    }

    // ---- structs ----

    private void structNew(int type, boolean withValues) {
        StructLayout layout = module.structLayout(type);
        var fields = ((StructType) module.model().types().get(type).composite()).fields();
        int[] saved = withValues ? spill(fields.stream().map(GcEmitter::valueType).toArray(ValType[]::new)) : null;
        int values = 0, refs = 0;
        for (int i = 0; i < layout.fieldCount(); i++) {
            switch (layout.storage(i)) {
                case REF -> refs++;
                case V128 -> values += 2;
                default -> values++;
            }
        }
        mv.visitTypeInsn(NEW, STRUCT);
        mv.visitInsn(DUP);
        typeId(type);
        frame.iconst(values);
        frame.iconst(refs);
        mv.visitMethodInsn(INVOKESPECIAL, STRUCT, "<init>", "(III)V", false);
        for (int i = 0; withValues && i < fields.size(); i++) {
            ValType valType = valueType(fields.get(i));
            mv.visitInsn(DUP);
            storeField(layout, i, saved[i], valType);
        }
        types.pop(withValues ? fields.size() : 0);
        types.push(ValType.ref(false, type));
    }

    private void structGet(int type, int field, boolean signed) {
        StructLayout layout = module.structLayout(type);
        ValType valType = valueType(((StructType) module.model().types().get(type).composite()).fields().get(field));
        int slot = layout.slot(field);
        struct();
        switch (layout.storage(field)) {
            case REF -> {
                mv.visitFieldInsn(GETFIELD, STRUCT, "refs", "[" + OBJECT);
                frame.iconst(slot);
                mv.visitInsn(AALOAD);
            }
            case V128 -> {
                mv.visitFieldInsn(GETFIELD, STRUCT, "values", "[J");
                mv.visitInsn(DUP);
                frame.iconst(slot);
                mv.visitInsn(LALOAD);
                mv.visitInsn(DUP2_X1);
                mv.visitInsn(POP2);
                frame.iconst(slot + 1);
                mv.visitInsn(LALOAD);
            }
            default -> {
                mv.visitFieldInsn(GETFIELD, STRUCT, "values", "[J");
                frame.iconst(slot);
                mv.visitInsn(LALOAD);
                frame.fromSlot(valType);
                int bits = 8 * layout.storage(field).bytes();
                if (signed && bits < Integer.SIZE) { // stored zero-extended
                    frame.iconst(Integer.SIZE - bits);
                    mv.visitInsn(ISHL);
                    frame.iconst(Integer.SIZE - bits);
                    mv.visitInsn(ISHR);
                }
            }
        }
        types.push(valType);
    }

    private void structSet(int type, int field) {
        StructLayout layout = module.structLayout(type);
        ValType valType = types.peek(0);
        int local = spill(valType)[0];
        struct();
        storeField(layout, field, local, valType);
        types.pop();
    }

    /** Replaces the reference on top by its struct, or traps on null. */
    private void struct() {
        inlined.invokeStatic(mv, GC, "struct", "(" + OBJECT + ")L" + STRUCT + ";");
        types.pop();
    }

    /** With a struct on top: stores the value held in {@code local} into field {@code field}, as {@code GcStruct.set} does. */
    private void storeField(StructLayout layout, int field, int local, ValType valType) {
        int slot = layout.slot(field);
        if (layout.storage(field) == Storage.REF) {
            mv.visitFieldInsn(GETFIELD, STRUCT, "refs", "[" + OBJECT);
            frame.iconst(slot);
            mv.visitVarInsn(ALOAD, local);
            mv.visitInsn(AASTORE);
            return;
        }
        mv.visitFieldInsn(GETFIELD, STRUCT, "values", "[J");
        if (layout.storage(field) == Storage.V128) {
            mv.visitInsn(DUP);
            frame.iconst(slot);
            mv.visitVarInsn(LLOAD, local);
            mv.visitInsn(LASTORE);
            frame.iconst(slot + 1);
            mv.visitVarInsn(LLOAD, local + 2); // JvmFrame.store keeps a v128's high half two slots on
            mv.visitInsn(LASTORE);
            return;
        }
        frame.iconst(slot);
        frame.load(valType, local);
        if (layout.storage(field).bytes() < Integer.BYTES) { // packed fields are stored truncated, zero-extended
            frame.iconst(layout.storage(field) == Storage.I8 ? 0xFF : 0xFFFF);
            mv.visitInsn(IAND);
        }
        frame.toSlot(valType);
        mv.visitInsn(LASTORE);
    }

    // ---- shared with GcArrayEmitter ----

    /** The type of a field's or element's value on the stack: a packed one is an {@code i32}. */
    static ValType valueType(FieldType field) {
        if (field.isPacked()) {
            return ValType.I32;
        }
        ValType type = field.type();
        return switch (type.kind()) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
            case V128 -> ValType.V128;
            case REF -> type;
        };
    }

    /** The element type of the module's array type {@code type}. */
    FieldType element(int type) {
        return ((ArrayType) module.model().types().get(type).composite()).element();
    }

    /**
     * Stores the top {@code values.length} operands (of those types, the last on top) in scratch locals, one each,
     * and returns the locals in operand order; the operand types stay.
     */
    int[] spill(ValType... values) {
        int[] locals = new int[values.length];
        Map<ValType.Kind, Integer> used = new EnumMap<>(ValType.Kind.class);
        for (int i = values.length - 1; i >= 0; i--) {
            ValType type = values[i];
            int index = used.merge(type.kind(), 1, Integer::sum) - 1;
            locals[i] = frame.scratch(type, index);
            frame.store(type, locals[i]);
        }
        return locals;
    }
}
