package org.wasmvm.core.interp;

import org.wasmvm.core.TrapKind;
import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.Storage;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.GcAllocation;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.Trap;

/**
 * The array instructions of GC ({@link GcHandlers} routes them here). Indices, offsets and lengths are unsigned
 * {@code i32}s; a range is checked before anything is written, in the reference interpreter's order (the array's,
 * then the segment's), and allocations go through {@link GcAllocation}'s limits. Returns the next pc.
 */
final class GcArrayHandlers {
    private GcArrayHandlers() {
    }

    static int execute(int op, long[] s, long[] high, Object[] refs, int fp, int[] c, int pc, ModuleInstance instance) {
        switch (op) {
            case Op.ARRAY_NEW -> {
                int value = fp + c[pc + 1];
                Storage storage = Storage.of(c[pc + 4]);
                GcArray array = allocate(instance, c[pc + 3], storage, s[fp + c[pc + 2]]);
                array.fill(storage, 0, array.length, s[value], storage == Storage.V128 ? high[value] : 0, refs[value]);
                refs[fp + c[pc]] = array;
                return pc + 5;
            }
            case Op.ARRAY_NEW_DEFAULT -> {
                refs[fp + c[pc]] = allocate(instance, c[pc + 2], Storage.of(c[pc + 3]), s[fp + c[pc + 1]]);
                return pc + 4;
            }
            case Op.ARRAY_NEW_FIXED -> {
                int base = fp + c[pc + 1];
                int count = c[pc + 2];
                Storage storage = Storage.of(c[pc + 4]);
                GcArray array = GcAllocation.array(instance.context().limits(), c[pc + 3], storage, count);
                for (int i = 0; i < count; i++) {
                    array.set(storage, i, s[base + i], storage == Storage.V128 ? high[base + i] : 0, refs[base + i]);
                }
                refs[fp + c[pc]] = array;
                return pc + 5;
            }
            case Op.ARRAY_NEW_DATA -> {
                Storage storage = Storage.of(c[pc + 4]);
                byte[] data = instance.datas[c[pc + 5]];
                long offset = unsigned(s[fp + c[pc + 1]]);
                long length = unsigned(s[fp + c[pc + 2]]);
                checkData(data, offset, length, storage);
                GcArray array = allocate(instance, c[pc + 3], storage, length);
                array.load(storage, 0, data, (int) offset, array.length);
                refs[fp + c[pc]] = array;
                return pc + 6;
            }
            case Op.ARRAY_NEW_ELEM -> {
                Object[] elements = instance.elements[c[pc + 4]];
                long offset = unsigned(s[fp + c[pc + 1]]);
                long length = unsigned(s[fp + c[pc + 2]]);
                checkElements(elements, offset, length);
                GcArray array = allocate(instance, c[pc + 3], Storage.REF, length);
                System.arraycopy(elements, (int) offset, array.elements, 0, array.length);
                refs[fp + c[pc]] = array;
                return pc + 5;
            }
            case Op.ARRAY_GET, Op.ARRAY_GET_U -> {
                GcArray array = array(refs[fp + c[pc + 1]]);
                int index = index(array, s[fp + c[pc + 2]]);
                Storage storage = Storage.of(c[pc + 3]);
                int d = fp + c[pc];
                switch (storage) {
                    case REF -> refs[d] = array.ref(index);
                    case V128 -> {
                        s[d] = array.bits(storage, index);
                        high[d] = array.high(index);
                    }
                    default -> s[d] = op == Op.ARRAY_GET ? array.bits(storage, index)
                            : array.bits(storage, index) & (storage == Storage.I8 ? 0xFF : 0xFFFF);
                }
                return pc + 4;
            }
            case Op.ARRAY_SET -> {
                GcArray array = array(refs[fp + c[pc]]);
                int index = index(array, s[fp + c[pc + 1]]);
                int value = fp + c[pc + 2];
                Storage storage = Storage.of(c[pc + 3]);
                array.set(storage, index, s[value], storage == Storage.V128 ? high[value] : 0, refs[value]);
                return pc + 4;
            }
            case Op.ARRAY_LEN -> {
                s[fp + c[pc]] = array(refs[fp + c[pc + 1]]).length;
                return pc + 2;
            }
            case Op.ARRAY_FILL -> {
                GcArray array = array(refs[fp + c[pc]]);
                long offset = unsigned(s[fp + c[pc + 1]]);
                long length = unsigned(s[fp + c[pc + 3]]);
                checkRange(array, offset, length);
                int value = fp + c[pc + 2];
                Storage storage = Storage.of(c[pc + 4]);
                array.fill(storage, (int) offset, (int) (offset + length), s[value],
                        storage == Storage.V128 ? high[value] : 0, refs[value]);
                return pc + 5;
            }
            case Op.ARRAY_COPY -> {
                GcArray source = array(refs[fp + c[pc + 2]]);
                GcArray destination = array(refs[fp + c[pc]]);
                long to = unsigned(s[fp + c[pc + 1]]);
                long from = unsigned(s[fp + c[pc + 3]]);
                long length = unsigned(s[fp + c[pc + 4]]);
                checkRange(source, from, length);
                checkRange(destination, to, length);
                destination.copy(Storage.of(c[pc + 5]), (int) to, source, (int) from, (int) length);
                return pc + 6;
            }
            case Op.ARRAY_INIT_DATA -> {
                GcArray array = array(refs[fp + c[pc]]);
                long to = unsigned(s[fp + c[pc + 1]]);
                long from = unsigned(s[fp + c[pc + 2]]);
                long length = unsigned(s[fp + c[pc + 3]]);
                Storage storage = Storage.of(c[pc + 4]);
                byte[] data = instance.datas[c[pc + 5]];
                checkRange(array, to, length);
                checkData(data, from, length, storage);
                array.load(storage, (int) to, data, (int) from, (int) length);
                return pc + 6;
            }
            case Op.ARRAY_INIT_ELEM -> {
                GcArray array = array(refs[fp + c[pc]]);
                long to = unsigned(s[fp + c[pc + 1]]);
                long from = unsigned(s[fp + c[pc + 2]]);
                long length = unsigned(s[fp + c[pc + 3]]);
                Object[] elements = instance.elements[c[pc + 4]];
                checkRange(array, to, length);
                checkElements(elements, from, length);
                System.arraycopy(elements, (int) from, array.elements, (int) to, (int) length);
                return pc + 5;
            }
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(op));
        }
    }

    private static GcArray allocate(ModuleInstance instance, int typeId, Storage storage, long length) {
        return GcAllocation.array(instance.context().limits(), typeId, storage, unsigned(length));
    }

    private static long unsigned(long i32) {
        return i32 & 0xFFFF_FFFFL;
    }

    private static GcArray array(Object ref) {
        if (ref == null) {
            throw new Trap(TrapKind.NULL_ARRAY_REFERENCE);
        }
        return (GcArray) ref;
    }

    private static int index(GcArray array, long i32) {
        if (unsigned(i32) >= array.length) {
            throw new Trap(TrapKind.ARRAY_OUT_OF_BOUNDS);
        }
        return (int) i32;
    }

    private static void checkRange(GcArray array, long offset, long length) {
        if (offset + length > array.length) {
            throw new Trap(TrapKind.ARRAY_OUT_OF_BOUNDS);
        }
    }

    /** {@code length} elements of {@code storage} from byte {@code offset} of a data segment (empty once dropped). */
    private static void checkData(byte[] data, long offset, long length, Storage storage) {
        if (offset + length * storage.bytes() > data.length) {
            throw new Trap(TrapKind.DATA_SEGMENT_OUT_OF_BOUNDS);
        }
    }

    /** {@code length} references from {@code offset} of an element segment (empty once dropped). */
    private static void checkElements(Object[] elements, long offset, long length) {
        if (offset + length > elements.length) {
            throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
    }
}
