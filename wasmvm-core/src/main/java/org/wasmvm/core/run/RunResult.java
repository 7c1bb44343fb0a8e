package org.wasmvm.core.run;

/**
 * How a run ended: the guest's exit code, or the error that stopped it (a malformed or invalid
 * module, a link error, a trap, an unreadable module file). Guest faults are values here, never
 * exceptions, so a caller such as the Maven plugin decides how to report them.
 *
 * @param exitCode the code the guest exited with ({@code exit(n)}, or what its entry point
 *     returned, 0 for none); {@link #ERROR_EXIT_CODE} when {@code failure} is set
 * @param failure why the run could not complete, or {@code null} when the guest exited
 */
public record RunResult(int exitCode, Exception failure) {
    /** The exit code reported for runs that failed (EX_SOFTWARE, "internal software error"). */
    public static final int ERROR_EXIT_CODE = 70;

    public static RunResult exited(int code) {
        return new RunResult(code, null);
    }

    public static RunResult failed(Exception failure) {
        return new RunResult(ERROR_EXIT_CODE, failure);
    }

    /** Whether the guest exited (with any code) rather than failing. */
    public boolean exited() {
        return failure == null;
    }
}
