package org.wasmvm.core.runtime;

import org.wasmvm.core.TrapKind;
import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.gc.I31;
import org.wasmvm.core.gc.Storage;

/**
 * The GC instructions' checks and their work beyond one field or element, for both engines (DESIGN §5): the
 * interpreter's handlers and compiled code call these same methods, so a trap and its kind cannot differ between
 * the tiers. Indices, offsets and lengths are {@code i32}s read as unsigned; a range is checked before anything is
 * written, in the reference interpreter's order (the array's, then the segment's); allocations go through
 * {@link GcAllocation}'s limits. A storage is its {@link Storage#ordinal()}, as lowered and compiled code name it.
 * Public because compiled code calls it; not an API.
 */
public final class GcInstructions {
    private GcInstructions() {
    }

    /** The struct a field access works on: traps on null. */
    public static GcStruct struct(Object ref) {
        if (ref == null) {
            throw new Trap(TrapKind.NULL_STRUCTURE_REFERENCE);
        }
        return (GcStruct) ref;
    }

    /** The array an element access works on: traps on null. */
    public static GcArray array(Object ref) {
        if (ref == null) {
            throw new Trap(TrapKind.NULL_ARRAY_REFERENCE);
        }
        return (GcArray) ref;
    }

    /** Element {@code index} (an unsigned i32) of {@code array}: traps when out of bounds. */
    public static int index(GcArray array, int index) {
        if (Integer.compareUnsigned(index, array.length) >= 0) {
            throw new Trap(TrapKind.ARRAY_OUT_OF_BOUNDS);
        }
        return index;
    }

    /** {@code array.len}. */
    public static int length(Object ref) {
        return array(ref).length;
    }

    /** {@code i31.get_s}. */
    public static int i31Signed(Object ref) {
        return i31(ref).value();
    }

    /** {@code i31.get_u}. */
    public static int i31Unsigned(Object ref) {
        return i31(ref).unsigned();
    }

    private static I31 i31(Object ref) {
        if (ref == null) {
            throw new Trap(TrapKind.NULL_I31_REFERENCE);
        }
        return (I31) ref;
    }

    /** {@code ref.cast}: {@code ref} when it is a value of {@code (ref null? heap)} ({@link References#matches}), else a trap. */
    public static Object cast(Object ref, int heap, boolean nullable) {
        if (!References.matches(ref, heap, nullable)) {
            throw new Trap(TrapKind.CAST_FAILURE);
        }
        return ref;
    }

    /** {@code array.new_default}. */
    public static GcArray newDefault(int length, int typeId, int storage, ModuleInstance instance) {
        return GcAllocation.array(instance.context().limits(), typeId, Storage.of(storage), Integer.toUnsignedLong(length));
    }

    /** {@code array.new}: every element the value {@code bits} (and {@code high} for a v128) or {@code ref}. */
    public static GcArray newFilled(long bits, long high, Object ref, int length, int typeId, int storage,
            ModuleInstance instance) {
        GcArray array = newDefault(length, typeId, storage, instance);
        array.fill(Storage.of(storage), 0, array.length, bits, high, ref);
        return array;
    }

    /** {@code array.new_data}: {@code length} elements read from byte {@code offset} of data segment {@code data}. */
    public static GcArray newData(int offset, int length, int typeId, int storage, int data, ModuleInstance instance) {
        byte[] bytes = instance.datas[data];
        checkData(bytes, offset, length, Storage.of(storage));
        GcArray array = newDefault(length, typeId, storage, instance);
        array.load(Storage.of(storage), 0, bytes, offset, array.length);
        return array;
    }

    /** {@code array.new_elem}: {@code length} references from {@code offset} of element segment {@code element}. */
    public static GcArray newElements(int offset, int length, int typeId, int element, ModuleInstance instance) {
        Object[] elements = instance.elements[element];
        checkElements(elements, offset, length);
        GcArray array = newDefault(length, typeId, Storage.REF.ordinal(), instance);
        System.arraycopy(elements, offset, array.elements, 0, array.length);
        return array;
    }

    /** {@code array.fill}: {@code length} elements from {@code offset} set to one value (as {@link #newFilled}). */
    public static void fill(Object ref, int offset, long bits, long high, Object value, int length, int storage) {
        GcArray array = array(ref);
        checkRange(array, offset, length);
        array.fill(Storage.of(storage), offset, offset + length, bits, high, value);
    }

    /** {@code array.copy}: the source range and the destination range are checked, then copied as if through a temporary. */
    public static void copy(Object destination, int to, Object source, int from, int length, int storage) {
        GcArray target = array(destination);
        GcArray origin = array(source);
        checkRange(origin, from, length);
        checkRange(target, to, length);
        target.copy(Storage.of(storage), to, origin, from, length);
    }

    /** {@code array.init_data}. */
    public static void initData(Object ref, int to, int from, int length, int storage, int data, ModuleInstance instance) {
        GcArray array = array(ref);
        byte[] bytes = instance.datas[data];
        checkRange(array, to, length);
        checkData(bytes, from, length, Storage.of(storage));
        array.load(Storage.of(storage), to, bytes, from, length);
    }

    /** {@code array.init_elem}. */
    public static void initElements(Object ref, int to, int from, int length, int element, ModuleInstance instance) {
        GcArray array = array(ref);
        Object[] elements = instance.elements[element];
        checkRange(array, to, length);
        checkElements(elements, from, length);
        System.arraycopy(elements, from, array.elements, to, length);
    }

    private static void checkRange(GcArray array, int offset, int length) {
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(length) > array.length) {
            throw new Trap(TrapKind.ARRAY_OUT_OF_BOUNDS);
        }
    }

    /** {@code length} elements of {@code storage} from byte {@code offset} of a data segment (empty once dropped). */
    private static void checkData(byte[] data, int offset, int length, Storage storage) {
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(length) * storage.bytes() > data.length) {
            throw new Trap(TrapKind.DATA_SEGMENT_OUT_OF_BOUNDS);
        }
    }

    /** {@code length} references from {@code offset} of an element segment (empty once dropped). */
    private static void checkElements(Object[] elements, int offset, int length) {
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(length) > elements.length) {
            throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
    }
}
