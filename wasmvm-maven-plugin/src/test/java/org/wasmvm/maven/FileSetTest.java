package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileSet} follows Maven's include/exclude semantics, default excludes included. */
class FileSetTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("top.proto", "a/b/deep.proto", "a/skip.tmp", ".git/HEAD", "a/b/deep.proto~",
                ".DS_Store", "sub/.svn/entries")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
    }

    @Test
    void doubleStarMatchesAnyNumberOfDirectoriesIncludingNone() {
        assertThat(new FileSet(dir.toFile(), List.of("**/*.proto"), null).files(dir))
                .containsExactly(dir.resolve("a/b/deep.proto"), dir.resolve("top.proto"));
    }

    @Test
    void noIncludesMeansEveryFileButTheExcludedAndMavensDefaultExcludes() {
        // .git/, .svn/, editor backups (*~) and .DS_Store are Maven's default excludes
        assertThat(new FileSet(dir.toFile(), null, List.of("**/*.tmp")).files(dir))
                .containsExactly(dir.resolve("a/b/deep.proto"), dir.resolve("top.proto"));
        assertThat(new FileSet(dir.toFile(), List.of(" ", ""), List.of()).files(dir)).hasSize(3);
    }

    @Test
    void aTrailingSlashMeansEverythingBelowAndRelativeDirectoriesResolveAgainstTheBasedir() {
        assertThat(new FileSet(new File("a"), List.of("b/"), null).files(dir)).containsExactly(dir.resolve("a/b/deep.proto"));
    }

    @Test
    void regexPatternsWork() {
        assertThat(new FileSet(dir.toFile(), List.of("%regex[.*\\.tmp]"), null).files(dir))
                .containsExactly(dir.resolve("a/skip.tmp"));
    }

    @Test
    void aMissingDirectoryIsEmptyAndNoDirectoryIsAnError() {
        assertThat(new FileSet(new File("missing"), null, null).files(dir)).isEmpty();
        assertThatThrownBy(() -> new FileSet(null, null, null).files(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<directory>");
    }
}
