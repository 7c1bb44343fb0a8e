package org.wasmvm.core.run;

/**
 * Which of a run's standard streams are terminals. A guest sees a terminal as a character device
 * (WASI's {@code CHARACTER_DEVICE}, sysenv's {@code S_IFCHR}), so its libc's {@code isatty} is true
 * and it may colour its output and buffer it by line; any other stream is a pipe to it (WASI's
 * {@code UNKNOWN}, sysenv's {@code S_IFIFO}). Only the embedder knows what is behind a Java stream,
 * so it says: {@link #NONE} unless it does.
 */
public record Terminals(boolean stdin, boolean stdout, boolean stderr) {
    /** No stream is a terminal: the guest's output goes to a file, a log or a buffer. */
    public static final Terminals NONE = new Terminals(false, false, false);
}
