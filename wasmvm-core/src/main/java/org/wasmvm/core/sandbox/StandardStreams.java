package org.wasmvm.core.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/** fds 0, 1 and 2 of a run, which both guest interfaces offer. */
public record StandardStreams(StandardStream stdin, StandardStream stdout, StandardStream stderr) {
    public StandardStreams {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** Streams none of which is a terminal, as a Java stream is not; a null one is empty or discards. */
    public static StandardStreams of(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        return new StandardStreams(StandardStream.input(stdin, false), StandardStream.output(stdout, false),
                StandardStream.output(stderr, false));
    }
}
