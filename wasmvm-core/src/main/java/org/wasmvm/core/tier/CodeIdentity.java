package org.wasmvm.core.tier;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * Which build of a class's code is running, for the code cache's keys: the jar (or class file) it
 * was loaded from, with its size, modification time and CRC-32. A version number alone would not
 * do: every rebuild of a snapshot shares it, and a class compiled by an older build may call methods
 * that changed. Nor would size and time: a reproducible build's archive gives every jar the same
 * modification time, and a small change may keep the size.
 */
public final class CodeIdentity {
    /**
     * Identities already taken, by file: in the command's jar the core and the compiler are one file,
     * read once. A file rewritten while this JVM runs keeps its first identity, which is still that
     * of the classes loaded from it.
     */
    private static final Map<Path, String> TAKEN = new ConcurrentHashMap<>();

    private CodeIdentity() {
    }

    /** The identity of the code {@code anchor} belongs to; empty when its origin cannot be read. */
    public static Optional<String> of(Class<?> anchor) {
        try {
            var source = anchor.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) { // classes straight from a build's output directory
                location = location.resolve(anchor.getName().replace('.', '/') + ".class");
            }
            String identity = TAKEN.get(location);
            if (identity == null) {
                identity = of(location);
                TAKEN.put(location, identity);
            }
            return Optional.of(identity);
        } catch (URISyntaxException | IOException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The identity of the file at {@code location}. */
    static String of(Path location) throws IOException {
        CRC32 crc = new CRC32(); // 8 ms for the command's jar in a fresh JVM, where its SHA-256 takes 80
        try (InputStream in = Files.newInputStream(location)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return sha256(location.toAbsolutePath() + "|" + Files.size(location) + "|"
                + Files.getLastModifiedTime(location).toMillis() + "|" + crc.getValue()).substring(0, 16);
    }

    /** The lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * {@link #sha256(byte[])}, computed on a new daemon thread while the caller goes on; the supplier
     * returned waits for it.
     */
    public static Supplier<String> sha256InBackground(byte[] bytes) {
        return inBackground("wasmvm-hash", () -> sha256(bytes));
    }

    /**
     * {@code task}'s result, computed on a new daemon thread named {@code name} while the caller goes on;
     * the supplier returned waits for it (and computes it itself when interrupted).
     */
    public static <T> Supplier<T> inBackground(String name, Supplier<T> task) {
        FutureTask<T> future = new FutureTask<>(task::get);
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    /** The lower-case hex SHA-256 of {@code text} in UTF-8. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
