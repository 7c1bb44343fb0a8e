package org.wasmvm.maven;

import java.time.Duration;
import java.util.Locale;

import org.wasmvm.core.run.RunResult;

/**
 * The one INFO line that ends every run, so a build log shows what each execution cost and how it
 * ended even when the guest prints nothing: {@code wasmvm:run (execution 'yosys') of module
 * yosys.wasm finished in 2.3 s, exit 0}.
 */
final class RunSummary {
    private RunSummary() {
    }

    /**
     * @param what names the run, as in every other message of the execution
     * @param result what the run returned, or {@code null} when the runtime failed internally
     * @param elapsed how long the run took
     */
    static String line(String what, RunResult result, Duration elapsed) {
        String seconds = String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        return what + " finished in " + seconds + ", " + ending(result);
    }

    private static String ending(RunResult result) {
        if (result == null) {
            return "internal error";
        }
        if (result.exited()) {
            return "exit " + result.exitCode();
        }
        // the failure itself is reported by the build's error, in full
        return "failed (" + result.failure().getClass().getSimpleName() + ")";
    }
}
