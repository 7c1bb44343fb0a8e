package org.wasmvm.core.runtime;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.TrapKind;

/**
 * Internal signal that execution must trap. It has no Java stack trace (traps are part of the
 * language, thrown often in tests and guests, and the Java stack says nothing useful). As it leaves
 * compiled frames it collects their wasm frames ({@link #addFrame}); the outermost entry turns it
 * into a public {@link org.wasmvm.core.WasmTrap} with the whole wasm call stack.
 */
public final class Trap extends RuntimeException {
    /** Deeper traces are cut to their innermost frames: a runaway recursion has thousands. */
    public static final int MAX_TRACE_FRAMES = 64;

    private final TrapKind kind;
    private final List<String> frames = new ArrayList<>();
    private int framesLeftOut;

    public Trap(TrapKind kind) {
        this(kind, null);
    }

    public Trap(TrapKind kind, String detail) {
        this(kind, detail, null);
    }

    public Trap(TrapKind kind, String detail, Throwable cause) {
        super(detail == null ? kind.message() : kind.message() + ": " + detail, cause, false, false);
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

    /** Appends the next outer wasm frame, e.g. {@code "fac (func 3) @ 0x4a"}. */
    public void addFrame(String frame) {
        if (frames.size() < MAX_TRACE_FRAMES) {
            frames.add(frame);
        } else {
            framesLeftOut++;
        }
    }

    /** The frames collected so far, innermost first, with a last line counting those left out. */
    public List<String> frames() {
        if (framesLeftOut == 0) {
            return frames;
        }
        List<String> all = new ArrayList<>(frames);
        all.add("... " + framesLeftOut + " more frames");
        return all;
    }
}
