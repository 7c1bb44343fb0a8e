package org.wasmvm.core.runtime;

import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.types.TypeRegistry;

/**
 * A function of the store: defined by a module instance or provided by the host. The object itself
 * is the funcref value that denotes it.
 */
public abstract sealed class FunctionInstance implements ExportedFunction permits WasmFunction, HostFunctionInstance {
    private final FuncType type;
    private final int typeId;
    private final boolean numeric;
    /** Internal: the compiled tier's typed invoker of this function, built on first use (racy but idempotent). */
    public java.lang.invoke.MethodHandle invoker;

    /** @param typeId the canonical id of the function's type ({@link org.wasmvm.core.types.TypeRegistry}) */
    protected FunctionInstance(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
        this.numeric = Value.isSlotNumeric(type);
    }

    @Override
    public FuncType type() {
        return type;
    }

    @Override
    public long[] apply(long... args) {
        if (!numeric) {
            throw new IllegalArgumentException(displayName() + " has references or v128 in its type " + type
                    + ": call it with call(Value...)");
        }
        if (args.length != type.params().size()) {
            throw new IllegalArgumentException("expected " + type.params().size() + " arguments, got " + args.length);
        }
        return invoke(args);
    }

    @Override
    public Value[] call(Value... args) {
        // the canonical parameter types: a defined type's index is the module's, its id the one objects carry
        var params = ((FuncType) TypeRegistry.composite(typeId)).params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            ValType param = params.get(i);
            // a reference may be of a more general type than the parameter's (a funcref for a typed function reference)
            if (param.isReference() ? !args[i].type().isReference() : args[i].type() != param) {
                throw new IllegalArgumentException("argument " + i + " must be " + param + ", got " + args[i]);
            }
            if (param.isReference()) {
                References.check(param, args[i].ref(), "argument " + i);
            }
        }
        return invoke(args);
    }

    /** A call from Java with raw slots, the arguments' count checked. */
    abstract long[] invoke(long[] args);

    /** A call from Java with typed values, the arguments checked. */
    abstract Value[] invoke(Value[] args);

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
