package org.wasmvm.core.tier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One file of the code cache: a header naming the entry's full key, the payload, and its CRC-32.
 * A file is written whole to a temporary name and then renamed, so a reader (another thread, or
 * another JVM of a parallel build) sees either nothing or a complete entry; a file that is
 * truncated, damaged, or another entry's is not used.
 */
final class CacheFile {
    private static final int MAGIC = 0x57564d43; // "WVMC"
    /** Bumped whenever the layout of a payload changes. */
    static final int FORMAT = 1;

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private CacheFile() {
    }

    /** The payload of the entry {@code key} in {@code file}; empty when it is absent, damaged or not that entry. */
    static Optional<DataInputStream> read(Path file, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            CompilerTier.log(System.Logger.Level.DEBUG, "code cache: cannot read " + file + ": " + e);
            return Optional.empty();
        }
        try {
            var in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                return ignored(file, "another entry or format");
            }
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                return ignored(file, "truncated");
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (in.readLong() != crc(payload) || in.available() != 0) {
                return ignored(file, "damaged");
            }
            return Optional.of(new DataInputStream(new ByteArrayInputStream(payload)));
        } catch (IOException e) {
            return ignored(file, "truncated");
        }
    }

    /** Writes the entry {@code key} to {@code file} atomically; false (logged) when the file system refuses. */
    static boolean write(Path file, String key, Writer payload) {
        try {
            var body = new ByteArrayOutputStream();
            payload.write(new DataOutputStream(body));
            byte[] bytes = body.toByteArray();
            var whole = new ByteArrayOutputStream(bytes.length + 64);
            var out = new DataOutputStream(whole);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.writeLong(crc(bytes));
            return replace(file, whole.toByteArray());
        } catch (IOException e) {
            CompilerTier.log(System.Logger.Level.DEBUG, "code cache: cannot write " + file + ": " + e);
            return false;
        }
    }

    /** Replaces {@code file} by {@code bytes} atomically (a temporary file, then a rename); false (logged) when the file system refuses. */
    static boolean replace(Path file, byte[] bytes) {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(temporary, bytes);
            move(temporary, file);
            return true;
        } catch (IOException | SecurityException e) {
            CompilerTier.log(System.Logger.Level.DEBUG, "code cache: cannot write " + file + ": " + e);
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // left behind: a later pruning of the cache removes it
                }
            }
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Optional<DataInputStream> ignored(Path file, String why) {
        CompilerTier.log(System.Logger.Level.DEBUG, "code cache: ignoring " + file + " (" + why + "), rebuilding it");
        return Optional.empty();
    }

    private static long crc(byte[] bytes) {
        var crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
