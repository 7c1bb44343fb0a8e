package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Wasm#read} reads a file in pieces: every byte, whatever the size, as the JDK reads it whole. */
class WasmReadTest {
    @TempDir
    Path directory;

    @Test
    void readsEveryByteOfFilesOfAnySize() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 3 * (1 << 16) + 12_345}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(directory.resolve("m" + size + ".wasm"), content);
            assertThat(Wasm.read(file)).as("%d bytes", size).isEqualTo(Files.readAllBytes(file));
        }
    }
}
