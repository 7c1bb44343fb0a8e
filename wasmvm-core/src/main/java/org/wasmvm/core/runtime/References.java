package org.wasmvm.core.runtime;

import org.wasmvm.core.ThrownException;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;

/** Checks of the references a host hands in: wasm code then never finds a non-function where it calls one. */
public final class References {
    private References() {
    }

    /**
     * @throws IllegalArgumentException when {@code ref} cannot be a value of {@code type}: null for a
     *     non-nullable type, something other than a store's function for a function type, or other than
     *     a wasm exception for an exception type
     */
    public static void check(ValType type, Object ref, String what) {
        if (ref == null) {
            if (!type.nullable()) {
                throw new IllegalArgumentException(what + " of type " + type + " cannot be null");
            }
        } else if (isFunction(type) && !(ref instanceof FunctionInstance)) {
            throw new IllegalArgumentException(what + " of type " + type + " must be a function, got " + ref.getClass().getName());
        } else if (isException(type) && !(ref instanceof ThrownException)) {
            throw new IllegalArgumentException(what + " of type " + type + " must be a wasm exception, got "
                    + ref.getClass().getName());
        }
    }

    private static boolean isException(ValType type) {
        return type.heapType() == HeapType.EXN || type.heapType() == HeapType.NOEXN;
    }

    private static boolean isFunction(ValType type) {
        int heap = type.heapType();
        return heap == HeapType.FUNC || heap == HeapType.NOFUNC || heap >= 0;
    }
}
