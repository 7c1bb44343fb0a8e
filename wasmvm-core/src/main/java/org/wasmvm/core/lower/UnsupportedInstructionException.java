package org.wasmvm.core.lower;

/**
 * A valid instruction the engine cannot run yet, found while lowering a function: a call that
 * reaches the function traps with {@link org.wasmvm.core.TrapKind#UNSUPPORTED} and this message,
 * and the compiler leaves the function interpreted.
 */
public final class UnsupportedInstructionException extends RuntimeException {
    public UnsupportedInstructionException(String message) {
        super(message, null, false, false);
    }
}
