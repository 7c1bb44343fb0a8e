package org.wasmvm.core.sysenv.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open directory: a sorted snapshot of its entries (no {@code .}/{@code ..}), taken the
 * first time it is read, and the index of the next one.
 */
final class DirHandle implements Handle {
    /** One entry; {@code name} is the UTF-8 bytes of the host name. */
    record Entry(byte[] name, int type, int ino) {
    }

    private final Path host;
    private List<Entry> entries;
    private int next;

    DirHandle(Path host) {
        this.host = host;
    }

    Path host() {
        return host;
    }

    /** Takes the snapshot if it was not taken yet. */
    void load() throws IOException {
        if (entries == null) {
            entries = snapshot(host);
        }
    }

    /** The next entry, or null at the end. */
    Entry next() throws IOException {
        load();
        return next < entries.size() ? entries.get(next++) : null;
    }

    static List<Entry> snapshot(Path dir) throws IOException {
        List<Entry> list = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                int type = DirentLayout.DT_UNKNOWN;
                int ino = name.hashCode();
                try {
                    StatLayout.Stat st = StatLayout.read(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    type = switch (st.mode() & StatLayout.S_IFMT) {
                        case StatLayout.S_IFDIR -> DirentLayout.DT_DIR;
                        case StatLayout.S_IFREG -> DirentLayout.DT_REG;
                        case StatLayout.S_IFLNK -> DirentLayout.DT_LNK;
                        default -> DirentLayout.DT_UNKNOWN;
                    };
                    ino = st.ino();
                } catch (IOException e) {
                    // removed meanwhile or unreadable: still listed, type unknown
                }
                list.add(new Entry(name.getBytes(StandardCharsets.UTF_8), type, ino));
            }
        }
        list.sort((a, b) -> Arrays.compareUnsigned(a.name(), b.name()));
        return list;
    }

    @Override
    public void release() {
        entries = null;
    }
}
