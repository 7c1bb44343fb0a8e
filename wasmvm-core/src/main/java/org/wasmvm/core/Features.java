package org.wasmvm.core;

/**
 * The WebAssembly proposals a module may use beyond the 2.0 core. Users get every implemented
 * feature by default ({@link #all()}); the spec runner checks the 2.0 suite with {@link #wasm2()}.
 *
 * @param memory64 64-bit memories and tables (i64 limits and addresses)
 * @param multiMemory more than one memory per module
 */
public record Features(boolean memory64, boolean multiMemory) {
    /** Exactly WebAssembly 2.0: 32-bit addresses, at most one memory. */
    public static Features wasm2() {
        return new Features(false, false);
    }

    /** Everything wasmvm implements. */
    public static Features all() {
        return new Features(true, true);
    }
}
