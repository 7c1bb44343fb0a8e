package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modulePath parameter: directories stay directories, coordinates become a directory holding {@code <artifactId>.wasm}. */
class ModulePathTest {
    @TempDir
    Path dir;
    private final List<ModuleCoordinates> resolved = new ArrayList<>();

    private ModulePath modulePath() {
        return new ModulePath(coordinates -> {
            resolved.add(coordinates);
            if (coordinates.artifactId().equals("missing")) {
                throw new MojoFailureException("cannot resolve module artifact " + coordinates + ": not found");
            }
            try {
                Path file = dir.resolve(coordinates.fileName());
                return coordinates.extension().equals("zip")
                        ? TestArchives.zip(file, Map.of("mathlib.wasm", "top", "lib/extra.wasm", "below"))
                        : Files.writeString(file, coordinates.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, dir.resolve("project"), dir.resolve("project/target/wasmvm/module-path"), new ToolArchives(dir.resolve("cache")));
    }

    @Test
    void entriesKeepTheirOrderAndAnArtifactIsFoundUnderItsArtifactId() throws Exception {
        List<Path> directories = modulePath().directories(List.of("libs", " org.example:mathlib:1.0 ", "/opt/wasm",
                "org.example:mathlib:wasm:linux:2.0", ""));

        Path work = dir.resolve("project/target/wasmvm/module-path");
        assertThat(directories).containsExactly(dir.resolve("project/libs"),
                work.resolve("org.example/mathlib/wasm/1.0"), Path.of("/opt/wasm"),
                work.resolve("org.example/mathlib/wasm/linux/2.0"));
        assertThat(directories.get(1)).isDirectoryContaining(file -> file.getFileName().toString().equals("mathlib.wasm"));
        try (var files = Files.list(directories.get(1))) {
            assertThat(files).as("only the artifact is found through its directory").hasSize(1);
        }
        assertThat(directories.get(3).resolve("mathlib.wasm")).hasContent("org.example:mathlib:wasm:linux:2.0");
        assertThat(resolved).hasSize(2);
    }

    @Test
    void aToolArchiveIsSearchedAsTheDirectoryItUnpacksTo() throws Exception {
        Path unpacked = modulePath().directories(List.of("org.example:libs:zip:1.0")).get(0);
        assertThat(unpacked).startsWith(dir.resolve("cache"));
        assertThat(unpacked.resolve("mathlib.wasm")).hasContent("top");
        assertThat(unpacked.resolve("lib/extra.wasm")).hasContent("below");
    }

    @Test
    void aRunAgainReplacesTheCopy() throws Exception {
        Path copy = modulePath().directories(List.of("org.example:lib:1.0")).get(0).resolve("lib.wasm");
        Files.writeString(copy, "stale");
        modulePath().directories(List.of("org.example:lib:1.0"));
        assertThat(copy).hasContent("org.example:lib:wasm:1.0");
    }

    @Test
    void anUnresolvableOrMalformedArtifactFails() {
        assertThatThrownBy(() -> modulePath().directories(List.of("org.example:missing:1.0")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("modulePath: cannot resolve module artifact org.example:missing:wasm:1.0: not found");
        assertThatThrownBy(() -> modulePath().directories(List.of("org.example::1.0")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("modulePath: 'org.example::1.0' is not groupId:artifactId");
    }

    @Test
    void onlyEntriesWithTwoColonsAndNoSeparatorAreCoordinates() {
        assertThat(ModulePath.isCoordinates("g:a:1")).isTrue();
        assertThat(ModulePath.isCoordinates("C:\\wasm\\libs")).isFalse();
        assertThat(ModulePath.isCoordinates("../x:y:z")).isFalse();
        assertThat(ModulePath.isCoordinates("libs")).isFalse();
        assertThat(ModulePath.isCoordinates("a:b")).isFalse();
    }
}
