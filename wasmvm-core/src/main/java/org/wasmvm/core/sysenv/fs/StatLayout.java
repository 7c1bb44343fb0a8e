package org.wasmvm.core.sysenv.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The 56-byte {@code stat} record of the sysenv ABI, little-endian:
 * {@code 0 u32 dev | 4 u32 ino | 8 u32 mode | 12 u32 nlink | 16 u32 uid | 20 u32 gid |
 * 24 u64 size | 32 u64 atime_ns | 40 u64 mtime_ns | 48 u64 ctime_ns}.
 */
public final class StatLayout {
    public static final int SIZE = 56;

    public static final int S_IFMT = 0170000;
    /** fds 0–2 when the stream is not a terminal: a pipe. */
    public static final int S_IFIFO = 0010000;
    /** fds 0–2 when the stream is a terminal: a character device. */
    public static final int S_IFCHR = 0020000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;

    private StatLayout() {
    }

    /** The decoded fields; also what {@link #read} gathers from the host. */
    public record Stat(int dev, int ino, int mode, int nlink, int uid, int gid, long size,
                       long atimeNs, long mtimeNs, long ctimeNs) {
    }

    public static void encode(Stat s, byte[] out, int off) {
        Le.putInt(out, off, s.dev());
        Le.putInt(out, off + 4, s.ino());
        Le.putInt(out, off + 8, s.mode());
        Le.putInt(out, off + 12, s.nlink());
        Le.putInt(out, off + 16, s.uid());
        Le.putInt(out, off + 20, s.gid());
        Le.putLong(out, off + 24, s.size());
        Le.putLong(out, off + 32, s.atimeNs());
        Le.putLong(out, off + 40, s.mtimeNs());
        Le.putLong(out, off + 48, s.ctimeNs());
    }

    public static Stat decode(byte[] in, int off) {
        return new Stat(Le.getInt(in, off), Le.getInt(in, off + 4), Le.getInt(in, off + 8),
                Le.getInt(in, off + 12), Le.getInt(in, off + 16), Le.getInt(in, off + 20),
                Le.getLong(in, off + 24), Le.getLong(in, off + 32), Le.getLong(in, off + 40),
                Le.getLong(in, off + 48));
    }

    /**
     * Reads the host attributes of {@code p} (not following a final symlink when
     * {@code options} says so). dev/ino/nlink/uid/gid come from the "unix:" view where the
     * host has one; otherwise dev is 0, nlink 1, uid/gid 0 and ino a stable hash of the file
     * key (or of the path).
     */
    static Stat read(Path p, LinkOption... options) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, options);
        int type = a.isDirectory() ? S_IFDIR : a.isSymbolicLink() ? S_IFLNK : a.isRegularFile() ? S_IFREG : 0;
        int perms = a.isDirectory() ? 0755 : 0644;
        int dev = 0;
        int ino = 0;
        int nlink = 1;
        int uid = 0;
        int gid = 0;
        long ctime = nanos(a.lastModifiedTime());
        boolean haveIno = false;
        try {
            Map<String, Object> unix = Files.readAttributes(p, "unix:dev,ino,nlink,uid,gid,mode,ctime", options);
            dev = (int) ((Number) unix.get("dev")).longValue();
            ino = (int) ((Number) unix.get("ino")).longValue();
            nlink = ((Number) unix.get("nlink")).intValue();
            uid = ((Number) unix.get("uid")).intValue();
            gid = ((Number) unix.get("gid")).intValue();
            perms = ((Number) unix.get("mode")).intValue() & 07777;
            Object c = unix.get("ctime");
            if (c instanceof FileTime ft) {
                ctime = nanos(ft);
            }
            haveIno = true;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException
                 | NullPointerException e) {
            try {
                PosixFileAttributes pa = Files.readAttributes(p, PosixFileAttributes.class, options);
                perms = permBits(pa.permissions());
            } catch (UnsupportedOperationException | IOException e2) {
                // keep the defaults
            }
        }
        if (!haveIno) {
            Object key = a.fileKey();
            ino = key != null ? key.hashCode() : p.toAbsolutePath().normalize().toString().hashCode();
        }
        return new Stat(dev, ino, type | perms, nlink, uid, gid, a.isDirectory() ? a.size() : a.size(),
                nanos(a.lastAccessTime()), nanos(a.lastModifiedTime()), ctime);
    }

    static int permBits(Set<PosixFilePermission> ps) {
        int m = 0;
        for (PosixFilePermission p : ps) {
            m |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return m;
    }

    private static long nanos(FileTime t) {
        if (t == null) {
            return 0;
        }
        long secs = t.to(TimeUnit.SECONDS);
        long ns = t.to(TimeUnit.NANOSECONDS);
        // FileTime saturates at Long.MAX/MIN for times beyond ~292 years from the epoch
        return Math.abs(secs) < 9_000_000_000L ? ns : secs * 1_000_000_000L;
    }
}
