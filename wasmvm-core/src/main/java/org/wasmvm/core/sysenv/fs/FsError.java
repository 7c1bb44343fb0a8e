package org.wasmvm.core.sysenv.fs;

/** Internal: a failure carrying its errno, thrown inside the package and mapped at the façade. */
final class FsError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    FsError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        return "errno " + errno;
    }
}
