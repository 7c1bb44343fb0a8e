package org.wasmvm.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.DirectoryMapping;

/**
 * The {@code directories} parameter: {@code HOST[::GUEST][:ro]} entries, as the CLI's {@code --dir},
 * that a WASI guest sees as preopened directories besides the root ({@code /}). A relative
 * {@code HOST} is relative to the project's base directory.
 */
final class WasiDirectories {
    private WasiDirectories() {
    }

    static List<DirectoryMapping> of(List<String> specs, Path basedir) {
        List<DirectoryMapping> mappings = new ArrayList<>();
        if (specs == null) {
            return mappings;
        }
        for (String spec : specs) {
            if (spec == null || spec.isBlank()) {
                continue;
            }
            DirectoryMapping m = DirectoryMapping.parse(spec.trim());
            Path host = basedir.resolve(m.host()).normalize();
            if (!Files.isDirectory(host)) {
                throw new IllegalArgumentException("directories: " + host + " is not a directory");
            }
            mappings.add(new DirectoryMapping(host, m.guest(), m.readOnly()));
        }
        return mappings;
    }
}
