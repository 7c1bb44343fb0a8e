package org.wasmvm.core.sysenv.fs;

import java.util.HashMap;
import java.util.Map;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.FsError;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * The fds of one run: 0, 1, 2 are its streams, files and directories share the numbers
 * from 3, a closed fd is never handed out again in the run, and at most {@code maxOpen}
 * fds (0–2 included) are open at once.
 */
final class FdTable {
    private final Map<Integer, Handle> open = new HashMap<>();
    private final int maxOpen;
    private int nextFd = 3;

    FdTable(StandardStreams streams, int maxOpen) {
        if (maxOpen < 3) {
            throw new IllegalArgumentException("maxOpenFds must be at least 3: " + maxOpen);
        }
        this.maxOpen = maxOpen;
        open.put(0, new StreamHandle(streams.stdin()));
        open.put(1, new StreamHandle(streams.stdout()));
        open.put(2, new StreamHandle(streams.stderr()));
    }

    /** EMFILE when the limit is reached (or the fd numbers of the run are used up). */
    void checkCapacity() throws FsError {
        if (open.size() >= maxOpen || nextFd == Integer.MAX_VALUE) {
            throw new FsError(Errno.EMFILE);
        }
    }

    int add(Handle h) throws FsError {
        checkCapacity();
        int fd = nextFd++;
        open.put(fd, h);
        return fd;
    }

    /** The handle of {@code fd}, or EBADF. */
    Handle get(int fd) throws FsError {
        Handle h = open.get(fd);
        if (h == null) {
            throw new FsError(Errno.EBADF);
        }
        return h;
    }

    <T extends Handle> T get(int fd, Class<T> kind) throws FsError {
        Handle h = get(fd);
        if (!kind.isInstance(h)) {
            throw new FsError(Errno.EBADF);
        }
        return kind.cast(h);
    }

    void close(int fd) throws FsError {
        Handle h = open.remove(fd);
        if (h == null) {
            throw new FsError(Errno.EBADF);
        }
        h.release();
    }

    int openCount() {
        return open.size();
    }

    void closeAll() {
        for (Handle h : open.values()) {
            h.release();
        }
        open.clear();
    }
}
