package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.run.RunResult;

/** The line that ends every run. */
class RunSummaryTest {
    private static final String WHAT = "wasmvm:run (execution 'yosys') of module yosys.wasm";

    @Test
    void namesTheModuleTheDurationInSecondsAndTheExitCode() {
        assertThat(RunSummary.line(WHAT, RunResult.exited(0), Duration.ofMillis(2345)))
                .isEqualTo("wasmvm:run (execution 'yosys') of module yosys.wasm finished in 2.3 s, exit 0");
        assertThat(RunSummary.line(WHAT, RunResult.exited(3), Duration.ofMillis(40)))
                .endsWith("finished in 0.0 s, exit 3");
    }

    @Test
    void aFailedRunNamesTheKindOfFailure() {
        RunResult trapped = RunResult.failed(new WasmTrap(TrapKind.values()[0], List.of()));
        assertThat(RunSummary.line(WHAT, trapped, Duration.ofSeconds(1))).endsWith("finished in 1.0 s, failed (WasmTrap)");
        assertThat(RunSummary.line(WHAT, null, Duration.ofSeconds(61))).endsWith("finished in 61.0 s, internal error");
    }
}
