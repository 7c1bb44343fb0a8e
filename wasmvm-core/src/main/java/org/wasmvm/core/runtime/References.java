package org.wasmvm.core.runtime;

import org.wasmvm.core.ThrownException;
import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.GcObject;
import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.gc.I31;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.types.TypeRegistry;

/**
 * What a reference is, by the kind of its object: the casts of GC ({@code ref.test}, {@code ref.cast},
 * {@code br_on_cast}) and the checks of the references a host hands in, so that wasm code never finds a
 * non-function where it calls one or a string where it reads a struct. A defined type is compared by canonical
 * id (constant time, {@link TypeRegistry#isSubtype}); an abstract one by the object's class. {@code any} and
 * {@code extern} take every object: {@code any.convert_extern} and {@code extern.convert_any} keep the object as
 * it is, so a host's object is an {@code anyref} too (neither {@code eq} nor of any defined type).
 */
public final class References {
    private References() {
    }

    /**
     * Whether {@code ref} is a value of {@code (ref null? heap)}, where {@code heap} is abstract ({@link HeapType})
     * or a canonical id.
     */
    public static boolean matches(Object ref, int heap, boolean nullable) {
        if (ref == null) {
            return nullable;
        }
        if (heap >= 0) {
            return ref instanceof GcObject object ? TypeRegistry.isSubtype(object.typeId, heap)
                    : ref instanceof FunctionInstance function && function.matches(heap);
        }
        return switch (heap) {
            case HeapType.ANY, HeapType.EXTERN -> true;
            case HeapType.EQ -> ref instanceof GcObject || ref instanceof I31;
            case HeapType.I31 -> ref instanceof I31;
            case HeapType.STRUCT -> ref instanceof GcStruct;
            case HeapType.ARRAY -> ref instanceof GcArray;
            case HeapType.FUNC -> ref instanceof FunctionInstance;
            case HeapType.EXN -> ref instanceof ThrownException;
            default -> false; // the bottom types hold only null
        };
    }

    /**
     * @param type a canonical reference type (defined types by canonical id)
     * @throws IllegalArgumentException when {@code ref} cannot be a value of {@code type}
     */
    public static void check(ValType type, Object ref, String what) {
        if (!matches(ref, type.heapType(), type.nullable())) {
            throw new IllegalArgumentException(what + " of type " + type + (ref == null ? " cannot be null"
                    : " must be " + expected(type.heapType()) + ", got " + ref.getClass().getName()));
        }
    }

    private static String expected(int heap) {
        if (heap >= 0) {
            return "a function, struct or array of that type";
        }
        return switch (heap) {
            case HeapType.EQ -> "a struct, an array or an i31";
            case HeapType.I31 -> "an i31";
            case HeapType.STRUCT -> "a struct";
            case HeapType.ARRAY -> "an array";
            case HeapType.FUNC -> "a function";
            case HeapType.EXN -> "a wasm exception";
            default -> "null";
        };
    }

    /** {@code ref.eq}: the same object, or two {@code i31}s of the same value. */
    public static boolean equal(Object a, Object b) {
        return a == b || (a instanceof I31 && a.equals(b));
    }
}
