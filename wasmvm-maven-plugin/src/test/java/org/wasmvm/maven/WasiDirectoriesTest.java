package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.DirectoryMapping;

class WasiDirectoriesTest {
    @TempDir
    Path basedir;

    @Test
    void relativeHostsAreRelativeToTheBaseDirectory() throws IOException {
        Files.createDirectories(basedir.resolve("src/data"));
        assertThat(WasiDirectories.of(List.of("src/data::/data:ro", " src "), basedir)).containsExactly(
                new DirectoryMapping(basedir.resolve("src/data"), "/data", true),
                new DirectoryMapping(basedir.resolve("src"), "src", false));
        assertThat(WasiDirectories.of(null, basedir)).isEmpty();
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThatThrownBy(() -> WasiDirectories.of(List.of("nope::/x"), basedir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a directory");
    }
}
