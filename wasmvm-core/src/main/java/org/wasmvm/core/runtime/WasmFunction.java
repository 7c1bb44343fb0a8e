package org.wasmvm.core.runtime;

import org.wasmvm.core.interp.CompiledFunction;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.model.FuncType;

/** A function defined by a module instance; its code is lowered on first call. */
public final class WasmFunction extends FunctionInstance {
    private final ModuleInstance instance;
    private final int index;

    public WasmFunction(FuncType type, ModuleInstance instance, int index) {
        super(type);
        this.instance = instance;
        this.index = index;
    }

    public ModuleInstance instance() {
        return instance;
    }

    /** The index in its module's function index space. */
    public int index() {
        return index;
    }

    /** The lowered code (shared by every instance of the module). */
    public CompiledFunction code() {
        return instance.module().code().function(index);
    }

    @Override
    public String displayName() {
        String name = instance.module().model().names().functionNames().get(index);
        return name != null ? name + " (func " + index + ")" : "func " + index;
    }

    @Override
    public long[] apply(long... args) {
        return Interpreter.invoke(this, args);
    }
}
