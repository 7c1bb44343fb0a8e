package org.wasmvm.core.lower;

import static org.wasmvm.core.binary.GcOpcodes.*;

import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.gc.StructLayout;

/**
 * Lowers the GC instructions of one function to the forms of {@link Op#GC_BASE}, on the compile-time stack of its
 * {@link FunctionLowering}. What the types decide is decided here, once: a field's slot and storage, an array's
 * storage, a cast's canonical target; the handlers only move values. The extern conversions lower to nothing,
 * since they keep the object as it is.
 */
final class GcLowering {
    private final FunctionLowering f;
    private final ModuleCode module;

    GcLowering(FunctionLowering f, ModuleCode module) {
        this.f = f;
        this.module = module;
    }

    /** The instruction after its prefix byte, from its sub-opcode on. */
    void lower(int sub, ByteReader in) {
        module.namesCanonicalIds();
        switch (sub) {
            case STRUCT_NEW -> {
                int type = in.u32Index();
                int base = f.popFlushed(module.structLayout(type).fieldCount());
                result(in, Op.STRUCT_NEW, base, type);
            }
            case STRUCT_NEW_DEFAULT -> result(in, Op.STRUCT_NEW_DEFAULT, in.u32Index());
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> structGet(sub == STRUCT_GET_S, in);
            case STRUCT_SET -> structSet(in);
            case ARRAY_NEW -> {
                int type = in.u32Index();
                int length = f.pop();
                int value = f.pop();
                result(in, Op.ARRAY_NEW, value, length, module.typeId(type), storage(type));
            }
            case ARRAY_NEW_DEFAULT -> {
                int type = in.u32Index();
                result(in, Op.ARRAY_NEW_DEFAULT, f.pop(), module.typeId(type), storage(type));
            }
            case ARRAY_NEW_FIXED -> {
                int type = in.u32Index();
                int count = in.u32Index();
                int base = f.popFlushed(count);
                result(in, Op.ARRAY_NEW_FIXED, base, count, module.typeId(type), storage(type));
            }
            case ARRAY_NEW_DATA -> {
                int type = in.u32Index();
                int data = in.u32Index();
                int length = f.pop();
                int offset = f.pop();
                result(in, Op.ARRAY_NEW_DATA, offset, length, module.typeId(type), storage(type), data);
            }
            case ARRAY_NEW_ELEM -> {
                int type = in.u32Index();
                int element = in.u32Index();
                int length = f.pop();
                int offset = f.pop();
                result(in, Op.ARRAY_NEW_ELEM, offset, length, module.typeId(type), element);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                int type = in.u32Index();
                int index = f.pop();
                int ref = f.pop();
                result(in, sub == ARRAY_GET_U ? Op.ARRAY_GET_U : Op.ARRAY_GET, ref, index, storage(type));
            }
            case ARRAY_SET -> {
                int type = in.u32Index();
                int value = f.pop();
                int index = f.pop();
                emit(Op.ARRAY_SET, f.pop(), index, value, storage(type));
            }
            case ARRAY_LEN -> result(in, Op.ARRAY_LEN, f.pop());
            case ARRAY_FILL -> {
                int type = in.u32Index();
                int length = f.pop();
                int value = f.pop();
                int offset = f.pop();
                emit(Op.ARRAY_FILL, f.pop(), offset, value, length, storage(type));
            }
            case ARRAY_COPY -> {
                int type = in.u32Index();
                in.u32Index(); // the source type, whose elements are stored as the destination's
                int length = f.pop();
                int srcOffset = f.pop();
                int src = f.pop();
                int dstOffset = f.pop();
                emit(Op.ARRAY_COPY, f.pop(), dstOffset, src, srcOffset, length, storage(type));
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                int type = in.u32Index();
                int segment = in.u32Index();
                int length = f.pop();
                int srcOffset = f.pop();
                int dstOffset = f.pop();
                int ref = f.pop();
                if (sub == ARRAY_INIT_DATA) {
                    emit(Op.ARRAY_INIT_DATA, ref, dstOffset, srcOffset, length, storage(type), segment);
                } else {
                    emit(Op.ARRAY_INIT_ELEM, ref, dstOffset, srcOffset, length, segment);
                }
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                int heap = heap(in);
                boolean nullable = sub == REF_TEST_NULL || sub == REF_CAST_NULL;
                int op = sub == REF_TEST || sub == REF_TEST_NULL ? Op.REF_TEST : Op.REF_CAST;
                result(in, op, f.pop(), heap, nullable ? 1 : 0);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                int flags = in.u8();
                int depth = in.u32Index();
                heap(in); // the source type: validation has checked it
                f.branchOnCast(depth, sub == BR_ON_CAST_FAIL, heap(in), (flags & CAST_TARGET_NULLABLE) != 0);
            }
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                // the same object, now in the other hierarchy: it stays where it is
            }
            case REF_I31 -> result(in, Op.REF_I31, f.pop());
            case I31_GET_S, I31_GET_U -> result(in, sub == I31_GET_S ? Op.I31_GET_S : Op.I31_GET_U, f.pop());
            default -> throw new IllegalStateException("unexpected GC sub-opcode 0x" + Integer.toHexString(sub));
        }
    }

    /** {@code ref.eq}. */
    void refEq(ByteReader in) {
        int b = f.pop();
        result(in, Op.REF_EQ, f.pop(), b);
    }

    private void structGet(boolean signed, ByteReader in) {
        int type = in.u32Index();
        int field = in.u32Index();
        StructLayout layout = module.structLayout(type);
        int slot = layout.slot(field);
        int ref = f.pop();
        switch (layout.storage(field)) {
            case REF -> result(in, Op.STRUCT_GET_REF, ref, slot);
            case V128 -> result(in, Op.STRUCT_GET_V128, ref, slot);
            case I8, I16 -> {
                if (signed) {
                    result(in, Op.STRUCT_GET_S, ref, slot, Long.SIZE - 8 * layout.storage(field).bytes());
                } else {
                    result(in, Op.STRUCT_GET, ref, slot);
                }
            }
            case I32, I64 -> result(in, Op.STRUCT_GET, ref, slot);
        }
    }

    private void structSet(ByteReader in) {
        int type = in.u32Index();
        int field = in.u32Index();
        StructLayout layout = module.structLayout(type);
        int slot = layout.slot(field);
        int value = f.pop();
        int ref = f.pop();
        switch (layout.storage(field)) {
            case REF -> emit(Op.STRUCT_SET_REF, ref, value, slot);
            case V128 -> emit(Op.STRUCT_SET_V128, ref, value, slot);
            case I8 -> emit(Op.STRUCT_SET, ref, value, slot, 0xFF);
            case I16 -> emit(Op.STRUCT_SET, ref, value, slot, 0xFFFF);
            case I32, I64 -> emit(Op.STRUCT_SET, ref, value, slot, -1);
        }
    }

    /** An instruction with a result: {@code op d immediates…}, {@code d} the result's slot (or a following local.set's local). */
    private void result(ByteReader in, int op, int... immediates) {
        int dst = f.resultSlot(in);
        f.emit(op, dst);
        emit(immediates);
        f.pushResult(dst);
    }

    private void emit(int... words) {
        for (int word : words) {
            f.emit(word);
        }
    }

    private int storage(int arrayType) {
        return module.arrayStorage(arrayType).ordinal();
    }

    /** A heap type immediate: abstract as it is, a type index as its canonical id. */
    private int heap(ByteReader in) {
        int heap = (int) in.s33();
        return heap >= 0 ? module.typeId(heap) : heap;
    }
}
