package org.wasmvm.core.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.sandbox.StandardStream;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * The {@code fd_*} calls of one run over its {@link WasiFdTable}; {@link WasiPathOps} does the
 * {@code path_*} calls. The preopened directories are the sandbox's roots: the run's root as
 * {@code /} (fd 3), then the extra mappings. Every failure is a {@link WasiException}.
 */
final class WasiFileSystem implements AutoCloseable {
    static final int FDFLAG_APPEND = 1;
    static final int FDFLAG_DSYNC = 2;
    static final int FDFLAG_NONBLOCK = 4;
    static final int FDFLAG_RSYNC = 8;
    static final int FDFLAG_SYNC = 16;

    static final int DIRENT_SIZE = 24;

    /**
     * Each guest thread's buffer between files and memory: direct, so a read or write of a file copies once
     * between the kernel and the guest's memory, with nothing allocated per call.
     */
    private static final ThreadLocal<ByteBuffer> TRANSFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));

    final WasiFdTable fds = new WasiFdTable();

    /**
     * @param root the run's root, preopened as {@code /}; null for none (only {@code mappings})
     * @param mappings further preopens, in order
     * @param streams fds 0, 1 and 2
     * @throws IllegalArgumentException when a directory does not exist
     */
    WasiFileSystem(Path root, List<DirectoryMapping> mappings, StandardStreams streams) {
        fds.add(WasiFd.stream(streams.stdin()));
        fds.add(WasiFd.stream(streams.stdout()));
        fds.add(WasiFd.stream(streams.stderr()));
        if (root != null) {
            preopen(new DirectoryMapping(root, "/", false));
        }
        mappings.forEach(this::preopen);
    }

    private void preopen(DirectoryMapping mapping) {
        Path real;
        try {
            real = mapping.host().toAbsolutePath().toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("directory does not exist: " + mapping.host(), e);
        }
        if (!Files.isDirectory(real)) {
            throw new IllegalArgumentException("not a directory: " + mapping.host());
        }
        long mask = mapping.readOnly() ? ~WasiRights.MODIFYING : -1L;
        fds.add(WasiFd.directory(real, mapping.guest(), WasiRights.DIRECTORY & mask,
                (WasiRights.DIRECTORY | WasiRights.FILE) & mask));
    }

    // ------------------------------------------------------------------ reading and writing

    record Iovec(long buf, int len) {
    }

    static List<Iovec> iovecs(WasiMemory memory, long iovs, int count) {
        if (count < 0) {
            throw new WasiException(WasiErrno.INVAL);
        }
        memory.check(iovs, 8L * count);
        List<Iovec> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long buf = WasiMemory.address(memory.u32(iovs + 8L * i));
            long len = WasiMemory.address(memory.u32(iovs + 8L * i + 4));
            memory.check(buf, len);
            list.add(new Iovec(buf, (int) len));
        }
        return list;
    }

    /** fd_read / fd_pread ({@code offset} ≥ 0); returns the bytes read. */
    long read(WasiMemory memory, int fd, List<Iovec> iovs, long offset) throws IOException {
        WasiFd f = fds.get(fd);
        if (f.kind == WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.ISDIR);
        }
        f.require(offset >= 0 ? WasiRights.FD_READ | WasiRights.FD_SEEK : WasiRights.FD_READ);
        if (f.kind == WasiFd.Kind.STREAM) {
            if (offset >= 0) {
                throw new WasiException(WasiErrno.SPIPE);
            }
            if (!f.stream.readable()) {
                throw new WasiException(WasiErrno.BADF);
            }
            return readStream(memory, f.stream, iovs);
        }
        checkAll(memory, iovs);
        FileChannel channel = f.channel();
        ByteBuffer buffer = TRANSFER.get();
        long total = 0;
        for (Iovec iov : iovs) {
            int done = 0;
            while (done < iov.len()) {
                buffer.clear().limit(Math.min(buffer.capacity(), iov.len() - done));
                int n = offset >= 0 ? channel.read(buffer, offset + total + done) : channel.read(buffer);
                if (n <= 0) {
                    break;
                }
                memory.write(iov.buf() + done, buffer.flip());
                done += n;
            }
            total += done;
            if (done < iov.len()) {
                break;
            }
        }
        return total;
    }

    /** Every buffer of a read or write in the guest's memory, checked before a byte moves. */
    private static void checkAll(WasiMemory memory, List<Iovec> iovs) {
        for (Iovec iov : iovs) {
            memory.check(iov.buf(), iov.len());
        }
    }

    private static long readStream(WasiMemory memory, StandardStream in, List<Iovec> iovs) throws IOException {
        long total = 0;
        for (Iovec iov : iovs) {
            if (iov.len() == 0) {
                continue;
            }
            if (total > 0 && in.available() <= 0) {
                break;
            }
            byte[] tmp = new byte[iov.len()];
            int n = in.read(tmp, 0, tmp.length);
            if (n <= 0) {
                break;
            }
            memory.write(iov.buf(), tmp, 0, n);
            total += n;
            if (n < tmp.length) {
                break;
            }
        }
        return total;
    }

    /** fd_write / fd_pwrite ({@code offset} ≥ 0); returns the bytes written. */
    long write(WasiMemory memory, int fd, List<Iovec> iovs, long offset) throws IOException {
        WasiFd f = fds.get(fd);
        if (f.kind == WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.ISDIR);
        }
        f.require(offset >= 0 ? WasiRights.FD_WRITE | WasiRights.FD_SEEK : WasiRights.FD_WRITE);
        long length = 0;
        for (Iovec iov : iovs) {
            length += iov.len();
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new WasiException(WasiErrno.INVAL);
        }
        checkAll(memory, iovs);
        if (f.kind == WasiFd.Kind.STREAM) {
            if (offset >= 0) {
                throw new WasiException(WasiErrno.SPIPE);
            }
            if (!f.stream.writable()) {
                throw new WasiException(WasiErrno.BADF);
            }
            // gathered into one array: a stream takes a write whole (another thread's output does not cut into it)
            byte[] data = new byte[(int) length];
            int at = 0;
            for (Iovec iov : iovs) {
                memory.read(iov.buf(), ByteBuffer.wrap(data, at, iov.len()));
                at += iov.len();
            }
            return f.stream.write(data, 0, data.length);
        }
        FileChannel channel = f.channel();
        if (offset < 0 && (f.fdflags & FDFLAG_APPEND) != 0) {
            channel.position(channel.size());
        }
        ByteBuffer buffer = TRANSFER.get();
        long written = 0;
        for (Iovec iov : iovs) {
            for (int done = 0; done < iov.len(); ) {
                buffer.clear().limit(Math.min(buffer.capacity(), iov.len() - done));
                memory.read(iov.buf() + done, buffer);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    int n = offset >= 0 ? channel.write(buffer, offset + written) : channel.write(buffer);
                    written += n;
                    done += n;
                }
            }
        }
        return written;
    }

    // ------------------------------------------------------------------ position

    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    long seek(int fd, long offset, int whence) throws IOException {
        WasiFd f = fds.get(fd);
        if (f.kind == WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.ISDIR);
        }
        f.require(whence == WHENCE_CUR && offset == 0 ? WasiRights.FD_TELL : WasiRights.FD_SEEK);
        if (f.kind == WasiFd.Kind.STREAM) {
            throw new WasiException(WasiErrno.SPIPE);
        }
        FileChannel channel = f.channel();
        long base = switch (whence) {
            case WHENCE_SET -> 0;
            case WHENCE_CUR -> channel.position();
            case WHENCE_END -> channel.size();
            default -> throw new WasiException(WasiErrno.INVAL);
        };
        long target = base + offset;
        if (target < 0 || (offset > 0 && target < base)) {
            throw new WasiException(WasiErrno.INVAL);
        }
        channel.position(target);
        return target;
    }

    long tell(int fd) throws IOException {
        WasiFd f = fds.get(fd);
        if (f.kind == WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.ISDIR);
        }
        f.require(WasiRights.FD_TELL);
        if (f.kind == WasiFd.Kind.STREAM) {
            throw new WasiException(WasiErrno.SPIPE);
        }
        return f.channel().position();
    }

    // ------------------------------------------------------------------ fd state

    void close(int fd) {
        fds.close(fd);
    }

    void renumber(int from, int to) {
        fds.renumber(from, to);
    }

    void sync(int fd, boolean metadata) throws IOException {
        WasiFd f = fds.get(fd);
        f.require(metadata ? WasiRights.FD_SYNC : WasiRights.FD_DATASYNC);
        if (f.kind == WasiFd.Kind.FILE && f.channel != null) {
            f.channel.force(metadata);
        } else if (f.kind == WasiFd.Kind.STREAM && f.stream.writable()) {
            f.stream.flush();
        }
    }

    void advise(int fd, long offset, long length, int advice) {
        WasiFd f = fds.get(fd);
        if (advice < 0 || advice > 5) {
            throw new WasiException(WasiErrno.INVAL);
        }
        if (f.kind == WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.BADF);
        }
        f.require(WasiRights.FD_ADVISE);
        if (offset < 0 || length < 0) {
            throw new WasiException(WasiErrno.INVAL);
        }
        if (f.kind == WasiFd.Kind.STREAM) {
            throw new WasiException(WasiErrno.SPIPE);
        }
        // Advice only; nothing to do.
    }

    void allocate(int fd, long offset, long length) throws IOException {
        WasiFd f = fds.get(fd);
        if (f.kind == WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.BADF);
        }
        f.require(WasiRights.FD_ALLOCATE);
        if (offset < 0 || length <= 0 || offset + length < 0) {
            throw new WasiException(WasiErrno.INVAL);
        }
        FileChannel channel = f.channel();
        long end = offset + length;
        if (channel.size() < end) {
            channel.write(ByteBuffer.wrap(new byte[1]), end - 1);
        }
    }

    /** fd_fdstat_get: {@code $fdstat} (24 bytes). */
    void fdstat(WasiMemory memory, int fd, long address) throws IOException {
        WasiFd f = fds.get(fd);
        memory.check(address, 24);
        int type = switch (f.kind) {
            case STREAM -> f.streamType();
            case DIRECTORY -> WasiStat.DIRECTORY;
            case FILE -> WasiStat.REGULAR_FILE;
        };
        memory.zero(address, 24);
        memory.putU8(address, type);
        memory.putU16(address + 2, f.fdflags);
        memory.putU64(address + 8, f.rightsBase);
        memory.putU64(address + 16, f.rightsInheriting);
    }

    void setFdflags(int fd, int flags) {
        WasiFd f = fds.get(fd);
        f.require(WasiRights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~0x1F) != 0) {
            throw new WasiException(WasiErrno.INVAL);
        }
        if (f.kind != WasiFd.Kind.FILE && (flags & FDFLAG_APPEND) != 0) {
            throw new WasiException(f.kind == WasiFd.Kind.DIRECTORY ? WasiErrno.BADF : WasiErrno.NOTSUP);
        }
        f.fdflags = flags;
    }

    void setRights(int fd, long base, long inheriting) {
        WasiFd f = fds.get(fd);
        if ((base & ~f.rightsBase) != 0 || (inheriting & ~f.rightsInheriting) != 0) {
            throw new WasiException(WasiErrno.NOTCAPABLE);
        }
        f.rightsBase = base;
        f.rightsInheriting = inheriting;
    }

    WasiStat.Stat filestat(int fd) throws IOException {
        WasiFd f = fds.get(fd);
        f.require(WasiRights.FD_FILESTAT_GET);
        if (f.kind == WasiFd.Kind.STREAM) {
            return WasiStat.Stat.stream(f.streamType());
        }
        try {
            WasiStat.Stat s = WasiStat.of(f.host, true);
            if (f.channel != null) {
                return new WasiStat.Stat(s.dev(), s.ino(), s.filetype(), s.nlink(), f.channel.size(), s.atim(),
                        s.mtim(), s.ctim());
            }
            return s;
        } catch (WasiException e) {
            if (f.channel == null) {
                throw e;
            }
            // the file was unlinked or renamed while open: what the channel still knows
            return new WasiStat.Stat(0, f.host.hashCode() & 0xFFFF_FFFFL, WasiStat.REGULAR_FILE, 0,
                    f.channel.size(), 0, 0, 0);
        }
    }

    void setSize(int fd, long size) throws IOException {
        WasiFd f = fds.get(fd);
        if (f.kind == WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.ISDIR);
        }
        f.require(WasiRights.FD_FILESTAT_SET_SIZE);
        if (size < 0) {
            throw new WasiException(WasiErrno.INVAL);
        }
        FileChannel channel = f.channel();
        long current = channel.size();
        if (size < current) {
            channel.truncate(size);
        } else if (size > current) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    void setTimes(int fd, long atim, long mtim, int fstflags) throws IOException {
        WasiFd f = fds.get(fd);
        f.require(WasiRights.FD_FILESTAT_SET_TIMES);
        WasiStat.checkFstflags(fstflags);
        if (f.kind == WasiFd.Kind.STREAM) {
            return;
        }
        WasiStat.setTimes(f.host, true, atim, mtim, fstflags);
    }

    // ------------------------------------------------------------------ preopens

    /** fd_prestat_get: {@code $prestat} (8 bytes: tag 0 = dir, name length). */
    void prestat(WasiMemory memory, int fd, long address) {
        WasiFd f = fds.get(fd);
        if (f.preopenName == null) {
            throw new WasiException(WasiErrno.BADF);
        }
        memory.check(address, 8);
        memory.zero(address, 8);
        memory.putU32(address + 4, f.preopenName.getBytes(StandardCharsets.UTF_8).length);
    }

    void prestatDirName(WasiMemory memory, int fd, long address, int length) {
        WasiFd f = fds.get(fd);
        if (f.preopenName == null) {
            throw new WasiException(WasiErrno.BADF);
        }
        byte[] name = f.preopenName.getBytes(StandardCharsets.UTF_8);
        if (Integer.toUnsignedLong(length) < name.length) {
            throw new WasiException(WasiErrno.NAMETOOLONG);
        }
        memory.write(address, name);
    }

    // ------------------------------------------------------------------ directories

    /** fd_readdir: entries from {@code cookie} on ({@code .} and {@code ..} first, then by name); the bytes used. */
    int readdir(WasiMemory memory, int fd, long buf, int bufLen, long cookie) throws IOException {
        WasiFd f = fds.get(fd);
        if (f.kind != WasiFd.Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.NOTDIR);
        }
        f.require(WasiRights.FD_READDIR);
        memory.check(buf, Integer.toUnsignedLong(bufLen));
        List<byte[]> names = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        names.add(".".getBytes(StandardCharsets.US_ASCII));
        paths.add(f.host);
        names.add("..".getBytes(StandardCharsets.US_ASCII));
        paths.add(f.host.getParent() != null ? f.host.getParent() : f.host);
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.host)) {
            ds.forEach(children::add);
        }
        children.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
        for (Path c : children) {
            names.add(utf8(c));
            paths.add(c);
        }
        long used = 0;
        long limit = Integer.toUnsignedLong(bufLen);
        for (long i = cookie; i < names.size() && used < limit; i++) {
            byte[] name = names.get((int) i);
            int type;
            long ino;
            try {
                WasiStat.Stat s = WasiStat.of(paths.get((int) i), false);
                type = s.filetype();
                ino = s.ino();
            } catch (WasiException e) {
                continue; // removed meanwhile
            }
            byte[] entry = new byte[DIRENT_SIZE + name.length];
            ByteBuffer bb = ByteBuffer.wrap(entry).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bb.putLong(0, i + 1);
            bb.putLong(8, ino);
            bb.putInt(16, name.length);
            bb.put(20, (byte) type);
            System.arraycopy(name, 0, entry, DIRENT_SIZE, name.length);
            int n = (int) Math.min(entry.length, limit - used);
            memory.write(buf + used, entry, 0, n);
            used += n;
        }
        return (int) used;
    }

    private static byte[] utf8(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }

    boolean isDirectory(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void close() {
        fds.close();
    }
}
