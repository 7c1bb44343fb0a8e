package org.wasmvm.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.DirectoryMapping;

/**
 * The {@code directories} parameter: {@code HOST[::GUEST][:ro]} entries, as the CLI's {@code --dir},
 * that a WASI guest sees as preopened directories besides the root ({@code /}). A relative
 * {@code HOST} is relative to the project's base directory. Also {@code archiveDirectories}, the
 * same form with {@code HOST} a directory of the unpacked tool archive, always read-only.
 */
final class WasiDirectories {
    private WasiDirectories() {
    }

    static List<DirectoryMapping> of(List<String> specs, Path basedir) {
        return parse(specs, "directories", basedir, false);
    }

    /** @throws IllegalArgumentException also for a directory outside the archive, or archive directories without an archive */
    static List<DirectoryMapping> inArchive(List<String> specs, Path archive) {
        if (archive == null) {
            if (specs != null && specs.stream().anyMatch(spec -> spec != null && !spec.isBlank())) {
                throw new IllegalArgumentException("archiveDirectories need a moduleArtifact that is a tool archive");
            }
            return List.of();
        }
        return parse(specs, "archiveDirectories", archive, true);
    }

    private static List<DirectoryMapping> parse(List<String> specs, String parameter, Path base, boolean inside) {
        List<DirectoryMapping> mappings = new ArrayList<>();
        if (specs == null) {
            return mappings;
        }
        for (String spec : specs) {
            if (spec == null || spec.isBlank()) {
                continue;
            }
            DirectoryMapping m = DirectoryMapping.parse(spec.trim());
            Path host = base.resolve(m.host()).normalize();
            if (inside && !host.startsWith(base)) {
                throw new IllegalArgumentException(parameter + ": " + m.host() + " lies outside the tool archive");
            }
            if (!Files.isDirectory(host)) {
                throw new IllegalArgumentException(parameter + ": " + host + " is not a directory");
            }
            mappings.add(new DirectoryMapping(host, m.guest(), inside || m.readOnly()));
        }
        return mappings;
    }
}
