package org.wasmvm.core.runtime;

import org.wasmvm.core.Engine;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.interp.LoweredFunction;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.tier.CompilerTier;
import org.wasmvm.core.tier.FunctionTiers;
import org.wasmvm.core.tier.JvmCode;

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
    private final FunctionTiers tiers;

    public WasmFunction(FuncType type, int typeId, ModuleInstance instance, int index) {
        super(type, typeId);
        this.instance = instance;
        this.index = index;
        boolean compiles = instance.context().engine() != Engine.INTERPRETER && CompilerTier.available();
        this.tiers = compiles ? instance.module().tiers(instance.context().metered()) : null;
    }

    /** The module's compiled tier, or null when this store only interprets. */
    public FunctionTiers tiers() {
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
}
