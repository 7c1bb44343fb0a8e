package org.wasmvm.core.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wasmvm.core.sandbox.FsError;
import org.wasmvm.core.sandbox.HostRename;
import org.wasmvm.core.sandbox.SandboxPaths;

/**
 * The {@code path_*} calls. A path is resolved beneath its directory fd with the sandbox's
 * resolver ({@link SandboxPaths}): absolute paths, a {@code ..} above the directory and
 * symlinks leading out of it are refused with {@code NOTCAPABLE}, as wasmtime does.
 */
final class WasiPathOps {
    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    static final int OFLAG_CREAT = 1;
    static final int OFLAG_DIRECTORY = 2;
    static final int OFLAG_EXCL = 4;
    static final int OFLAG_TRUNC = 8;

    private static final long WRITE_RIGHTS = WasiRights.FD_WRITE | WasiRights.FD_ALLOCATE
            | WasiRights.FD_FILESTAT_SET_SIZE;

    private final WasiFdTable fds;

    WasiPathOps(WasiFdTable fds) {
        this.fds = fds;
    }

    private record Target(WasiFd dir, SandboxPaths.Resolved path) {
        Path host() {
            return path.host();
        }
    }

    /** The directory fd (NOTDIR if it is none, NOTCAPABLE without {@code rights}) and the resolved path. */
    private Target resolve(int dirFd, byte[] path, boolean follow, long rights) {
        WasiFd dir = fds.get(dirFd);
        SandboxPaths resolver = dir.directory();
        dir.require(rights);
        if (path.length > 0 && path[0] == '/') {
            throw new WasiException(WasiErrno.NOTCAPABLE);
        }
        try {
            return new Target(dir, resolver.resolve(path, List.of(), follow));
        } catch (FsError e) {
            throw new WasiException(WasiErrno.fromLinux(e.errno()));
        }
    }

    private static void stillInside(Target t) {
        try {
            t.dir().directory.checkStillInside(t.host());
        } catch (FsError e) {
            throw new WasiException(WasiErrno.fromLinux(e.errno()));
        }
    }

    // ------------------------------------------------------------------ path_open

