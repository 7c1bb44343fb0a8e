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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmvm.core.run.Terminals;

/**
 * A wasm exception that leaves the entry point is an error with the tag, the payload and the wasm stack, as a trap
 * is, the same on every engine.
 */
class ExceptionCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiler", "tiered"})
    void anUncaughtExceptionPrintsItsTagAndWasmStackAndExitsWith70(String engine) throws IOException {
        Path module = dir.resolve("exception-uncaught.wasm");
        try (InputStream in = ExceptionCommandTest.class.getResourceAsStream("/modules/exception-uncaught.wasm")) {
            Files.write(module, in.readAllBytes());
        }
        var err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"--engine", engine, module.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminals.NONE, Map.of());

        assertThat(code).isEqualTo(70);
        // offsets of the throw and the call: wasm-objdump -d; _start has no name in the name section
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("wasmvm: error: wasm exception: tag 'boom' [i32:42]\n"
                + "    at fail (func 0) @ 0x36\n    at func 1 @ 0x3d\n");
    }
}
