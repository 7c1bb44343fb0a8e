package org.wasmvm.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory a WASI guest sees as a preopened directory (CLI {@code --dir HOST::GUEST},
 * plugin {@code directories}). The run's root is always preopened as {@code /}; these come after it.
 *
 * @param host the host directory (must exist)
 * @param guest the name the guest sees ({@code fd_prestat_dir_name}), e.g. {@code /data} or {@code .}
 * @param readOnly when set, nothing beneath it can be created, changed or removed through WASI
 */
public record DirectoryMapping(Path host, String guest, boolean readOnly) {
    public DirectoryMapping {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(guest, "guest");
        if (guest.isEmpty()) {
            throw new IllegalArgumentException("the guest name of a directory mapping is empty");
        }
    }

    /**
     * Parses {@code HOST[::GUEST][:ro]} ({@code GUEST} defaults to {@code HOST}, as wasmtime's
     * {@code --dir}); a trailing {@code :ro} makes the mapping read-only.
     */
    public static DirectoryMapping parse(String spec) {
        boolean readOnly = false;
        String s = spec;
        if (s.endsWith(":ro")) {
            readOnly = true;
            s = s.substring(0, s.length() - 3);
        }
        int sep = s.indexOf("::");
        String host = sep < 0 ? s : s.substring(0, sep);
        String guest = sep < 0 ? s : s.substring(sep + 2);
        if (host.isEmpty() || guest.isEmpty()) {
            throw new IllegalArgumentException("expected HOST[::GUEST][:ro], got '" + spec + "'");
        }
        return new DirectoryMapping(Path.of(host), guest, readOnly);
    }
}
