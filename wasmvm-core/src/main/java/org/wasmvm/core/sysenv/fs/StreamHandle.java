package org.wasmvm.core.sysenv.fs;

import org.wasmvm.core.sandbox.StandardStream;

/** fd 0, 1 or 2. */
record StreamHandle(StandardStream stream) implements Handle {
    @Override
    public void release() {
        stream.release();
    }
}
