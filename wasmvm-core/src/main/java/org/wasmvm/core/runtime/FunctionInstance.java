package org.wasmvm.core.runtime;

import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.model.FuncType;

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

    protected FunctionInstance(FuncType type) {
        this.type = type;
        this.typeId = TypeIds.of(type);
    }

    @Override
    public FuncType type() {
        return type;
    }

    /** The funcref handle of this function in its store, or -1 before it joined a store. */
    public int handle() {
        return handle;
    }

    /** The store-wide id of the function's type: equal ids mean equal signatures. */
    public int typeId() {
        return typeId;
    }

    /** A short name for stack traces and errors. */
    public abstract String displayName();
}
