package org.wasmvm.core.run;

/**
 * The arguments given for an invoked export do not fit its parameters: too many, too few, or one
 * that is not a value of its parameter's type ({@link ValueText}). A mistake of whoever wrote the
 * arguments, not of the module, so the command reports it as a usage error.
 */
public final class InvokeArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvokeArgumentException(String message) {
        super(message);
    }
}
