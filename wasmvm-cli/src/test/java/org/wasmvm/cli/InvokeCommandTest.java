package org.wasmvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.run.RunResult;
import org.wasmvm.core.run.Terminals;

/** {@code --invoke NAME module.wasm args…} end to end with the invoke test module of wasmvm-core. */
class InvokeCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String module;

    @BeforeEach
    void copyModule() throws IOException {
        try (InputStream in = InvokeCommandTest.class.getResourceAsStream("/modules/invoke.wasm")) {
            module = Files.write(dir.resolve("invoke.wasm"), in.readAllBytes()).toString();
        }
    }

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminals.NONE, Map.of());
    }

    @Test
    void theArgumentsAreTheParametersAndEachResultIsPrintedOnALine() {
        assertThat(run("--invoke", "echo", module, "0xffffffff", "-9223372036854775808", "-0x1.8p1", "nan:0x1",
                "0x0102030405060708090a0b0c0d0e0f10", "null", "null")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(
                "-1\n-9223372036854775808\n-3.0\nnan:0x1\n0x0102030405060708090a0b0c0d0e0f10\nnull\nnull\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void floatsPrintAsJavaDoesButInfinitiesAndNanAsTheyAreWritten() {
        assertThat(run("--invoke=f32", module, "0.1")).isZero();
        assertThat(run("--invoke", "f64", module, "-inf")).isZero();
        assertThat(run("--invoke", "f64", module, "NaN")).isZero();
        assertThat(run("--invoke", "f32", "--", module, "1e10")).isZero();
        assertThat(out.toString()).isEqualTo("0.1\n-inf\nnan\n1.0E10\n");
    }

    @Test
    void anI32ResultIsPrintedAndTheExitCodeIsZero() {
        assertThat(run("--invoke", "add", module, "--args", "40", "2")).isZero();
        assertThat(run("--invoke", "self", module)).isZero();
        assertThat(run("--invoke", "nothing", module)).isZero();
        assertThat(out.toString()).isEqualTo("42\nfunc\n");
    }

    @Test
    void aWrongArgumentCountIsAUsageError() {
        assertThat(run("--invoke", "add", module, "1")).isEqualTo(Main.USAGE_EXIT_CODE);
        assertThat(err.toString()).startsWith("wasmvm: usage: ")
                .endsWith("wasmvm: --invoke 'add' takes 2 arguments (i32, i32), but 1 was given\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMalformedValueIsAUsageErrorNamingTheParameter() {
        assertThat(run("--invoke", "echo", module, "1", "2", "3", "4", "0x1", "null", "ext")).isEqualTo(64);
        assertThat(err.toString()).endsWith(
                "wasmvm: --invoke 'echo' parameter 6 (externref): 'ext' is not null, the only externref that can be given\n");
        err.reset();
        assertThat(run("--invoke", "echo", module, "1", "2", "3", "4", "0x1" + "0".repeat(32), "null", "null"))
                .isEqualTo(64);
        assertThat(err.toString()).contains("'echo' parameter 4 (v128): '0x1" + "0".repeat(32) + "' is out of range");
        err.reset();
        assertThat(run("--invoke", "f64", module, "1,5")).isEqualTo(64);
        assertThat(err.toString()).contains("'f64' parameter 0 (f64): '1,5' is not an f64");
    }

    @Test
    void aMissingExportOrATrapIsAnError() {
        assertThat(run("--invoke", "missing", module)).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(err.toString()).isEqualTo("wasmvm: error: entry point 'missing' is not an exported function\n");
        err.reset();
        assertThat(run("--invoke", "fail", module, "0")).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(err.toString()).startsWith("wasmvm: error: unreachable");
        assertThat(out.toString()).isEmpty();
    }
}
