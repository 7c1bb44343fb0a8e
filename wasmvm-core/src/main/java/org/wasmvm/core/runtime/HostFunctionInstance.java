package org.wasmvm.core.runtime;

import org.wasmvm.core.HostFunction;
import org.wasmvm.core.Value;
import org.wasmvm.core.ValueHostFunction;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.types.TypeRegistry;

/** A Java function made callable from wasm: a numeric one on raw slots, or a typed one on {@link Value}s. */
public final class HostFunctionInstance extends FunctionInstance {
    private final HostFunction numeric;
    private final ValueHostFunction typed;
    private final String name;

    private HostFunctionInstance(FuncType type, HostFunction numeric, ValueHostFunction typed, String name) {
        super(type, TypeRegistry.ofFunction(type));
        this.numeric = numeric;
        this.typed = typed;
        this.name = name;
    }

    /** @throws IllegalArgumentException when {@code type} has a reference: raw slots cannot hold it */
    public static HostFunctionInstance numeric(FuncType type, HostFunction function, String name) {
        if (Value.hasReferences(type)) {
            throw new IllegalArgumentException("host function " + name + " has references in its type " + type
                    + ": define it as a ValueHostFunction");
        }
        return new HostFunctionInstance(type, function, null, name);
    }

    public static HostFunctionInstance typed(FuncType type, ValueHostFunction function, String name) {
        return new HostFunctionInstance(type, null, function, name);
    }

    /** The raw-slot form, or null for a typed function. */
    public HostFunction function() {
        return numeric;
    }

    /** The typed form, or null for a numeric function. */
    public ValueHostFunction typedFunction() {
        return typed;
    }

    @Override
    public String displayName() {
        return name + " (host)";
    }
}
