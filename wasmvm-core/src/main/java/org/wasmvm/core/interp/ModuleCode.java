package org.wasmvm.core.interp;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.runtime.TypeIds;

/**
 * The lowered code of a module's defined functions, produced lazily on first call so that
 * loading a large module does not pay for functions that never run. Thread-safe: two threads
 * may lower the same function at once; both results are equal and either may win.
 */
public final class ModuleCode {
    private final WasmModule module;
    private final IndexSpaces spaces;
    private final AtomicReferenceArray<LoweredFunction> functions;
    private final int[] typeIds;

    public ModuleCode(WasmModule module, IndexSpaces spaces) {
        this.module = module;
        this.spaces = spaces;
        this.functions = new AtomicReferenceArray<>(module.codes().size());
        this.typeIds = module.types().stream().mapToInt(TypeIds::of).toArray();
    }

    /** The process-wide id of the module's type at {@code typeIndex} (see {@link TypeIds}). */
    public int typeId(int typeIndex) {
        return typeIds[typeIndex];
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
