package org.wasmvm.core.sysenv.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** fd 0, 1 or 2: one of the run's streams, owned by the embedder (never closed here). */
final class StreamHandle implements Handle {
    private final InputStream in;
    private final OutputStream out;

    private StreamHandle(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    static StreamHandle input(InputStream in) {
        return new StreamHandle(in != null ? in : InputStream.nullInputStream(), null);
    }

    static StreamHandle output(OutputStream out) {
        return new StreamHandle(null, out != null ? out : OutputStream.nullOutputStream());
    }

    boolean readable() {
        return in != null;
    }

    boolean writable() {
        return out != null;
    }

    int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = in.read(buf, off, len);
        return Math.max(n, 0);
    }

    int write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        out.flush();
        return len;
    }

    @Override
    public void release() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                // the run is over; nothing to report it to
            }
        }
    }
}
