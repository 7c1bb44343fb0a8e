package org.wasmvm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where tool archives are unpacked: {@code <cache>/<SHA-256 of the archive>/tool}, once per
 * archive content for every build that shares the cache, with {@code contents.sha256} beside it
 * ({@link UnpackedContents}). Safe under {@code mvn -T} and parallel builds: each unpacks into a
 * directory of its own and renames it into place atomically, the first rename wins and the others
 * use the winner's; a directory that no longer matches its list is replaced.
 */
final class ToolArchives {
    static final String TOOL = "tool";
    static final String CONTENTS = "contents.sha256";

    private final Path cache;

    ToolArchives(Path cache) {
        this.cache = cache;
    }

    /**
     * The directory holding {@code archive}'s files, unpacked now or by an earlier build.
     *
     * @throws IOException when the archive cannot be read or unpacked ({@link ArchiveUnpacker})
     */
    Path unpacked(Path archive) throws IOException {
        Path entry = cache.resolve(UnpackedContents.sha256(archive));
        for (int attempt = 0; attempt < 2; attempt++) {
            if (!Files.exists(entry)) {
                unpackTo(archive, entry);
            }
            if (UnpackedContents.matches(entry.resolve(TOOL), entry.resolve(CONTENTS))) {
                return entry.resolve(TOOL);
            }
            discard(entry); // damaged, changed, or left half-written by a build that used no atomic move
        }
        throw new IOException("the unpacked copy of " + archive + " in " + entry + " keeps changing");
    }

    private void unpackTo(Path archive, Path entry) throws IOException {
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, entry.getFileName() + ".");
        try {
            Path tool = Files.createDirectory(staging.resolve(TOOL));
            ArchiveUnpacker.unpack(archive, tool);
            UnpackedContents.write(tool, staging.resolve(CONTENTS));
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(entry)) {
                throw e;
            } // else another build unpacked the same archive first: use its copy
        } finally {
            deleteTree(staging);
        }
    }

    /** Moves {@code entry} aside (atomically, so no other build sees it half-deleted) and deletes it. */
    private static void discard(Path entry) throws IOException {
        Path doomed = entry.resolveSibling(entry.getFileName() + ".discarded." + ProcessHandle.current().pid() + "."
                + System.nanoTime());
        try {
            Files.move(entry, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return; // another build moved it first
        }
        deleteTree(doomed);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
