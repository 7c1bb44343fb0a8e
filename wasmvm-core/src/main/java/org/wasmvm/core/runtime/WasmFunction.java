package org.wasmvm.core.runtime;

import org.wasmvm.core.Value;
import org.wasmvm.core.lower.LoweredFunction;
import org.wasmvm.core.model.FuncType;

/**
 * A function defined by a module instance; its code is lowered on first call, and compiled when the
 * store's engine asks for it.
 */
public final class WasmFunction extends FunctionInstance {
    private final ModuleInstance instance;
    private final int index;
    /**
     * The lowered code once looked up, so that a call does not go through the module each time. A
     * plain field suffices: {@link LoweredFunction} is immutable (final fields), so a thread that
     * sees the reference sees the whole code, and one that sees null looks it up again.
     */
    private LoweredFunction code;
    /** The module's compiled tier, or null when this store only interprets. */
    private final CodeTiers tiers;

    public WasmFunction(FuncType type, int typeId, ModuleInstance instance, int index, CodeTiers tiers) {
        super(type, typeId);
        this.instance = instance;
        this.index = index;
        this.tiers = tiers;
    }

    /** The module's compiled tier, or null when this store only interprets. */
    public CodeTiers tiers() {
        return tiers;
    }

    /** The compiled code, or null while (or when) this function is interpreted. */
    public JvmCode compiledCode() {
        return tiers == null ? null : tiers.code(index);
    }

    public ModuleInstance instance() {
        return instance;
    }

    /** The index in its module's function index space. */
    public int index() {
        return index;
    }

    /** The lowered code (shared by every instance of the module). */
    public LoweredFunction code() {
        LoweredFunction lowered = code;
        if (lowered == null) {
            lowered = instance.module().function(index);
            code = lowered;
        }
        return lowered;
    }

    @Override
    long[] invoke(long[] args) {
        return instance.context().entry().invoke(this, args);
    }

    @Override
    Value[] invoke(Value[] args) {
        return instance.context().entry().invoke(this, args);
    }

    @Override
    public String displayName() {
        String name = instance.module().model().names().functionNames().get(index);
        return name != null ? name + " (func " + index + ")" : "func " + index;
    }
}
