package org.wasmvm.cli;

/** The command line is not one {@code wasmvm} understands; the message says what is wrong. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
