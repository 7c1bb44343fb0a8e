package org.wasmvm.core.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/** {@code $filestat} (64 bytes) and {@code $filetype}, read from the host; and setting times ({@code $fstflags}). */
final class WasiStat {
    static final int SIZE = 64;

    static final int UNKNOWN = 0;
    static final int BLOCK_DEVICE = 1;
    static final int CHARACTER_DEVICE = 2;
    static final int DIRECTORY = 3;
    static final int REGULAR_FILE = 4;
    static final int SOCKET_STREAM = 6;
    static final int SYMBOLIC_LINK = 7;

    static final int ATIM = 1;
    static final int ATIM_NOW = 2;
    static final int MTIM = 4;
    static final int MTIM_NOW = 8;

    private static volatile boolean unixView = true;

    record Stat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {
        /** What fds 0–2 report: their type, nothing else. */
        static Stat stream(int filetype) {
            return new Stat(0, 0, filetype, 1, 0, 0, 0, 0);
        }

        void write(WasiMemory memory, long address) {
            memory.check(address, SIZE);
            memory.putU64(address, dev);
            memory.putU64(address + 8, ino);
            memory.putU8(address + 16, filetype);
            memory.write(address + 17, new byte[7]);
            memory.putU64(address + 24, nlink);
            memory.putU64(address + 32, size);
            memory.putU64(address + 40, atim);
            memory.putU64(address + 48, mtim);
            memory.putU64(address + 56, ctim);
        }
    }

    private WasiStat() {
    }

    /** The status of {@code path}; NOENT when it does not exist. */
    static Stat of(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, options);
            long dev = 0;
            long ino = basic.fileKey() != null ? basic.fileKey().hashCode() & 0xFFFF_FFFFL : path.hashCode();
            long nlink = 1;
            long ctim = nanos(basic.lastModifiedTime());
            int type = filetype(basic);
            if (unixView) {
                try {
                    Map<String, Object> unix = Files.readAttributes(path, "unix:dev,ino,nlink,ctime,mode", options);
                    dev = ((Number) unix.get("dev")).longValue();
                    ino = ((Number) unix.get("ino")).longValue();
                    nlink = ((Number) unix.get("nlink")).longValue();
                    ctim = nanos((FileTime) unix.get("ctime"));
                    if (type == UNKNOWN) {
                        type = fromMode(((Number) unix.get("mode")).intValue());
                    }
                } catch (UnsupportedOperationException | IllegalArgumentException e) {
                    unixView = false;
                }
            }
            return new Stat(dev, ino, type, nlink, basic.size(), nanos(basic.lastAccessTime()),
                    nanos(basic.lastModifiedTime()), ctim);
        } catch (NoSuchFileException e) {
            throw new WasiException(WasiErrno.NOENT);
        }
    }

    static int filetype(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        if (a.isDirectory()) {
            return DIRECTORY;
        }
        if (a.isRegularFile()) {
            return REGULAR_FILE;
        }
        return UNKNOWN;
    }

    private static int fromMode(int mode) {
        return switch (mode & 0170000) {
            case 0020000 -> CHARACTER_DEVICE;
            case 0060000 -> BLOCK_DEVICE;
            case 0140000 -> SOCKET_STREAM;
            default -> UNKNOWN;
        };
    }

    static long nanos(FileTime time) {
        if (time == null) {
            return 0;
        }
        Instant i = time.toInstant();
        try {
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (ArithmeticException e) {
            return i.getEpochSecond() < 0 ? 0 : Long.MAX_VALUE;
        }
    }

    /** INVAL for unknown bits or a time given both explicitly and as "now". */
    static void checkFstflags(int fstflags) {
        if ((fstflags & ~0xF) != 0 || (fstflags & (ATIM | ATIM_NOW)) == (ATIM | ATIM_NOW)
                || (fstflags & (MTIM | MTIM_NOW)) == (MTIM | MTIM_NOW)) {
            throw new WasiException(WasiErrno.INVAL);
        }
    }

    static void setTimes(Path path, boolean follow, long atim, long mtim, int fstflags) throws IOException {
        checkFstflags(fstflags);
        FileTime now = FileTime.from(Instant.now());
        FileTime access = (fstflags & ATIM_NOW) != 0 ? now : (fstflags & ATIM) != 0 ? fromNanos(atim) : null;
        FileTime modified = (fstflags & MTIM_NOW) != 0 ? now : (fstflags & MTIM) != 0 ? fromNanos(mtim) : null;
        if (access == null && modified == null) {
            return;
        }
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributeView view = Files.getFileAttributeView(path, BasicFileAttributeView.class, options);
        try {
            view.setTimes(modified, access, null);
        } catch (NoSuchFileException e) {
            throw new WasiException(WasiErrno.NOENT);
        }
    }

    private static FileTime fromNanos(long nanos) {
        return FileTime.from(Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L),
                Long.remainderUnsigned(nanos, 1_000_000_000L)));
    }
}
