package org.wasmvm.core.lower;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.wasmvm.core.gc.Storage;
import org.wasmvm.core.gc.StructLayout;
import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.types.ModuleTypes;
import org.wasmvm.core.types.TypeRegistry;

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
    /** Each struct type's layout, made when first asked for (racy but idempotent, as the lowered code). */
    private final AtomicReferenceArray<StructLayout> layouts;
    private final boolean gcStoresVectors;
    /** Whether some function's lowering named a canonical type id, which another JVM numbers differently. */
    private volatile boolean runSpecific;
    /** Where code lowered in earlier runs comes from: none until {@link #useCached}. */
    private volatile IntFunction<LoweredFunction> cached = function -> null;
    /** The defined functions whose code came from {@link #cached}: guarded by itself. */
    private final BitSet fromCache = new BitSet();

    public ModuleCode(WasmModule module, IndexSpaces spaces) {
        this.module = module;
        this.spaces = spaces;
        this.functions = new AtomicReferenceArray<>(module.codes().size());
        this.types = ModuleTypes.of(module);
        this.layouts = new AtomicReferenceArray<>(types.count());
        this.gcStoresVectors = ValueUse.gcStoresVectors(module);
    }

    /** Whether a struct or array type of the module holds a vector (asked for each function lowered). */
    boolean gcStoresVectors() {
        return gcStoresVectors;
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

    /** The layout of the struct type at {@code typeIndex}. */
    public StructLayout structLayout(int typeIndex) {
        StructLayout layout = layouts.get(typeIndex);
        if (layout == null) {
            int id = types.id(typeIndex);
            layout = StructLayout.of(id, (StructType) TypeRegistry.composite(id));
            layouts.set(typeIndex, layout);
        }
        return layout;
    }

    /** How the elements of the array type at {@code typeIndex} are stored. */
    public Storage arrayStorage(int typeIndex) {
        return Storage.of(((ArrayType) TypeRegistry.composite(types.id(typeIndex))).element());
    }

    /** Called by the lowering of a GC instruction: its code names canonical type ids. */
    void namesCanonicalIds() {
        runSpecific = true;
    }

    /**
     * Whether the code lowered so far means the same in another JVM: it names no canonical type id
     * (only GC instructions do), so the code cache may keep it ({@code ModuleCache.loweredCode}).
     */
    public boolean loweringIsPortable() {
        return !runSpecific;
    }

    /**
     * Takes code lowered in earlier runs (from the code cache): {@code cached} gives a function's code, or
     * null when it has none, and is asked before a function is lowered.
     */
    public void useCached(IntFunction<LoweredFunction> cached) {
        this.cached = cached;
    }

    /** The functions lowered here, not taken from {@link #useCached}, by function index. */
    public Map<Integer, LoweredFunction> loweredHere() {
        Map<Integer, LoweredFunction> lowered = new HashMap<>();
        int imported = spaces.importedFunctionCount();
        synchronized (fromCache) {
            for (int defined = 0; defined < functions.length(); defined++) {
                LoweredFunction code = functions.get(defined);
                if (code != null && !fromCache.get(defined)) {
                    lowered.put(imported + defined, code);
                }
            }
        }
        return lowered;
    }

    /** The lowered code of the function at {@code functionIndex} (a defined, not imported, function). */
    public LoweredFunction function(int functionIndex) {
        int defined = functionIndex - spaces.importedFunctionCount();
        LoweredFunction code = functions.get(defined);
        if (code == null) {
            code = cached.apply(functionIndex);
            if (code != null) {
                synchronized (fromCache) {
                    fromCache.set(defined);
                }
            } else {
                code = new FunctionLowering(this, functionIndex).lower();
            }
            functions.compareAndSet(defined, null, code);
        }
        return code;
    }
}
