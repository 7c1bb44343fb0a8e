package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;

/**
 * A real WasmGC program: textkit, a Kotlin/Wasm WASI command (sources in {@code src/test/kotlin-wasi}: a JSON
 * reader and pretty-printer, an interpreter of a small language with closures, text statistics), compiled by
 * Kotlin 2.4.21 with {@code scripts/build-kotlin-wasi.sh}: {@code textkit.wasm} as the compiler writes it,
 * {@code textkit-opt.wasm} after binaryen's wasm-opt with the Kotlin compiler's own arguments. Its objects are
 * GC structs and arrays, its exceptions (thrown and caught on purpose by {@code input.txt}) wasm exceptions.
 *
 * <p>Given {@code input.txt} on stdin, its stdout must be {@code node.stdout}, what node 24 printed for both
 * modules ({@code wasmvm-bench/src/main/node/wasi-run.mjs MODULE DIR -- textkit < input.txt}).
 */
class KotlinWasiTest {
    @TempDir
    java.nio.file.Path root;

    @ParameterizedTest(name = "{0} on the {1}")
    @CsvSource({"textkit.wasm, INTERPRETER", "textkit.wasm, COMPILER", "textkit-opt.wasm, INTERPRETER",
        "textkit-opt.wasm, COMPILER"})
    void printsWhatNodePrints(String name, Engine engine) throws IOException {
        byte[] module = resource(name);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        RunResult result = ProgramRunner.run(RunRequest.builder(module, name).programName("textkit").root(root)
                .engine(engine).stdin(new ByteArrayInputStream(resource("input.txt"))).stdout(out).stderr(err).build());

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(result.exited()).as("%s\n%s", result.failure(), stderr).isTrue();
        assertThat(result.exitCode()).as(stderr).isZero();
        assertThat(stderr).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(new String(resource("node.stdout"), StandardCharsets.UTF_8));
    }

    /** The modules are the script's output (so node.stdout is theirs), and GC programs: hundreds of struct types. */
    @ParameterizedTest
    @CsvSource({"textkit.wasm", "textkit-opt.wasm"})
    void isTheBuiltGcModule(String name) throws IOException, NoSuchAlgorithmException {
        byte[] module = resource(name);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(module));
        assertThat(new String(resource("SHA256SUMS"), StandardCharsets.US_ASCII)).contains(sha256 + "  " + name + "\n");
        long structs = Wasm.load(module).model().types().stream().filter(t -> t.composite() instanceof StructType).count();
        assertThat(structs).isGreaterThan(100);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KotlinWasiTest.class.getResourceAsStream("/kotlin-wasi/" + name)) {
            return in.readAllBytes();
        }
    }
}
