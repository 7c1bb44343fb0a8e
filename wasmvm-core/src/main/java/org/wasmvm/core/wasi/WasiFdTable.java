package org.wasmvm.core.wasi;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The fd table of one run: 0–2 are the standard streams, the preopened directories follow from 3.
 * A new fd is the lowest free number (as POSIX and wasmtime), at most {@value #MAX_OPEN} at once.
 */
final class WasiFdTable implements AutoCloseable {
    static final int MAX_OPEN = 1024;

    private final TreeMap<Integer, WasiFd> fds = new TreeMap<>();

    WasiFd get(int fd) {
        WasiFd entry = fds.get(fd);
        if (entry == null) {
            throw new WasiException(WasiErrno.BADF);
        }
        return entry;
    }

    int add(WasiFd entry) {
        if (fds.size() >= MAX_OPEN) {
            entry.close();
            throw new WasiException(WasiErrno.MFILE);
        }
        int fd = 0;
        for (int used : fds.keySet()) {
            if (used != fd) {
                break;
            }
            fd++;
        }
        fds.put(fd, entry);
        return fd;
    }

    void close(int fd) {
        get(fd).close();
        fds.remove(fd);
    }

    /** Moves {@code from} onto {@code to}, closing what {@code to} was; both must be open. */
    void renumber(int from, int to) {
        WasiFd entry = get(from);
        WasiFd target = get(to);
        if (from == to) {
            return;
        }
        target.close();
        fds.put(to, entry);
        fds.remove(from);
    }

    @Override
    public void close() {
        List<WasiFd> open = new ArrayList<>(fds.values());
        fds.clear();
        open.forEach(WasiFd::close);
    }
}
