package org.wasmvm.core.runtime;

import org.wasmvm.core.interp.CompiledFunction;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.model.FuncType;

/** A function defined by a module instance; its code is lowered on first call. */
public final class WasmFunction extends FunctionInstance {
    private final ModuleInstance instance;
    private final int index;
    /**
     * The lowered code once looked up, so that a call does not go through the module each time. A
     * plain field suffices: {@link CompiledFunction} is immutable (final fields), so a thread that
     * sees the reference sees the whole code, and one that sees null looks it up again.
     */
    private CompiledFunction code;

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
        CompiledFunction lowered = code;
        if (lowered == null) {
            lowered = instance.module().code().function(index);
            code = lowered;
        }
        return lowered;
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
