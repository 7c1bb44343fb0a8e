package org.wasmvm.core.sandbox;

/**
 * A failure carrying its {@link Errno} (Linux numbering): thrown by the sandbox and by sysenv's file
 * system, and mapped onto the guest's ABI where a call returns (sysenv: as is; WASI: translated).
 */
public final class FsError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public FsError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        return "errno " + errno;
    }
}
