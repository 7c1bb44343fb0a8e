package org.wasmvm.core;

/** The root of every error wasmvm reports about a module or its execution. */
public abstract class WasmException extends RuntimeException {
    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Without a Java stack trace when {@code writableStackTrace} is false (control flow, not a fault of the JVM's). */
    protected WasmException(String message, boolean writableStackTrace) {
        super(message, null, false, writableStackTrace);
    }
}
