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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.run.Terminals;

/**
 * {@code --max-threads N} reaches the run: wasmvm-core's wasi-threads test program ({@code too_many}) spawns
 * threads that block until {@code thread-spawn} fails, then prints how many it got and the error ({@code -6},
 * {@code -EAGAIN}).
 */
@Timeout(60)
class MaxThreadsCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String module;

    @BeforeEach
    void copyModule() throws IOException {
        try (InputStream in = MaxThreadsCommandTest.class.getResourceAsStream("/modules/wasi-threads.wasm")) {
            module = Files.write(dir.resolve("wasi-threads.wasm"), in.readAllBytes()).toString();
        }
    }

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminals.NONE, Map.of());
    }

    @Test
    void spawnsBeyondTheLimitFail() {
        assertThat(run("--max-threads", "2", "--invoke", "too_many", module)).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("spawned 2\nthen -6\n");
    }
}
