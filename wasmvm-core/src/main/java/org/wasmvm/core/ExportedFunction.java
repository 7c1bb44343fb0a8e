package org.wasmvm.core;

import org.wasmvm.core.model.FuncType;

/** A function exported by an {@link Instance}, callable from Java. */
public interface ExportedFunction {
    FuncType type();

    /**
     * Calls a function of a purely numeric signature with arguments in raw slot encoding (see
     * {@link Value#bits()}): the fast path.
     *
     * @return one slot per result
     * @throws WasmTrap when execution traps
     * @throws ThrownException when a wasm exception leaves the function
     * @throws IllegalArgumentException when the signature has a reference (use {@link #call})
     */
    long[] apply(long... args);

    /**
     * Calls the function with typed arguments, checked against its signature: works for every
     * signature, references included.
     *
     * @throws WasmTrap when execution traps
     * @throws ThrownException when a wasm exception leaves the function
     */
    Value[] call(Value... args);
}
