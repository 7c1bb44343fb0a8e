package org.wasmvm.maven;

import java.time.Instant;
import org.wasmvm.core.run.InstantText;

/**
 * The {@code clock} parameter: the instant the guest's realtime clock starts at, written as the
 * CLI's {@code --clock} ({@link InstantText}), or {@value #OUTPUT_TIMESTAMP} for the project's
 * {@code project.build.outputTimestamp}, so one property pins both the archives and the tool.
 */
final class ClockParameter {
    static final String OUTPUT_TIMESTAMP = "outputTimestamp";

    private ClockParameter() {
    }

    /**
     * @return the instant, or {@code null} for the host's clock (no {@code clock} configured)
     * @throws IllegalArgumentException for a value that is no instant, or {@value #OUTPUT_TIMESTAMP}
     *     when the project has no (or a bad) output timestamp
     */
    static Instant of(String clock, String outputTimestamp) {
        if (clock == null || clock.isBlank()) {
            return null;
        }
        boolean fromProject = clock.trim().equals(OUTPUT_TIMESTAMP);
        if (fromProject && SourceDateEpoch.of(outputTimestamp).isEmpty()) {
            throw new IllegalArgumentException("clock is " + OUTPUT_TIMESTAMP
                    + ", but the project sets no project.build.outputTimestamp");
        }
        try {
            return InstantText.parse(fromProject ? outputTimestamp : clock); // Maven's timestamp has the same forms
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((fromProject ? "clock is " + OUTPUT_TIMESTAMP + ": " : "clock: ")
                    + e.getMessage());
        }
    }
}
