package org.wasmvm.core.sysenv.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.FsError;
import org.wasmvm.core.sandbox.HostRename;
import org.wasmvm.core.sandbox.SandboxPaths;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * The semantic layer of {@code sys_fs} for one run: a sandboxed view of a host directory
 * (the guest's {@code /}), the guest's cwd and its fd table. Paths are the guest's bytes
 * exactly as passed (UTF-8, not NUL-terminated); every negative result is {@code -errno}
 * ({@link Errno}). No method throws for a host failure or a guest mistake; only a too
 * small output array given by the caller is reported, as {@code -EFAULT}.
 *
 * <p>One instance per run; not thread-safe (a guest is single-threaded). See
 * {@code docs/} and DESIGN §3 for the ABI; the choices this class makes where the ABI is
 * silent are listed in the package documentation.
 */
public final class GuestFileSystem implements AutoCloseable {
    /** Default per-run limit of open fds (0, 1, 2 included). */
    public static final int DEFAULT_MAX_OPEN_FDS = 1024;

    private final SandboxPaths paths;
    private final List<String> cwd;
    private final FdTable fds;

    /**
     * @param root     the host directory that is the guest's {@code /}; must exist
     * @param guestCwd the guest's initial cwd as a guest path ({@code "/"}, {@code "/sub"});
     *                 must name a directory inside the root, else IllegalArgumentException
     * @param streams  fds 0, 1 and 2
     */
    public GuestFileSystem(Path root, String guestCwd, StandardStreams streams) {
        this(root, guestCwd, streams, DEFAULT_MAX_OPEN_FDS);
    }

    public GuestFileSystem(Path root, String guestCwd, StandardStreams streams, int maxOpenFds) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("sys_fs root does not exist: " + root, e);
        }
        if (!Files.isDirectory(realRoot)) {
            throw new IllegalArgumentException("sys_fs root is not a directory: " + root);
        }
        this.paths = new SandboxPaths(realRoot);
        String cwdPath = guestCwd == null || guestCwd.isEmpty() ? "/" : guestCwd;
        if (!cwdPath.startsWith("/")) {
            cwdPath = "/" + cwdPath;
        }
        try {
            SandboxPaths.Resolved r = paths.resolve(cwdPath.getBytes(StandardCharsets.UTF_8), List.of(), true);
            if (!Files.isDirectory(r.host(), LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("working directory is not a directory inside the root: " + guestCwd);
            }
            this.cwd = r.components();
        } catch (FsError e) {
            throw new IllegalArgumentException("working directory is not inside the root: " + guestCwd
                    + " (errno " + e.errno() + ")");
        }
        this.fds = new FdTable(streams, maxOpenFds);
    }

    /** The canonical host root (for diagnostics of the embedder; never shown to the guest). */
    public Path root() {
        return paths.root();
    }

    // ---------------------------------------------------------------- open / close

    /** Opens a file or directory; a fd ≥ 3 or -errno. */
    public int open(byte[] path, int flags, int mode) {
        return errno(() -> doOpen(path, flags, mode));
    }

    private int doOpen(byte[] path, int flags, int mode) throws FsError, IOException {
        if (!OpenFlags.isValid(flags)) {
            return -Errno.EINVAL;
        }
        boolean creat = (flags & OpenFlags.O_CREAT) != 0;
        boolean excl = (flags & OpenFlags.O_EXCL) != 0;
        boolean directory = (flags & OpenFlags.O_DIRECTORY) != 0;
        boolean write = OpenFlags.writable(flags);
        if (creat && directory) {
            return -Errno.EINVAL; // as Linux ≥ 6.4
        }
        SandboxPaths.Resolved r = paths.resolve(path, cwd, !(creat && excl));
        BasicFileAttributes a = SandboxPaths.lstat(r.host());
        fds.checkCapacity();
        if (a != null) {
            if (creat && excl) {
                return -Errno.EEXIST;
            }
            if (a.isDirectory()) {
                if (write || creat) {
                    return -Errno.EISDIR;
                }
                paths.checkStillInside(r.host());
                return fds.add(new DirHandle(r.host()));
            }
            if (directory || r.mustBeDir()) {
                return -Errno.ENOTDIR;
            }
            if (!a.isRegularFile()) {
                return -Errno.EACCES; // fifos, devices, sockets: not offered to guests
            }
            Set<OpenOption> opts = accessOptions(flags);
            if ((flags & OpenFlags.O_TRUNC) != 0) {
                opts.add(StandardOpenOption.WRITE);
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            paths.checkStillInside(r.host());
            FileChannel ch = FileChannel.open(r.host(), opts);
            return addFile(ch, r.host(), flags);
        }
        if (!creat) {
            return -Errno.ENOENT;
        }
        if (r.mustBeDir()) {
            return -Errno.EISDIR;
        }
        Set<OpenOption> opts = accessOptions(flags);
        opts.add(StandardOpenOption.CREATE_NEW);
        opts.add(StandardOpenOption.WRITE);
        paths.checkStillInside(r.host());
        FileChannel ch;
        try {
            ch = FileChannel.open(r.host(), opts);
        } catch (FileAlreadyExistsException e) {
            return -Errno.EEXIST;
        }
        setOwnerBits(r.host(), mode);
        return addFile(ch, r.host(), flags);
    }

    private int addFile(FileChannel ch, Path host, int flags) throws FsError {
        try {
            return fds.add(new FileHandle(ch, host, flags));
        } catch (FsError e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static Set<OpenOption> accessOptions(int flags) {
        Set<OpenOption> opts = new HashSet<>();
        opts.add(LinkOption.NOFOLLOW_LINKS);
        if (OpenFlags.readable(flags)) {
            opts.add(StandardOpenOption.READ);
        }
        if (OpenFlags.writable(flags)) {
            opts.add(StandardOpenOption.WRITE);
        }
        return opts;
    }

    /** Closes any fd (file, directory or stream; the embedder's streams stay open). */
    public int close(int fd) {
        return errno(() -> {
            fds.close(fd);
            return 0;
        });
    }

    // ---------------------------------------------------------------- read / write / seek

    /** Reads up to {@code len} bytes into {@code buf[off…]}; bytes read (0 = EOF) or -errno. */
    public int read(int fd, byte[] buf, int off, int len) {
        return errno(() -> {
            Handle h = transferHandle(fd, buf, off, len);
            if (h instanceof FileHandle f) {
                return f.readable() ? f.read(buf, off, len) : -Errno.EBADF;
            }
            if (h instanceof StreamHandle s) {
                return s.stream().readable() ? s.stream().read(buf, off, len) : -Errno.EBADF;
            }
            return -Errno.EBADF;
        });
    }

    /** Writes {@code buf[off, off+len)}; bytes written or -errno. */
    public int write(int fd, byte[] buf, int off, int len) {
        return errno(() -> {
            Handle h = transferHandle(fd, buf, off, len);
            if (h instanceof FileHandle f) {
                return f.writable() ? f.write(buf, off, len) : -Errno.EBADF;
            }
            if (h instanceof StreamHandle s) {
                return s.stream().writable() ? s.stream().write(buf, off, len) : -Errno.EBADF;
            }
            return -Errno.EBADF;
        });
    }

    /** The handle a read or write of {@code buf[off, off+len)} on {@code fd} goes to (-EINVAL, -EBADF, -EFAULT first). */
    private Handle transferHandle(int fd, byte[] buf, int off, int len) throws FsError {
        if (len < 0) {
            throw new FsError(Errno.EINVAL);
        }
        Handle h = fds.get(fd);
        checkRange(buf, off, len);
        return h;
    }

    /** The new offset or -errno (-ESPIPE on fds 0–2, -EINVAL for a negative result or bad whence). */
    public long lseek(int fd, long offset, int whence) {
        try {
            Handle h = fds.get(fd);
            if (h instanceof StreamHandle) {
                return -Errno.ESPIPE;
            }
            if (!(h instanceof FileHandle f)) {
                return -Errno.EBADF;
            }
            long base = switch (whence) {
                case OpenFlags.SEEK_SET -> 0;
                case OpenFlags.SEEK_CUR -> f.position();
                case OpenFlags.SEEK_END -> f.size();
                default -> -1;
            };
            if (base < 0) {
                return -Errno.EINVAL;
            }
            long target;
            try {
                target = Math.addExact(base, offset);
            } catch (ArithmeticException e) {
                return -Errno.EINVAL; // Linux: EOVERFLOW/EINVAL; the ABI has no EOVERFLOW
            }
            if (target < 0) {
                return -Errno.EINVAL;
            }
            f.position(target);
            return target;
        } catch (FsError e) {
            return -e.errno();
        } catch (IOException | RuntimeException e) {
            return -Errno.of(e);
        }
    }

    // ---------------------------------------------------------------- stat

    /** Fills {@code out[0, 56)} ({@link StatLayout}); 0 or -errno. Follows symlinks (inside the root). */
    public int stat(byte[] path, byte[] out) {
        return errno(() -> {
            checkRange(out, 0, StatLayout.SIZE);
            SandboxPaths.Resolved r = paths.resolve(path, cwd, true);
            BasicFileAttributes a = SandboxPaths.lstat(r.host());
            if (a == null) {
                return -Errno.ENOENT;
            }
            if (r.mustBeDir() && !a.isDirectory()) {
                return -Errno.ENOTDIR;
            }
            StatLayout.encode(StatLayout.read(r.host(), LinkOption.NOFOLLOW_LINKS), out, 0);
            return 0;
        });
    }

    /**
     * Stat of an open file, or of fds 0–2 (a character device when the stream is a terminal, else a
     * pipe); -EBADF for a directory fd.
     */
    public int fstat(int fd, byte[] out) {
        return errno(() -> {
            Handle h = fds.get(fd);
            checkRange(out, 0, StatLayout.SIZE);
            if (h instanceof StreamHandle s) {
                int type = s.stream().terminal() ? StatLayout.S_IFCHR : StatLayout.S_IFIFO;
                StatLayout.encode(new StatLayout.Stat(0, fd, type | 0600, 1, 0, 0, 0, 0, 0, 0), out, 0);
                return 0;
            }
            if (!(h instanceof FileHandle f)) {
                return -Errno.EBADF;
            }
            StatLayout.Stat st;
            try {
                st = StatLayout.read(f.host(), LinkOption.NOFOLLOW_LINKS);
                if ((st.mode() & StatLayout.S_IFMT) != StatLayout.S_IFREG || st.size() != f.size()) {
                    st = detached(f, st);
                }
            } catch (IOException e) {
                st = detached(f, null); // unlinked or renamed away while open
            }
            StatLayout.encode(st, out, 0);
            return 0;
        });
    }

    /** What we still know of an open file whose path no longer names it. */
    private static StatLayout.Stat detached(FileHandle f, StatLayout.Stat last) throws IOException {
        if (last != null && (last.mode() & StatLayout.S_IFMT) == StatLayout.S_IFREG) {
            return new StatLayout.Stat(last.dev(), last.ino(), last.mode(), last.nlink(), last.uid(), last.gid(),
                    f.size(), last.atimeNs(), last.mtimeNs(), last.ctimeNs());
        }
        return new StatLayout.Stat(0, f.host().hashCode(), StatLayout.S_IFREG | 0600, 0, 0, 0, f.size(), 0, 0, 0);
    }

    // ---------------------------------------------------------------- namespace changes

    /** Removes a file or symlink (the link itself); -EISDIR for a directory, -EBUSY for the root. */
    public int unlink(byte[] path) {
        return errno(() -> {
            SandboxPaths.Resolved r = paths.resolve(path, cwd, false);
            BasicFileAttributes a = SandboxPaths.lstat(r.host());
            if (r.isRoot()) {
                return -Errno.EBUSY;
            }
            if (a == null) {
                return -Errno.ENOENT;
            }
            if (a.isDirectory()) {
                return -Errno.EISDIR;
            }
            if (r.mustBeDir()) {
                return -Errno.ENOTDIR;
            }
            paths.checkStillInside(r.host());
            Files.delete(r.host());
            return 0;
        });
    }

    /** Creates a directory (the owner bits of {@code mode} where the host can); -EEXIST if the name is taken. */
    public int mkdir(byte[] path, int mode) {
        return errno(() -> {
            SandboxPaths.Resolved r = paths.resolve(path, cwd, false);
            if (r.isRoot() || r.lastDots() != null || SandboxPaths.lstat(r.host()) != null) {
                return -Errno.EEXIST;
            }
            paths.checkStillInside(r.host());
            Files.createDirectory(r.host());
            setOwnerBits(r.host(), mode);
            return 0;
        });
    }

    /** Removes an empty directory; -ENOTDIR for a file or symlink, -ENOTEMPTY, -EBUSY for the root. */
    public int rmdir(byte[] path) {
        return errno(() -> {
            SandboxPaths.Resolved r = paths.resolve(path, cwd, false);
            if (".".equals(r.lastDots())) {
                return -Errno.EINVAL;
            }
            if ("..".equals(r.lastDots())) {
                return -Errno.ENOTEMPTY;
            }
            if (r.isRoot()) {
                return -Errno.EBUSY;
            }
            BasicFileAttributes a = SandboxPaths.lstat(r.host());
            if (a == null) {
                return -Errno.ENOENT;
            }
            if (!a.isDirectory()) {
                return -Errno.ENOTDIR;
            }
            paths.checkStillInside(r.host());
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(r.host())) {
                if (ds.iterator().hasNext()) {
                    return -Errno.ENOTEMPTY;
                }
            }
            Files.delete(r.host());
            return 0;
        });
    }

    /**
     * Renames like Linux rename(2): replaces a file atomically, a directory onto an empty
     * directory; a symlink is moved itself. -EBUSY when either side is the root or ends in
     * {@code .}/{@code ..}; -EINVAL moving a directory into itself; -EXDEV across host file
     * systems.
     */
    public int rename(byte[] oldPath, byte[] newPath) {
        return errno(() -> {
            SandboxPaths.Resolved from = paths.resolve(oldPath, cwd, false);
            SandboxPaths.Resolved to = paths.resolve(newPath, cwd, false);
            if (from.isRoot() || to.isRoot() || from.lastDots() != null || to.lastDots() != null) {
                return -Errno.EBUSY;
            }
            BasicFileAttributes a = SandboxPaths.lstat(from.host());
            if (a == null) {
                return -Errno.ENOENT;
            }
            BasicFileAttributes b = SandboxPaths.lstat(to.host());
            if (a.isDirectory()) {
                if (isPrefix(from.components(), to.components()) && !from.components().equals(to.components())) {
                    return -Errno.EINVAL;
                }
                if (b != null && !b.isDirectory()) {
                    return -Errno.ENOTDIR;
                }
            } else {
                if (from.mustBeDir() || to.mustBeDir()) {
                    return -Errno.ENOTDIR;
                }
                if (b != null && b.isDirectory()) {
                    return -Errno.EISDIR;
                }
            }
            if (b != null && (from.components().equals(to.components()) || sameFile(a, b))) {
                return 0; // POSIX: renaming a file onto itself (or a hard link of it) does nothing
            }
            if (b != null && b.isDirectory()) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(to.host())) {
                    if (ds.iterator().hasNext()) {
                        return -Errno.ENOTEMPTY;
                    }
                }
            }
            paths.checkStillInside(from.host());
            paths.checkStillInside(to.host());
            HostRename.replace(from.host(), to.host(), b != null && b.isDirectory());
            return 0;
        });
    }

    private static boolean isPrefix(List<String> prefix, List<String> list) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private static boolean sameFile(BasicFileAttributes a, BasicFileAttributes b) {
        return a.fileKey() != null && a.fileKey().equals(b.fileKey());
    }

    // ---------------------------------------------------------------- cwd

    /** The guest cwd as a guest path ({@code "/"}, {@code "/sub"}), never a host path. */
    public String getcwd() {
        return SandboxPaths.guestPath(cwd);
    }

    /**
     * Writes the cwd and a NUL into {@code buf[off, off+len)}; the length including the NUL,
     * or -ERANGE if it does not fit (nothing written then).
     */
    public int getcwd(byte[] buf, int off, int len) {
        byte[] s = getcwd().getBytes(StandardCharsets.UTF_8);
        if (len < s.length + 1) {
            return -Errno.ERANGE;
        }
        try {
            checkRange(buf, off, s.length + 1);
        } catch (FsError e) {
            return -e.errno();
        }
        System.arraycopy(s, 0, buf, off, s.length);
        buf[off + s.length] = 0;
        return s.length + 1;
    }

    // ---------------------------------------------------------------- directories

    /** Opens a directory iterator; a fd ≥ 3 or -errno. */
    public int opendir(byte[] path) {
        return errno(() -> {
            SandboxPaths.Resolved r = paths.resolve(path, cwd, true);
            BasicFileAttributes a = SandboxPaths.lstat(r.host());
            if (a == null) {
                return -Errno.ENOENT;
            }
            if (!a.isDirectory()) {
                return -Errno.ENOTDIR;
            }
            fds.checkCapacity();
            paths.checkStillInside(r.host());
            DirHandle d = new DirHandle(r.host());
            d.load(); // the snapshot is taken now, so permission errors show here
            return fds.add(d);
        });
    }

    /**
     * Writes the next entry into {@code out[0, 260)} ({@link DirentLayout}); 0 entry, 1 end,
     * -errno. An entry whose name is longer than 254 bytes gives -ENAMETOOLONG and is
     * skipped (the next call returns the entry after it).
     */
    public int readdir(int dirFd, byte[] out) {
        return errno(() -> {
            DirHandle d = fds.get(dirFd, DirHandle.class);
            checkRange(out, 0, DirentLayout.SIZE);
            DirHandle.Entry e = d.next();
            if (e == null) {
                return 1;
            }
            if (e.name().length > DirentLayout.MAX_NAME) {
                return -Errno.ENAMETOOLONG;
            }
            DirentLayout.encode(e.ino(), e.type(), e.name(), out, 0);
            return 0;
        });
    }

    /** Closes a directory fd; -EBADF for a file or stream fd. */
    public int closedir(int dirFd) {
        return errno(() -> {
            fds.get(dirFd, DirHandle.class);
            fds.close(dirFd);
            return 0;
        });
    }

    // ---------------------------------------------------------------- lifetime

    /** Number of open fds, 0–2 included (for tests and diagnostics). */
    public int openFdCount() {
        return fds.openCount();
    }

    /** Releases every host handle of the run (the embedder's streams are flushed, not closed). */
    public void closeAll() {
        fds.closeAll();
    }

    @Override
    public void close() {
        closeAll();
    }

    // ---------------------------------------------------------------- helpers

    /** The body of a public operation: its result, or a failure it throws. */
    @FunctionalInterface
    private interface Operation {
        int run() throws FsError, IOException;
    }

    /** Runs {@code operation}, mapping what it throws to -errno: the façade never throws. */
    private static int errno(Operation operation) {
        try {
            return operation.run();
        } catch (FsError e) {
            return -e.errno();
        } catch (IOException | RuntimeException e) {
            return -Errno.of(e);
        }
    }

    private static void checkRange(byte[] buf, int off, int len) throws FsError {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            throw new FsError(Errno.EFAULT);
        }
    }

    /** Sets the owner rwx bits of {@code p} to those of {@code mode} where the host has POSIX permissions. */
    private static void setOwnerBits(Path p, int mode) {
        PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (v == null) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            perms.addAll(v.readAttributes().permissions());
            perms.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if ((mode & 0400) != 0) {
                perms.add(PosixFilePermission.OWNER_READ);
            }
            if ((mode & 0200) != 0) {
                perms.add(PosixFilePermission.OWNER_WRITE);
            }
            if ((mode & 0100) != 0) {
                perms.add(PosixFilePermission.OWNER_EXECUTE);
            }
            v.setPermissions(perms);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // best effort: the file exists, only its mode could not be set
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing to report
        }
    }
}
