package org.wasmvm.core.runtime;

import java.util.Arrays;
import org.wasmvm.core.RuntimeLimits;

/**
 * The runtime side of a store: the function handle table (a funcref is an index into it), the limits, and the current call depth.
 */
public final class StoreContext {
    private final RuntimeLimits limits;
    private FunctionInstance[] functions = new FunctionInstance[64];
    private int functionCount;
    /** Wasm frames active on this store's thread, across nested host → wasm calls. */
    public int callDepth;

    public StoreContext(RuntimeLimits limits) {
        this.limits = limits;
    }

    public RuntimeLimits limits() {
        return limits;
    }

    /** Gives {@code function} a handle in this store, unless it already has one. */
    public void register(FunctionInstance function) {
        if (function.handle >= 0) {
            return;
        }
        if (functionCount == functions.length) {
            functions = Arrays.copyOf(functions, functionCount * 2);
        }
        function.handle = functionCount;
        functions[functionCount++] = function;
    }

    /** The function a funcref handle denotes. */
    public FunctionInstance function(long handle) {
        return functions[(int) handle];
    }
}
