package org.wasmvm.core;

/**
 * Thrown through the guest's frames when it calls {@code sys_proc.exit}: it unwinds the whole wasm
 * stack at once (whatever the call depth) and carries the exit code to the embedder. It is an
 * exception, not {@code System.exit}, because the JVM may be a build tool running other work.
 */
public final class ProcessExit extends WasmException {
    private final int code;

    public ProcessExit(int code) {
        super("guest exited with code " + code, null);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
