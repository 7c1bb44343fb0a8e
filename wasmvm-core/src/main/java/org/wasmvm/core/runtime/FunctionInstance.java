package org.wasmvm.core.runtime;

import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.types.TypeRegistry;

/**
 * A function of the store: defined by a module instance or provided by the host. Its
 * {@link #handle()} is the funcref value that denotes it inside its store.
 */
public abstract sealed class FunctionInstance implements ExportedFunction permits WasmFunction, HostFunctionInstance {
    private final FuncType type;
    private final int typeId;
    int handle = -1;
    /** Internal: the compiled tier's typed invoker of this function, built on first use (racy but idempotent). */
    public java.lang.invoke.MethodHandle invoker;

    /** @param typeId the canonical id of the function's type ({@link org.wasmvm.core.types.TypeRegistry}) */
    protected FunctionInstance(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
    }

    @Override
    public FuncType type() {
        return type;
    }

    /** The funcref handle of this function in its store, or -1 before it joined a store. */
    public int handle() {
        return handle;
    }

    /** The canonical id of the function's type: equal ids mean equal types, in any store or module. */
    public int typeId() {
        return typeId;
    }

    /** Whether the function's type is the canonical type {@code expected} or a subtype of it (call_indirect's check). */
    public boolean matches(int expected) {
        return typeId == expected || TypeRegistry.isSubtype(typeId, expected);
    }

    /** A short name for stack traces and errors. */
    public abstract String displayName();
}
