package org.wasmvm.core.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.published.PublishedTools;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;

/**
 * A real published WASI tool: yosys from {@code @yowasp/yosys} (~30 MB, not in git). Runs only when
 * the module exists: {@code examples/wasi-yosys/fetch-yosys.sh} puts it at
 * {@code ~/.cache/wasmvm-tools/yosys.wasm}; {@code -Dwasmvm.yosys=FILE} points elsewhere.
 */
class YosysTest {
    @TempDir
    Path dir;
    private Path yosys;

    @BeforeEach
    void findModule() {
        yosys = PublishedTools.require("yosys", "examples/wasi-yosys/fetch-yosys.sh");
    }

    private String run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunResult result = ProgramRunner.run(RunRequest.builder(yosys).programName("yosys").arguments(args).root(dir)
                .stdin(new ByteArrayInputStream(new byte[0])).stdout(out).stderr(err).build());
        assertThat(result.exited()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.exitCode()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void version() {
        assertThat(run(List.of("-V"))).startsWith("Yosys ");
    }

    @Test
    void synthesisPrintsStatistics() throws IOException {
        Files.writeString(dir.resolve("counter.v"), """
                module counter(input clk, input rst, output reg [7:0] count);
                  always @(posedge clk)
                    if (rst) count <= 0;
                    else count <= count + 1;
                endmodule
                """);
        String out = run(List.of("-p", "read_verilog counter.v; proc; opt; stat"));
        assertThat(out).contains("=== counter ===").containsPattern("\\$add\\s+1").containsPattern("\\$sdff\\s+1");
    }
}
