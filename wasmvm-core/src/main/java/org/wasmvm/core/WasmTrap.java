package org.wasmvm.core;

import java.util.List;

/**
 * Execution trapped. Carries the kind and the wasm call stack at the trap (innermost first),
 * with function names from the module's name section where present.
 */
public class WasmTrap extends WasmException {
    private final TrapKind kind;
    private final List<String> wasmStack;

    public WasmTrap(TrapKind kind, String detail, List<String> wasmStack, Throwable cause) {
        super(kind.message() + (detail == null ? "" : ": " + detail) + formatStack(wasmStack), cause);
        this.kind = kind;
        this.wasmStack = List.copyOf(wasmStack);
    }

    public WasmTrap(TrapKind kind, List<String> wasmStack) {
        this(kind, null, wasmStack, null);
    }

    public TrapKind kind() {
        return kind;
    }

    /** The wasm frames at the trap, innermost first, e.g. {@code "fac (func 3) @ 0x4a"}. */
    public List<String> wasmStack() {
        return wasmStack;
    }

    private static String formatStack(List<String> frames) {
        var text = new StringBuilder();
        for (String frame : frames) {
            text.append("\n    at ").append(frame);
        }
        return text.toString();
    }
}
