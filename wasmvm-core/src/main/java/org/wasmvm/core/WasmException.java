package org.wasmvm.core;

/** The root of every error wasmvm reports about a module or its execution. */
public abstract class WasmException extends RuntimeException {
    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
