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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.run.Terminals;

/** The command's WASI options: {@code --dir}, {@code --invoke} and {@code --max-threads}, end to end. */
class WasiCommandTest {
    /** A reactor: {@code _initialize} sets a global to 40, {@code run} returns it + 2. */
    static final byte[] REACTOR = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x08, 0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x01, 0x7f,
        0x03, 0x03, 0x02, 0x00, 0x01,
        0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x00, 0x0b,
        0x07, 0x15, 0x02,
        0x0b, '_', 'i', 'n', 'i', 't', 'i', 'a', 'l', 'i', 'z', 'e', 0x00, 0x00,
        0x03, 'r', 'u', 'n', 0x00, 0x01,
        0x0a, 0x10, 0x02,
        0x06, 0x00, 0x41, 0x28, 0x24, 0x00, 0x0b,
        0x07, 0x00, 0x23, 0x00, 0x41, 0x02, 0x6a, 0x0b,
    };

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminals.NONE, Map.of());
    }

    @Test
    void invokeRunsTheReactorsInitializeFirst() throws IOException {
        Path module = Files.write(dir.resolve("reactor.wasm"), REACTOR);
        assertThat(run("--invoke", "run", module.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("42\n"); // a result, not the exit code, as in wasmtime
        assertThat(run("--invoke=missing", module.toString())).isEqualTo(70);
        assertThat(err.toString()).contains("entry point 'missing' is not an exported function");
    }

    /**
     * wasmvm-core's wasi-threads test program: its {@code too_many} spawns threads that block until
     * {@code thread-spawn} fails, then prints how many it got and the error ({@code -6}, {@code -EAGAIN}).
     */
    @Test
    @Timeout(60)
    void maxThreadsLimitsTheGuestsThreads() throws IOException {
        Path module;
        try (InputStream in = WasiCommandTest.class.getResourceAsStream("/modules/wasi-threads.wasm")) {
            module = Files.write(dir.resolve("wasi-threads.wasm"), in.readAllBytes());
        }
        assertThat(run("--max-threads", "2", "--invoke", "too_many", module.toString())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("spawned 2\nthen -6\n");
    }

    @Test
    void aReactorWithoutInvokeOnlyInitializes() throws IOException {
        Path module = Files.write(dir.resolve("reactor.wasm"), REACTOR);
        assertThat(run(module.toString())).as(err.toString()).isZero();
    }

    @Test
    void dirOptionsParse() throws UsageException {
        CommandLine c = CommandLine.parse(List.of("--dir", "a::/data", "--dir=b", "--dir", "c::x:ro",
                "--invoke", "f", "m.wasm"));
        assertThat(c.directories()).containsExactly(
                new DirectoryMapping(Path.of("a"), "/data", false),
                new DirectoryMapping(Path.of("b"), "b", false),
                new DirectoryMapping(Path.of("c"), "x", true));
        assertThat(c.invoke()).isEqualTo("f");
    }

    @Test
    void aMissingDirectoryIsAnError() throws IOException {
        Path module = Files.write(dir.resolve("reactor.wasm"), REACTOR);
        assertThat(run("--dir", dir.resolve("nope") + "::/x", module.toString())).isEqualTo(70);
        assertThat(err.toString()).contains("directory does not exist");
    }

    @Test
    void aWasiTestRunsWithRootAndArguments() throws IOException {
        Path suite = Path.of(System.getProperty("wasmvm.wasi.testsuite", "../wasmvm-core/src/test/wasi-testsuite"));
        Path wasm = suite.resolve("assemblyscript/args_get-multiple-arguments.wasm");
        assertThat(wasm).as("the vendored wasi-testsuite (-Dwasmvm.wasi.testsuite=DIR)").exists();
        assertThat(run("--root", dir.toString(), wasm.toString(), "first", "the \"second\" arg", "3"))
                .as(err.toString()).isZero();
        Path c = suite.resolve("c/fopen-with-access.wasm");
        Path fixture = Files.createDirectory(dir.resolve("fixture"));
        Files.writeString(fixture.resolve("file"), "hello world\n");
        assertThat(run("--root", fixture.toString(), c.toString())).as(err.toString()).isZero();
    }
}
