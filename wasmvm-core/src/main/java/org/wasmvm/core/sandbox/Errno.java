package org.wasmvm.core.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * Errno values as Linux x86-64 numbers them, fixed on every host OS, and the mapping of host
 * exceptions onto them: the failure vocabulary of the sandbox. sysenv's ABI uses these numbers as
 * they are (DESIGN §3; results of the sys_fs calls are {@code -errno}); WASI translates them.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int EXDEV = 18;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int EMFILE = 24;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int ESPIPE = 29;
    public static final int EROFS = 30;
    public static final int ERANGE = 34;
    public static final int ENAMETOOLONG = 36;
    public static final int ENOSYS = 38;
    public static final int ENOTEMPTY = 39;
    public static final int ELOOP = 40;

    private Errno() {
    }

    /**
     * The errno (positive) for a host failure. Never throws; anything unrecognised is
     * {@link #EIO}.
     */
    public static int of(Throwable t) {
        if (t instanceof FsError e) {
            return e.errno();
        }
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause());
        }
        if (t instanceof NoSuchFileException) {
            return ENOENT;
        }
        if (t instanceof AccessDeniedException) {
            return EACCES;
        }
        if (t instanceof FileAlreadyExistsException) {
            return EEXIST;
        }
        if (t instanceof DirectoryNotEmptyException) {
            return ENOTEMPTY;
        }
        if (t instanceof NotDirectoryException) {
            return ENOTDIR;
        }
        if (t instanceof FileSystemLoopException) {
            return ELOOP;
        }
        if (t instanceof NotLinkException) {
            return EINVAL;
        }
        if (t instanceof ClosedChannelException) {
            return EBADF;
        }
        if (t instanceof ReadOnlyFileSystemException) {
            return EROFS;
        }
        if (t instanceof InvalidPathException) {
            return EINVAL;
        }
        if (t instanceof OutOfMemoryError) {
            return ENOMEM;
        }
        if (t instanceof FileSystemException fse) {
            int fromReason = fromReason(fse.getReason());
            if (fromReason != 0) {
                return fromReason;
            }
        }
        if (t instanceof IOException io) {
            int fromReason = fromReason(io.getMessage());
            if (fromReason != 0) {
                return fromReason;
            }
            return EIO;
        }
        if (t instanceof SecurityException) {
            return EACCES;
        }
        return EIO;
    }

    /** Host messages (strerror text) that name a condition we have a value for; 0 if none. */
    private static int fromReason(String reason) {
        if (reason == null) {
            return 0;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("no space left") || r.contains("disk full") || r.contains("not enough space")
                || r.contains("quota")) {
            return ENOSPC;
        }
        if (r.contains("too many levels of symbolic links")) {
            return ELOOP;
        }
        if (r.contains("not a directory")) {
            return ENOTDIR;
        }
        if (r.contains("is a directory")) {
            return EISDIR;
        }
        if (r.contains("file name too long")) {
            return ENAMETOOLONG;
        }
        if (r.contains("read-only file system")) {
            return EROFS;
        }
        if (r.contains("too many open files")) {
            return EMFILE;
        }
        if (r.contains("file too large")) {
            return EFBIG;
        }
        if (r.contains("invalid cross-device link")) {
            return EXDEV;
        }
        if (r.contains("directory not empty")) {
            return ENOTEMPTY;
        }
        if (r.contains("device or resource busy")) {
            return EBUSY;
        }
        if (r.contains("permission denied") || r.contains("operation not permitted")) {
            return EACCES;
        }
        return 0;
    }
}
