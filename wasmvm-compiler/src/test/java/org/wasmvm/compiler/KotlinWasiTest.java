package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;

/**
 * Real WasmGC programs: Kotlin/Wasm WASI commands (sources in {@code src/test/kotlin-wasi}) compiled by Kotlin
 * 2.4.21 with {@code scripts/build-kotlin-wasi.sh}, each as the compiler writes it ({@code NAME.wasm}) and after
 * binaryen's wasm-opt with the Kotlin compiler's own arguments ({@code NAME-opt.wasm}). Their objects are GC
 * structs and arrays, their exceptions wasm exceptions. Each must print what node 24 printed for the same module
 * ({@code NAME.node.stdout}, from {@code wasmvm-bench/src/main/node/wasi-run.mjs MODULE DIR -- NAME}), on the
 * interpreter and on the compiler:
 *
 * <ul>
 *   <li>textkit, given {@code textkit.stdin}: a JSON pretty-printer, an interpreter of a small language with
 *       closures, text statistics; its input makes it throw and catch exceptions, and it exits with 0;
 *   <li>numbers: the standard library's math, number formatting, Unicode case mapping, regular expressions and a
 *       seeded {@code Random}; it ends by throwing an exception nothing catches, which leaves {@code _start} (node
 *       exits with 1 on an uncaught {@code WebAssembly.Exception}; the run fails with a {@link ThrownException}).
 * </ul>
 */
class KotlinWasiTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "{0} on the {1}")
    @CsvSource({"textkit.wasm, INTERPRETER", "textkit.wasm, COMPILER", "textkit-opt.wasm, INTERPRETER",
        "textkit-opt.wasm, COMPILER"})
    void textkitPrintsWhatNodePrints(String module, Engine engine) throws IOException {
        Run run = run(module, engine, resource("textkit.stdin"));

        assertThat(run.result.exited()).as("%s\n%s", run.result.failure(), run.stderr).isTrue();
        assertThat(run.result.exitCode()).as(run.stderr).isZero();
        assertThat(run.stderr).isEmpty();
        assertThat(run.stdout).isEqualTo(text("textkit.node.stdout"));
    }

    @ParameterizedTest(name = "{0} on the {1}")
    @CsvSource({"numbers.wasm, INTERPRETER", "numbers.wasm, COMPILER", "numbers-opt.wasm, INTERPRETER",
        "numbers-opt.wasm, COMPILER"})
    void numbersPrintsWhatNodePrintsThenLeavesItsExceptionUncaught(String module, Engine engine) throws IOException {
        Run run = run(module, engine, new byte[0]);

        assertThat(run.result.failure()).isInstanceOf(ThrownException.class);
        assertThat(run.stdout).isEqualTo(text("numbers.node.stdout"));
    }

    /** The modules are the script's output (so the node outputs are theirs), and GC programs: hundreds of struct types. */
    @ParameterizedTest
    @CsvSource({"textkit.wasm", "textkit-opt.wasm", "numbers.wasm", "numbers-opt.wasm"})
    void isTheBuiltGcModule(String module) throws IOException, NoSuchAlgorithmException {
        byte[] bytes = resource(module);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(text("SHA256SUMS")).contains(sha256 + "  " + module + "\n");
        long structs = Wasm.load(bytes).model().types().stream().filter(t -> t.composite() instanceof StructType).count();
        assertThat(structs).isGreaterThan(100);
    }

    /**
     * Every function compiles, so the compiler engine runs these programs compiled and not partly interpreted
     * (binaryen's typed {@code select (result (ref null $t))} once desynchronized the compiler's reading).
     */
    @ParameterizedTest
    @CsvSource({"textkit.wasm", "textkit-opt.wasm", "numbers.wasm", "numbers-opt.wasm"})
    void everyFunctionCompiles(String module) throws IOException {
        ModuleCode code = Wasm.load(resource(module)).code();
        int imported = code.indexSpaces().importedFunctionCount();
        for (int function = imported; function < imported + code.model().codes().size(); function++) {
            assertThat(new BytecodeCompiler().compile(code, function, -1, false, false).classFile()).as("func " + function).isNotEmpty();
        }
    }

    private record Run(RunResult result, String stdout, String stderr) {
    }

    private Run run(String module, Engine engine, byte[] stdin) throws IOException {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        RunResult result = ProgramRunner.run(RunRequest.builder(resource(module), module)
                .programName(module.split("[-.]")[0]).root(root).engine(engine)
                .stdin(new ByteArrayInputStream(stdin)).stdout(out).stderr(err).build());
        return new Run(result, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KotlinWasiTest.class.getResourceAsStream("/kotlin-wasi/" + name)) {
            return in.readAllBytes();
        }
    }
}
