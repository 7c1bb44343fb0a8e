package org.wasmvm.core.sysenv.fs;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The semantic layer of {@code sys_fs} for one run: a sandboxed view of a host directory
 * (the guest's {@code /}), the guest's cwd and its fd table. Paths are the guest's bytes
 * exactly as passed (UTF-8, not NUL-terminated); every result that is negative is
 * {@code -errno} ({@link Errno}). No method throws for a host failure.
 *
 * <p>One instance per run; not thread-safe (a guest is single-threaded).
 */
public final class GuestFileSystem implements AutoCloseable {
    /** Default per-run limit of open fds (0, 1, 2 included). */
    public static final int DEFAULT_MAX_OPEN_FDS = 1024;

    /**
     * @param root     the host directory that is the guest's {@code /}; must exist
     * @param guestCwd the guest's initial cwd as a guest path ({@code "/"}, {@code "/sub"});
     *                 must name a directory inside the root, else IllegalArgumentException
     */
    public GuestFileSystem(Path root, String guestCwd, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this(root, guestCwd, stdin, stdout, stderr, DEFAULT_MAX_OPEN_FDS);
    }

    public GuestFileSystem(Path root, String guestCwd, InputStream stdin, OutputStream stdout, OutputStream stderr,
                           int maxOpenFds) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Opens a file or directory; a fd ≥ 3 or -errno. */
    public int open(byte[] path, int flags, int mode) {
        return -Errno.ENOSYS;
    }

    public int close(int fd) {
        return -Errno.ENOSYS;
    }

    /** Reads up to {@code len} bytes into {@code buf[off…]}; bytes read (0 = EOF) or -errno. */
    public int read(int fd, byte[] buf, int off, int len) {
        return -Errno.ENOSYS;
    }

    /** Writes {@code buf[off, off+len)}; bytes written or -errno. */
    public int write(int fd, byte[] buf, int off, int len) {
        return -Errno.ENOSYS;
    }

    /** The new offset or -errno. */
    public long lseek(int fd, long offset, int whence) {
        return -Errno.ENOSYS;
    }

    /** Fills {@code out[0, 56)} ({@link StatLayout}); 0 or -errno. Follows symlinks (inside the root). */
    public int stat(byte[] path, byte[] out) {
        return -Errno.ENOSYS;
    }

    public int fstat(int fd, byte[] out) {
        return -Errno.ENOSYS;
    }

    public int unlink(byte[] path) {
        return -Errno.ENOSYS;
    }

    public int rename(byte[] oldPath, byte[] newPath) {
        return -Errno.ENOSYS;
    }

    public int mkdir(byte[] path, int mode) {
        return -Errno.ENOSYS;
    }

    public int rmdir(byte[] path) {
        return -Errno.ENOSYS;
    }

    /** The guest cwd as a guest path ({@code "/"}, {@code "/sub"}), never a host path. */
    public String getcwd() {
        return "/";
    }

    /**
     * Writes the cwd and a NUL into {@code buf[off, off+len)}; the length including the NUL,
     * or -ERANGE if it does not fit (nothing written then).
     */
    public int getcwd(byte[] buf, int off, int len) {
        return -Errno.ENOSYS;
    }

    /** Opens a directory iterator; a fd ≥ 3 or -errno. */
    public int opendir(byte[] path) {
        return -Errno.ENOSYS;
    }

    /** Writes the next entry into {@code out[0, 260)} ({@link DirentLayout}); 0 entry, 1 end, -errno. */
    public int readdir(int dirFd, byte[] out) {
        return -Errno.ENOSYS;
    }

    public int closedir(int dirFd) {
        return -Errno.ENOSYS;
    }

    /** Releases every host handle of the run (fds 0–2 are not closed: they belong to the embedder). */
    public void closeAll() {
    }

    @Override
    public void close() {
        closeAll();
    }
}
