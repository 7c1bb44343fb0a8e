package org.wasmvm.core.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeIdentityTest {
    @TempDir
    Path dir;

    /** A reproducible build's jar keeps its modification time, and a small change may keep its size. */
    @Test
    void anotherBuildOfTheSameSizeAndTimeIsAnotherIdentity() throws Exception {
        Path jar = Files.writeString(dir.resolve("wasmvm.jar"), "build one");
        FileTime built = FileTime.fromMillis(315_532_800_000L);
        Files.setLastModifiedTime(jar, built);
        String first = CodeIdentity.of(jar);
        assertThat(CodeIdentity.of(jar)).as("the same build").isEqualTo(first);

        Files.writeString(jar, "build two");
        Files.setLastModifiedTime(jar, built);
        assertThat(CodeIdentity.of(jar)).isNotEqualTo(first);
    }
}
