package org.wasmvm.compiler;

import org.wasmvm.core.model.ValType;

/** The function's wasm locals (parameters first) and the JVM local that holds each. */
record WasmLocals(JvmFrame frame, ValType[] types, int[] slots) {
    int count() {
        return types.length;
    }

    ValType type(int local) {
        return types[local];
    }

    void load(int local) {
        frame.load(types[local], slots[local]);
    }

    void store(int local) {
        frame.store(types[local], slots[local]);
    }
}
