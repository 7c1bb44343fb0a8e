package org.wasmvm.core.runtime;

import org.wasmvm.core.TrapKind;

/**
 * Internal signal that execution must trap. It has no Java stack trace (traps are part of the
 * language, thrown often in tests and guests, and the Java stack says nothing useful); the
 * interpreter catches it and turns it into a public {@link org.wasmvm.core.WasmTrap} with the
 * wasm call stack.
 */
public final class Trap extends RuntimeException {
    private final TrapKind kind;

    public Trap(TrapKind kind) {
        this(kind, null);
    }

    public Trap(TrapKind kind, String detail) {
        super(detail == null ? kind.message() : kind.message() + ": " + detail, null, false, false);
        this.kind = kind;
    }

    public TrapKind kind() {
        return kind;
    }

    /** The detail beyond the kind's message, or {@code null}. */
    public String detail() {
        String message = getMessage();
        return message.length() > kind.message().length() ? message.substring(kind.message().length() + 2) : null;
    }
}
