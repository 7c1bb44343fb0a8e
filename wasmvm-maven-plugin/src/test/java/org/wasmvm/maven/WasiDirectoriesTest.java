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

    @Test
    void archiveDirectoriesAreInsideTheArchiveAndReadOnly() throws IOException {
        Path archive = Files.createDirectories(basedir.resolve("tool"));
        Files.createDirectories(archive.resolve("share/yosys"));
        assertThat(WasiDirectories.inArchive(List.of("share::/share", "share/yosys:ro"), archive)).containsExactly(
                new DirectoryMapping(archive.resolve("share"), "/share", true),
                new DirectoryMapping(archive.resolve("share/yosys"), "share/yosys", true));
        assertThatThrownBy(() -> WasiDirectories.inArchive(List.of("..::/up"), archive))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("archiveDirectories: .. lies outside the tool archive");
        assertThatThrownBy(() -> WasiDirectories.inArchive(List.of("lib::/lib"), archive))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("archiveDirectories: ")
                .hasMessageEndingWith("lib is not a directory");
    }

    @Test
    void archiveDirectoriesNeedAnArchive() {
        assertThat(WasiDirectories.inArchive(null, null)).isEmpty();
        assertThatThrownBy(() -> WasiDirectories.inArchive(List.of("share::/share"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("archiveDirectories need a moduleArtifact that is a tool archive");
    }
}
