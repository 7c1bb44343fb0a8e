package org.wasmvm.core.runtime;

import org.wasmvm.core.Value;

/**
 * How a call from Java enters a wasm function: the execution layer's entry (the interpreter, which
 * hands over to compiled code where there is some), given to each {@link StoreContext}, so that the
 * runtime's function objects can be called without the runtime knowing how code runs.
 */
public interface WasmEntry {
    /** Calls {@code function} of a numeric signature with raw argument slots; returns the raw result slots. */
    long[] invoke(WasmFunction function, long[] args);

    /** Calls {@code function} with typed arguments already checked against its signature. */
    Value[] invoke(WasmFunction function, Value[] args);
}
