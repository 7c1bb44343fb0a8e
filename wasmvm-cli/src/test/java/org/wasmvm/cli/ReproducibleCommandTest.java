package org.wasmvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.run.Terminals;

/**
 * {@code --clock} and {@code --deterministic} end to end, with wasmvm-core's clocks.wasm: it
 * prints WASI's realtime clock (8 bytes, little-endian) first and 16 random bytes last.
 */
class ReproducibleCommandTest {
    private static final long NEW_YEAR_NANOS = 1_767_225_600L * 1_000_000_000L;

    @TempDir
    Path dir;
    private Path module;

    @BeforeEach
    void copyGuest() throws IOException {
        try (InputStream in = ReproducibleCommandTest.class.getResourceAsStream("/modules/clocks.wasm")) {
            module = Files.write(dir.resolve("clocks.wasm"), in.readAllBytes());
        }
    }

    @Test
    void clockPinsTheRealtimeClock() {
        byte[] out = run("--clock", "2026-01-01T00:00:00Z", module.toString());
        long realtime = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertThat(realtime).as("the guest's first reading").isEqualTo(NEW_YEAR_NANOS);
    }

    @Test
    void deterministicRunsGiveTheSameRandomBytesAndASeedOthers() {
        byte[] first = random(run("--deterministic", module.toString()));
        assertThat(random(run("--deterministic", module.toString()))).isEqualTo(first);
        assertThat(random(run("--deterministic", "--seed", "1", module.toString()))).isNotEqualTo(first);
        assertThat(random(run(module.toString()))).isNotEqualTo(first);
    }

    private static byte[] random(byte[] out) {
        return Arrays.copyOfRange(out, 40, 56);
    }

    private byte[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminals.NONE, Map.of());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.size()).isEqualTo(56);
        return out.toByteArray();
    }
}
