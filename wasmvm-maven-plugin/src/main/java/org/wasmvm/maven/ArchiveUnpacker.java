package org.wasmvm.maven;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a tool archive, a {@code .zip} or a {@code .tar.gz} ({@code .tgz}), into a directory.
 * Only files and directories are taken, each inside the directory: an entry that is a link or a
 * device, or whose name is absolute or climbs out with {@code ..}, makes the archive unusable, since
 * it could reach files outside the sandbox the tool's directory is mounted into.
 */
final class ArchiveUnpacker {
    private ArchiveUnpacker() {
    }

    /** Whether Maven artifacts with this extension are tool archives. */
    static boolean isArchive(String extension) {
        return extension.equals("zip") || extension.equals("tar.gz") || extension.equals("tgz");
    }

    /**
     * Unpacks {@code archive} (its format from its file name) into the empty directory {@code target}.
     *
     * @throws IOException when the archive cannot be read, is of no known format, or holds an entry
     *     that is not a plain file or directory inside {@code target}
     */
    static void unpack(Path archive, Path target) throws IOException {
        String name = archive.getFileName().toString();
        if (name.endsWith(".zip")) { // through the central directory, which every zip writer gets right
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    try (InputStream content = zip.getInputStream(entry)) {
                        take(entry, content, target);
                    }
                }
            }
        } else if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    take(entry, tar, target);
                }
            }
        } else {
            throw new IOException(name + " is neither a .zip nor a .tar.gz");
        }
    }

    /** Writes {@code entry}, whose bytes {@code content} reads, below {@code target}. */
    private static void take(ArchiveEntry entry, InputStream content, Path target) throws IOException {
        Path path = inside(target, entry.getName());
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (isPlainFile(entry)) {
            Files.createDirectories(path.getParent());
            Files.copy(content, path);
        } else {
            throw new IOException("entry '" + entry.getName()
                    + "' is a link or a special file; a tool archive holds only files and directories");
        }
    }

    private static boolean isPlainFile(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) { // its isFile() counts links and devices as files
            byte type = tar.getLinkFlag();
            return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
        }
        return !(entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink());
    }

    /** Where entry {@code name} goes, refused when it would land outside {@code target}. */
    static Path inside(Path target, String name) throws IOException {
        Path path = target.resolve(name).normalize();
        if (name.startsWith("/") || name.startsWith("\\") || !path.startsWith(target)) {
            throw new IOException("entry '" + name + "' lies outside the archive's directory");
        }
        return path;
    }
}
