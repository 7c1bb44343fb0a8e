package org.wasmvm.core.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * fd 0, 1 or 2 of a guest: one of the run's streams, owned by the embedder (never closed here),
 * either readable or writable, and a terminal only when the embedder says so (then the guest sees a
 * character device, else a pipe). Each write is flushed at once, so the embedder sees output as the
 * guest writes it.
 */
public final class StandardStream {
    private final InputStream in;
    private final OutputStream out;
    private final boolean terminal;

    private StandardStream(InputStream in, OutputStream out, boolean terminal) {
        this.in = in;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * @param in the stream, or null for one that is always at its end
     * @param terminal whether the guest is told that {@code in} is a terminal
     */
    public static StandardStream input(InputStream in, boolean terminal) {
        return new StandardStream(in != null ? in : InputStream.nullInputStream(), null, terminal);
    }

    /**
     * @param out the stream, or null for one that discards everything
     * @param terminal whether the guest is told that {@code out} is a terminal
     */
    public static StandardStream output(OutputStream out, boolean terminal) {
        return new StandardStream(null, out != null ? out : OutputStream.nullOutputStream(), terminal);
    }

    public boolean readable() {
        return in != null;
    }

    public boolean writable() {
        return out != null;
    }

    /** Whether the guest sees a terminal (a character device) rather than a pipe. */
    public boolean terminal() {
        return terminal;
    }

    /** Reads what one read of the stream gives, at most {@code len} bytes; 0 at its end. */
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        return Math.max(in.read(buf, off, len), 0);
    }

    /** The bytes that can be read without blocking (an estimate, as {@link InputStream#available}). */
    public int available() throws IOException {
        return in.available();
    }

    /** Writes and flushes all {@code len} bytes; returns {@code len}. */
    public int write(byte[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        out.flush();
        return len;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the guest's use of the stream: output is flushed, and a failure has nobody left to go to. */
    public void release() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                // the run is over; the stream's owner sees the problem on its next use
            }
        }
    }
}
