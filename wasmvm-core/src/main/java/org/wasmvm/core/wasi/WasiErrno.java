package org.wasmvm.core.wasi;

import org.wasmvm.core.sandbox.Errno;


/**
 * WASI preview1 errno values ({@code $errno} in wasi_snapshot_preview1.witx). They are not the
 * Linux numbers of the sandbox ({@link Errno}): {@link #fromLinux} translates.
 */
public final class WasiErrno {
    public static final int SUCCESS = 0;
    public static final int TOOBIG = 1;
    public static final int ACCES = 2;
    public static final int AGAIN = 6;
    public static final int BADF = 8;
    public static final int BUSY = 10;
    public static final int EXIST = 20;
    public static final int FAULT = 21;
    public static final int FBIG = 22;
    public static final int ILSEQ = 25;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int ISDIR = 31;
    public static final int LOOP = 32;
    public static final int MFILE = 33;
    public static final int MLINK = 34;
    public static final int NAMETOOLONG = 37;
    public static final int NOBUFS = 42;
    public static final int NOENT = 44;
    public static final int NOMEM = 48;
    public static final int NOSPC = 51;
    public static final int NOSYS = 52;
    public static final int NOTDIR = 54;
    public static final int NOTEMPTY = 55;
    public static final int NOTSOCK = 57;
    public static final int NOTSUP = 58;
    public static final int NOTTY = 59;
    public static final int OVERFLOW = 61;
    public static final int PERM = 63;
    public static final int RANGE = 68;
    public static final int ROFS = 69;
    public static final int SPIPE = 70;
    public static final int XDEV = 75;
    public static final int NOTCAPABLE = 76;

    private WasiErrno() {
    }

    /** The WASI value of a Linux errno ({@link Errno}); an escape from the sandbox (EACCES) is NOTCAPABLE. */
    public static int fromLinux(int errno) {
        return switch (errno) {
            case Errno.EPERM -> PERM;
            case Errno.ENOENT -> NOENT;
            case Errno.EBADF -> BADF;
            case Errno.EAGAIN -> AGAIN;
            case Errno.ENOMEM -> NOMEM;
            case Errno.EACCES -> NOTCAPABLE;
            case Errno.EFAULT -> FAULT;
            case Errno.EBUSY -> BUSY;
            case Errno.EEXIST -> EXIST;
            case Errno.EXDEV -> XDEV;
            case Errno.ENOTDIR -> NOTDIR;
            case Errno.EISDIR -> ISDIR;
            case Errno.EINVAL -> INVAL;
            case Errno.EMFILE -> MFILE;
            case Errno.EFBIG -> FBIG;
            case Errno.ENOSPC -> NOSPC;
            case Errno.ESPIPE -> SPIPE;
            case Errno.EROFS -> ROFS;
            case Errno.ERANGE -> RANGE;
            case Errno.ENAMETOOLONG -> NAMETOOLONG;
            case Errno.ENOSYS -> NOSYS;
            case Errno.ENOTEMPTY -> NOTEMPTY;
            case Errno.ELOOP -> LOOP;
            default -> IO;
        };
    }

    /** The WASI value for a host failure (a real permission problem is ACCES here, not an escape). */
    public static int of(Throwable t) {
        int errno = Errno.of(t);
        return errno == Errno.EACCES ? ACCES : fromLinux(errno);
    }
}
