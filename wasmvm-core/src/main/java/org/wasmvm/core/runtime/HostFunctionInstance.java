package org.wasmvm.core.runtime;

import org.wasmvm.core.HostFunction;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.types.TypeRegistry;

/** A Java function made callable from wasm. */
public final class HostFunctionInstance extends FunctionInstance {
    private final HostFunction function;
    private final String name;

    public HostFunctionInstance(FuncType type, HostFunction function, String name) {
        super(type, TypeRegistry.ofFunction(type));
        this.function = function;
        this.name = name;
    }

    public HostFunction function() {
        return function;
    }

    @Override
    public String displayName() {
        return name + " (host)";
    }

    @Override
    public long[] apply(long... args) {
        return Interpreter.invoke(this, args);
    }
}
