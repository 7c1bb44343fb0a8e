package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool archives unpacked into the cache: both formats, reuse, repair, races, and entries that would escape. */
class ToolArchivesTest {
    private static final Map<String, String> TOOL = Map.of("bin/tool.wasm", "\0asm", "share/data.txt", "data");

    @TempDir
    Path dir;

    @Test
    void aZipIsUnpackedUnderItsChecksumWithTheListOfItsFiles() throws IOException {
        Path archive = zip("tool-1.0.zip", TOOL);
        Path unpacked = new ToolArchives(dir.resolve("cache")).unpacked(archive);

        assertThat(unpacked).isEqualTo(dir.resolve("cache").resolve(UnpackedContents.sha256(archive)).resolve("tool"));
        assertThat(unpacked.resolve("bin/tool.wasm")).hasContent("\0asm");
        assertThat(unpacked.resolve("share/data.txt")).hasContent("data");
        assertThat(unpacked.resolveSibling("contents.sha256")).content().contains(" 4 bin/tool.wasm", " 4 share/data.txt");
        try (Stream<Path> cache = Files.list(dir.resolve("cache"))) {
            assertThat(cache).as("no staging directory left").hasSize(1);
        }
    }

    @Test
    void aTarGzIsUnpackedToo() throws IOException {
        Path unpacked = new ToolArchives(dir.resolve("cache")).unpacked(tarGz("tool-1.0.tar.gz", TOOL));
        assertThat(unpacked.resolve("share/data.txt")).hasContent("data");
    }

    @Test
    void aSecondBuildReusesTheUnpackedCopy() throws IOException {
        Path archive = zip("tool-1.0.zip", TOOL);
        Path first = new ToolArchives(dir.resolve("cache")).unpacked(archive);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first.resolve("share/data.txt"), old);

        Path second = new ToolArchives(dir.resolve("cache")).unpacked(archive);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.resolve("share/data.txt"))).as("not unpacked again").isEqualTo(old);
    }

    @Test
    void aChangedOrIncompleteCopyIsReplaced() throws IOException {
        Path archive = zip("tool-1.0.zip", TOOL);
        ToolArchives archives = new ToolArchives(dir.resolve("cache"));
        Path unpacked = archives.unpacked(archive);
        Files.writeString(unpacked.resolve("share/data.txt"), "tampered");
        assertThat(archives.unpacked(archive).resolve("share/data.txt")).hasContent("data");
        Files.delete(unpacked.resolve("bin/tool.wasm"));
        assertThat(archives.unpacked(archive).resolve("bin/tool.wasm")).hasContent("\0asm");
        Files.writeString(unpacked.resolve("extra.txt"), "added");
        assertThat(archives.unpacked(archive).resolve("extra.txt")).doesNotExist();
    }

    @Test
    void anotherArchiveGetsAnotherDirectory() throws IOException {
        ToolArchives archives = new ToolArchives(dir.resolve("cache"));
        Path one = archives.unpacked(zip("a.zip", TOOL));
        Path two = archives.unpacked(zip("b.zip", Map.of("bin/tool.wasm", "other")));
        assertThat(two).isNotEqualTo(one);
        assertThat(two.resolve("bin/tool.wasm")).hasContent("other");
    }

    @Test
    void concurrentBuildsUnpackingOneArchiveAllGetOneCompleteCopy() throws Exception {
        Path archive = zip("tool-1.0.zip", TOOL);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Path> build = () -> new ToolArchives(dir.resolve("cache")).unpacked(archive);
                results.add(pool.submit(build));
            }
            Path first = results.get(0).get();
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
            assertThat(first.resolve("share/data.txt")).hasContent("data");
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> cache = Files.list(dir.resolve("cache"))) {
            assertThat(cache).as("the losers' staging directories are gone").hasSize(1);
        }
    }

    @Test
    void entriesThatWouldLeaveTheDirectoryAreRefused() throws IOException {
        ToolArchives archives = new ToolArchives(dir.resolve("cache"));
        assertThatThrownBy(() -> archives.unpacked(zip("slip.zip", Map.of("../evil.txt", "x"))))
                .isInstanceOf(IOException.class).hasMessage("entry '../evil.txt' lies outside the archive's directory");
        assertThatThrownBy(() -> archives.unpacked(tarGz("abs.tar.gz", Map.of("/etc/evil", "x"))))
                .isInstanceOf(IOException.class).hasMessageContaining("lies outside the archive's directory");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
        try (Stream<Path> cache = Files.list(dir.resolve("cache"))) {
            assertThat(cache).as("nothing kept of a refused archive").isEmpty();
        }
    }

    @Test
    void linksAreRefused() throws IOException {
        Path archive = dir.resolve("link.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry link = new TarArchiveEntry("share", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        assertThatThrownBy(() -> new ToolArchives(dir.resolve("cache")).unpacked(archive)).isInstanceOf(IOException.class)
                .hasMessage("entry 'share' is a link or a special file; a tool archive holds only files and directories");
    }

    @Test
    void zipSymlinksAreRefusedToo() throws IOException {
        Path archive = dir.resolve("link.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive))) {
            ZipArchiveEntry link = new ZipArchiveEntry("share");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            zip.putArchiveEntry(link);
            zip.write("/etc".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        assertThatThrownBy(() -> new ToolArchives(dir.resolve("cache")).unpacked(archive)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("entry 'share' is a link or a special file");
    }

    @Test
    void theExtensionsOfToolArchives() {
        assertThat(ArchiveUnpacker.isArchive("zip")).isTrue();
        assertThat(ArchiveUnpacker.isArchive("tar.gz")).isTrue();
        assertThat(ArchiveUnpacker.isArchive("tgz")).isTrue();
        assertThat(ArchiveUnpacker.isArchive("wasm")).isFalse();
        assertThat(ArchiveUnpacker.isArchive("jar")).isFalse();
    }

    private Path zip(String name, Map<String, String> files) throws IOException {
        return TestArchives.zip(dir.resolve(name), files);
    }

    private Path tarGz(String name, Map<String, String> files) throws IOException {
        return TestArchives.tarGz(dir.resolve(name), files);
    }
}
