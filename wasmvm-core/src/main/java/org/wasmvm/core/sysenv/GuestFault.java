package org.wasmvm.core.sysenv;

/**
 * A guest buffer is out of bounds or names a memory the caller does not have. Internal control
 * flow of the bindings, answered with {@code -EFAULT}; never reaches the guest or the embedder.
 */
final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Shared: it carries no state and no stack trace. */
    static final GuestFault INSTANCE = new GuestFault();

    private GuestFault() {
        super("guest buffer out of bounds", null, false, false);
    }
}
