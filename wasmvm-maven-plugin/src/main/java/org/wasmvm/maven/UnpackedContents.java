package org.wasmvm.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The list of an unpacked archive's files, one line each: SHA-256, size and path (with {@code /}),
 * sorted by path. Written when the archive is unpacked and checked before each reuse, so a cached
 * tool that was changed or damaged since is noticed rather than run.
 */
final class UnpackedContents {
    private UnpackedContents() {
    }

    /** Lists every regular file under {@code directory}. */
    static List<String> of(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                lines.add(sha256(file) + " " + Files.size(file) + " " + relative);
            }
        }
        return lines;
    }

    static void write(Path directory, Path list) throws IOException {
        Files.write(list, of(directory), StandardCharsets.UTF_8);
    }

    /** Whether {@code directory} holds exactly the files {@code list} names, with their contents. */
    static boolean matches(Path directory, Path list) {
        try {
            return Files.isRegularFile(list) && Files.readAllLines(list, StandardCharsets.UTF_8).equals(of(directory));
        } catch (IOException e) {
            return false;
        }
    }

    /** The hex SHA-256 of {@code file}'s bytes. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
