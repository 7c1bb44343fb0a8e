package org.wasmvm.core.run;

import java.util.List;
import org.wasmvm.core.Value;

/**
 * How a run ended: the guest's exit code, or the error that stopped it (a malformed or invalid
 * module, a link error, a trap, an unreadable module file, arguments that do not fit an invoked
 * export). Guest faults are values here, never exceptions, so a caller such as the Maven plugin
 * decides how to report them.
 *
 * @param exitCode the code the guest exited with ({@code exit(n)}, or what its entry point
 *     returned, 0 for none or for an invocation); {@link #ERROR_EXIT_CODE} when {@code failure} is set
 * @param failure why the run could not complete, or {@code null} when the guest exited
 * @param results what an invoked export returned ({@link RunRequest#invokeArguments()}), in order
 *     ({@link ValueText#format} prints them); empty for other runs and when the guest called {@code exit}
 */
public record RunResult(int exitCode, Exception failure, List<Value> results) {
    /** The exit code reported for runs that failed (EX_SOFTWARE, "internal software error"). */
    public static final int ERROR_EXIT_CODE = 70;

    public RunResult {
        results = List.copyOf(results);
    }

    public static RunResult exited(int code) {
        return new RunResult(code, null, List.of());
    }

    /** An invocation that returned {@code values}: exit code 0, as wasmtime's {@code --invoke}. */
    public static RunResult invoked(List<Value> values) {
        return new RunResult(0, null, values);
    }

    public static RunResult failed(Exception failure) {
        return new RunResult(ERROR_EXIT_CODE, failure, List.of());
    }

    /** Whether the guest exited (with any code) rather than failing. */
    public boolean exited() {
        return failure == null;
    }
}
