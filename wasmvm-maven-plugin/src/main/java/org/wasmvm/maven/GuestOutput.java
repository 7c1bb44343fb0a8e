package org.wasmvm.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A guest stream that turns the bytes a wasm program writes into lines for the Maven log: each
 * complete line (without its {@code \n} or {@code \r\n}) goes to the consumer as UTF-8 text, and
 * {@link #close()} passes on a last line that has no newline. Thread-safe, so one guest writing from
 * several host threads (or a misbehaving embedder) never interleaves half lines.
 */
public final class GuestOutput extends OutputStream {
    /** A line longer than this is passed on in pieces, so a guest cannot make the build buffer without bound. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean closed;

    public GuestOutput(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
            return;
        }
        pending.write(b);
        if (pending.size() >= MAX_LINE_BYTES) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            write(bytes[i]);
        }
    }

    /** Passes on what is left (a last line without a newline); later writes are still accepted. */
    @Override
    public synchronized void close() {
        if (pending.size() > 0) {
            emit();
        }
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void emit() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        lines.accept(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
}