    WasiFd open(int dirFd, int lookupFlags, byte[] path, int oflags, long base, long inheriting, int fdflags)
            throws IOException {
        boolean creat = (oflags & OFLAG_CREAT) != 0;
        boolean excl = (oflags & OFLAG_EXCL) != 0;
        boolean directory = (oflags & OFLAG_DIRECTORY) != 0;
        boolean trunc = (oflags & OFLAG_TRUNC) != 0;
        long required = WasiRights.PATH_OPEN;
        if (creat) {
            required |= WasiRights.PATH_CREATE_FILE;
        }
        if (trunc) {
            required |= WasiRights.PATH_FILESTAT_SET_SIZE;
        }
        if ((oflags & ~0xF) != 0 || (fdflags & ~0x1F) != 0) {
            throw new WasiException(WasiErrno.INVAL);
        }
        boolean follow = (lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0 && !(creat && excl);
        Target t = resolve(dirFd, path, follow, required);
        WasiFd dir = t.dir();
        BasicFileAttributes a = SandboxPaths.lstat(t.host());
        if (a != null && a.isSymbolicLink()) {
            if (creat && excl) {
                throw new WasiException(WasiErrno.EXIST);
            }
            throw new WasiException(directory ? WasiErrno.NOTDIR : WasiErrno.LOOP);
        }
        if (a != null && creat && excl) {
            throw new WasiException(WasiErrno.EXIST);
        }
        if (a != null && a.isDirectory()) {
            if (creat || trunc || (base & WasiRights.FD_WRITE) != 0) {
                throw new WasiException(WasiErrno.ISDIR);
            }
            if ((fdflags & WasiFileSystem.FDFLAG_APPEND) != 0) {
                throw new WasiException(WasiErrno.ISDIR);
            }
            stillInside(t);
            return WasiFd.directory(t.host().toRealPath(), null, base & dir.rightsInheriting & WasiRights.DIRECTORY,
                    inheriting & dir.rightsInheriting);
        }
        if (a == null) {
            if (!creat) {
                throw new WasiException(WasiErrno.NOENT);
            }
            if (directory) {
                throw new WasiException(WasiErrno.INVAL);
            }
            if (t.path().mustBeDir()) {
                throw new WasiException(WasiErrno.ISDIR);
            }
        } else {
            if (directory || t.path().mustBeDir()) {
                throw new WasiException(WasiErrno.NOTDIR);
            }
            if (!a.isRegularFile()) {
                throw new WasiException(WasiErrno.NOTSUP); // fifos, devices, sockets
            }
        }
        stillInside(t);
        long fileBase = base & dir.rightsInheriting & WasiRights.FILE;
        Set<OpenOption> options = new HashSet<>();
        boolean wantWrite = (fileBase & WRITE_RIGHTS) != 0;
        boolean wantRead = (fileBase & WasiRights.FD_READ) != 0 || !wantWrite;
        if (wantRead) {
            options.add(StandardOpenOption.READ);
        }
        if (wantWrite) {
            options.add(StandardOpenOption.WRITE);
        }
        if (a == null) {
            options.add(StandardOpenOption.CREATE_NEW);
            options.add(StandardOpenOption.WRITE);
        }
        if (trunc) {
            options.add(StandardOpenOption.WRITE);
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        options.add(LinkOption.NOFOLLOW_LINKS);
        FileChannel channel;
        try {
            channel = FileChannel.open(t.host(), options);
        } catch (FileAlreadyExistsException e) {
            throw new WasiException(WasiErrno.EXIST);
        } catch (AccessDeniedException e) {
            if (wantRead && !wantWrite && !trunc && a != null && (fileBase & WasiRights.FD_READ) == 0) {
                channel = null; // no rights to read or write anyway: an fd for metadata only
            } else {
                throw new WasiException(WasiErrno.ACCES);
            }
        }
        return WasiFd.file(t.host(), channel, fileBase, inheriting & dir.rightsInheriting & WasiRights.FILE, fdflags);
    }

    // ------------------------------------------------------------------ directories

    void createDirectory(int dirFd, byte[] path) throws IOException {
        Target t = resolve(dirFd, path, false, WasiRights.PATH_CREATE_DIRECTORY);
        if (t.path().isRoot() || t.path().lastDots() != null || SandboxPaths.lstat(t.host()) != null) {
            throw new WasiException(WasiErrno.EXIST);
        }
        stillInside(t);
        Files.createDirectory(t.host());
    }

    void removeDirectory(int dirFd, byte[] path) throws IOException {
        Target t = resolve(dirFd, path, false, WasiRights.PATH_REMOVE_DIRECTORY);
        if (".".equals(t.path().lastDots()) || t.path().isRoot()) {
            throw new WasiException(WasiErrno.INVAL);
        }
        if ("..".equals(t.path().lastDots())) {
            throw new WasiException(WasiErrno.NOTEMPTY);
        }
        BasicFileAttributes a = SandboxPaths.lstat(t.host());
        if (a == null) {
            throw new WasiException(WasiErrno.NOENT);
        }
        if (!a.isDirectory()) {
            throw new WasiException(WasiErrno.NOTDIR);
        }
        stillInside(t);
        if (!isEmpty(t.host())) {
            throw new WasiException(WasiErrno.NOTEMPTY);
        }
        Files.delete(t.host());
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    void unlinkFile(int dirFd, byte[] path) throws IOException {
        Target t = resolve(dirFd, path, false, WasiRights.PATH_UNLINK_FILE);
        if (t.path().isRoot() || t.path().lastDots() != null) {
            throw new WasiException(WasiErrno.ISDIR);
        }
        BasicFileAttributes a = SandboxPaths.lstat(t.host());
        if (a == null) {
            throw new WasiException(WasiErrno.NOENT);
        }
        if (a.isDirectory()) {
            throw new WasiException(WasiErrno.ISDIR);
        }
        if (t.path().mustBeDir()) {
            throw new WasiException(WasiErrno.NOTDIR);
        }
        stillInside(t);
        Files.delete(t.host());
    }

    // ------------------------------------------------------------------ names

    void rename(int oldFd, byte[] oldPath, int newFd, byte[] newPath) throws IOException {
        Target from = resolve(oldFd, oldPath, false, WasiRights.PATH_RENAME_SOURCE);
        Target to = resolve(newFd, newPath, false, WasiRights.PATH_RENAME_TARGET);
        if (from.path().isRoot() || to.path().isRoot() || from.path().lastDots() != null
                || to.path().lastDots() != null) {
            throw new WasiException(WasiErrno.BUSY);
        }
        BasicFileAttributes a = SandboxPaths.lstat(from.host());
        if (a == null) {
            throw new WasiException(WasiErrno.NOENT);
        }
        BasicFileAttributes b = SandboxPaths.lstat(to.host());
        if (a.isDirectory()) {
            if (to.host().startsWith(from.host()) && !to.host().equals(from.host())) {
                throw new WasiException(WasiErrno.INVAL);
            }
            if (b != null && !b.isDirectory()) {
                throw new WasiException(WasiErrno.NOTDIR);
            }
        } else {
            if (from.path().mustBeDir() || to.path().mustBeDir()) {
                throw new WasiException(WasiErrno.NOTDIR);
            }
            if (b != null && b.isDirectory()) {
                throw new WasiException(WasiErrno.ISDIR);
            }
        }
        if (b != null && (from.host().equals(to.host())
                || a.fileKey() != null && a.fileKey().equals(b.fileKey()))) {
            return;
        }
        if (b != null && b.isDirectory() && !isEmpty(to.host())) {
            throw new WasiException(WasiErrno.NOTEMPTY);
        }
        stillInside(from);
        stillInside(to);
        try {
            HostRename.replace(from.host(), to.host(), b != null && b.isDirectory());
        } catch (FsError e) {
            throw new WasiException(WasiErrno.fromLinux(e.errno()));
        }
    }

    void link(int oldFd, int oldFlags, byte[] oldPath, int newFd, byte[] newPath) throws IOException {
        Target from = resolve(oldFd, oldPath, (oldFlags & LOOKUP_SYMLINK_FOLLOW) != 0, WasiRights.PATH_LINK_SOURCE);
        Target to = resolve(newFd, newPath, false, WasiRights.PATH_LINK_TARGET);
        BasicFileAttributes a = SandboxPaths.lstat(from.host());
        if (a == null) {
            throw new WasiException(WasiErrno.NOENT);
        }
        if (a.isDirectory()) {
            throw new WasiException(WasiErrno.PERM);
        }
        if (from.path().mustBeDir()) {
            throw new WasiException(WasiErrno.NOTDIR);
        }
        if (to.path().isRoot() || to.path().lastDots() != null || SandboxPaths.lstat(to.host()) != null) {
            throw new WasiException(WasiErrno.EXIST);
        }
        if (to.path().mustBeDir()) {
            throw new WasiException(WasiErrno.NOENT);
        }
        stillInside(from);
        stillInside(to);
        Files.createLink(to.host(), from.host());
    }

    void symlink(byte[] target, int dirFd, byte[] newPath) throws IOException {
        Target link = resolve(dirFd, newPath, false, WasiRights.PATH_SYMLINK);
        String text = checkedTarget(target);
        BasicFileAttributes b = SandboxPaths.lstat(link.host());
        if (link.path().isRoot() || link.path().lastDots() != null || b != null) {
            throw new WasiException(WasiErrno.EXIST);
        }
        if (link.path().mustBeDir()) {
            throw new WasiException(WasiErrno.NOENT);
        }
        stillInside(link);
        Files.createSymbolicLink(link.host(), link.host().getFileSystem().getPath(text));
    }

    /** A symlink's contents: non-empty, no NUL, UTF-8, and never absolute (a guest path is never a host path). */
    private static String checkedTarget(byte[] target) {
        if (target.length == 0) {
            throw new WasiException(WasiErrno.NOENT);
        }
        for (byte b : target) {
            if (b == 0) {
                throw new WasiException(WasiErrno.INVAL);
            }
        }
        if (target[0] == '/') {
            throw new WasiException(WasiErrno.NOTCAPABLE);
        }
        return new String(target, StandardCharsets.UTF_8);
    }

    byte[] readlink(int dirFd, byte[] path) throws IOException {
        Target t = resolve(dirFd, path, false, WasiRights.PATH_READLINK);
        BasicFileAttributes a = SandboxPaths.lstat(t.host());
        if (a == null) {
            throw new WasiException(WasiErrno.NOENT);
        }
        if (!a.isSymbolicLink()) {
            throw new WasiException(WasiErrno.INVAL);
        }
        return Files.readSymbolicLink(t.host()).toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ status

    WasiStat.Stat filestat(int dirFd, int lookupFlags, byte[] path) throws IOException {
        Target t = resolve(dirFd, path, (lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0, WasiRights.PATH_FILESTAT_GET);
        WasiStat.Stat s = WasiStat.of(t.host(), false);
        if (t.path().mustBeDir() && s.filetype() != WasiStat.DIRECTORY) {
            throw new WasiException(WasiErrno.NOTDIR);
        }
        return s;
    }

    void setTimes(int dirFd, int lookupFlags, byte[] path, long atim, long mtim, int fstflags) throws IOException {
        WasiStat.checkFstflags(fstflags);
        Target t = resolve(dirFd, path, (lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0,
                WasiRights.PATH_FILESTAT_SET_TIMES);
        if (SandboxPaths.lstat(t.host()) == null) {
            throw new WasiException(WasiErrno.NOENT);
        }
        stillInside(t);
        WasiStat.setTimes(t.host(), false, atim, mtim, fstflags);
    }

}
