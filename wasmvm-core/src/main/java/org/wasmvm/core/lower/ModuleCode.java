package org.wasmvm.core.lower;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.types.ModuleTypes;

/**
 * A validated module as the engine runs it: the decoded model, its index spaces, its types in
 * canonical form, and the lowered code of its defined functions, produced lazily on first call so
 * that loading a large module does not pay for functions that never run. Thread-safe: two threads
 * may lower the same function at once; both results are equal and either may win.
 */
public final class ModuleCode {
    private final WasmModule module;
    private final IndexSpaces spaces;
    private final AtomicReferenceArray<LoweredFunction> functions;
    private final ModuleTypes types;

    public ModuleCode(WasmModule module, IndexSpaces spaces) {
        this.module = module;
        this.spaces = spaces;
        this.functions = new AtomicReferenceArray<>(module.codes().size());
        this.types = ModuleTypes.of(module);
    }

    /** The decoded module. */
    public WasmModule model() {
        return module;
    }

    /** The types of the module's index spaces (imports first). */
    public IndexSpaces indexSpaces() {
        return spaces;
    }

    /** The canonical id of the module's type at {@code typeIndex}. */
    public int typeId(int typeIndex) {
        return types.id(typeIndex);
    }

    /** The module's types in canonical form. */
    public ModuleTypes types() {
        return types;
    }

    /** The lowered code of the function at {@code functionIndex} (a defined, not imported, function). */
    public LoweredFunction function(int functionIndex) {
        int defined = functionIndex - spaces.importedFunctionCount();
        LoweredFunction code = functions.get(defined);
        if (code == null) {
            code = new FunctionLowering(module, spaces, functionIndex).lower();
            functions.compareAndSet(defined, null, code);
        }
        return code;
    }
}
