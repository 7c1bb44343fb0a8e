package org.wasmvm.core.wasi;

/** Internal: ends a WASI call with an errno; the host-function boundary returns it to the guest. */
final class WasiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    WasiException(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }

    @Override
    public String getMessage() {
        return "wasi errno " + errno;
    }
}
