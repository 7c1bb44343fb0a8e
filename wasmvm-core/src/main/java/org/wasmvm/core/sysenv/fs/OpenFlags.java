package org.wasmvm.core.sysenv.fs;

/** The {@code open} flags and {@code lseek} whence values of the sysenv ABI (Linux numbers). */
public final class OpenFlags {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_ACCMODE = 3;
    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_TRUNC = 0x200;
    public static final int O_APPEND = 0x400;
    public static final int O_DIRECTORY = 0x10000;

    /** Every bit the ABI knows; any other bit makes {@code open} fail with -EINVAL. */
    public static final int KNOWN = O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_DIRECTORY;

    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;

    private OpenFlags() {
    }

    /** Unknown bits, or the access mode 3 (which Linux does not allow for files either). */
    public static boolean isValid(int flags) {
        return (flags & ~KNOWN) == 0 && (flags & O_ACCMODE) != O_ACCMODE;
    }

    public static boolean readable(int flags) {
        int acc = flags & O_ACCMODE;
        return acc == O_RDONLY || acc == O_RDWR;
    }

    public static boolean writable(int flags) {
        int acc = flags & O_ACCMODE;
        return acc == O_WRONLY || acc == O_RDWR;
    }
}
