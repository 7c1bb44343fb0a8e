package org.wasmvm.core.sysenv;

import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;
import static org.wasmvm.core.sysenv.HostModule.type;

import java.nio.charset.StandardCharsets;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Store;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sysenv.fs.DirentLayout;
import org.wasmvm.core.sysenv.fs.GuestFileSystem;
import org.wasmvm.core.sysenv.fs.StatLayout;

/**
 * The {@code sys_fs} host module of one run: decodes the guest's pointers and lengths and
 * delegates to the run's {@link GuestFileSystem}, which owns the semantics (sandbox, fd table,
 * errno). Every buffer is bounds-checked before the file system is asked, so {@code -EFAULT}
 * takes precedence over the other errors and a failed check has no side effect.
 */
public final class SysFs {
    /** The import module name. */
    public static final String MODULE = "sys_fs";
    /** Linux's PATH_MAX (including the NUL): longer paths are refused without being copied. */
    static final int PATH_MAX = 4096;
    /** Transfers larger than this are done in steps, so a huge buffer needs no huge Java array. */
    static final int CHUNK = 1 << 20;

    private final GuestFileSystem fs;

    public SysFs(GuestFileSystem fs) {
        this.fs = fs;
    }

    /** Defines the {@code sys_fs} functions in {@code store}, bound to this run's file system. */
    public void define(Store store) {
        new HostModule(store, MODULE)
                .function("open", type(I32, I64, I64, I32, I32),
                        (c, a) -> withPath(c, a[0], a[1], path -> fs.open(path, (int) a[2], (int) a[3])))
                .function("close", type(I32, I32), (c, a) -> fs.close((int) a[0]))
                .function("read", type(I32, I32, I64, I64), (c, a) -> read(c, (int) a[0], a[1], a[2]))
                .function("write", type(I32, I32, I64, I64), (c, a) -> write(c, (int) a[0], a[1], a[2]))
                .function("lseek", type(I64, I32, I64, I32), (c, a) -> fs.lseek((int) a[0], a[1], (int) a[2]))
                .function("stat", type(I32, I64, I64, I64), (c, a) -> stat(c, a[0], a[1], a[2]))
                .function("fstat", type(I32, I32, I64), (c, a) -> fstat(c, (int) a[0], a[1]))
                .function("unlink", type(I32, I64, I64), (c, a) -> withPath(c, a[0], a[1], fs::unlink))
                .function("rename", type(I32, I64, I64, I64, I64), (c, a) -> rename(c, a[0], a[1], a[2], a[3]))
                .function("mkdir", type(I32, I64, I64, I32),
                        (c, a) -> withPath(c, a[0], a[1], path -> fs.mkdir(path, (int) a[2])))
                .function("rmdir", type(I32, I64, I64), (c, a) -> withPath(c, a[0], a[1], fs::rmdir))
                .function("getcwd", type(I32, I64, I64), (c, a) -> getcwd(c, a[0], a[1]))
                .function("opendir", type(I32, I64, I64), (c, a) -> withPath(c, a[0], a[1], fs::opendir))
                .function("readdir", type(I32, I32, I64), (c, a) -> readdir(c, (int) a[0], a[1]))
                .function("closedir", type(I32, I32), (c, a) -> fs.closedir((int) a[0]));
    }

    /** An operation on one path given as guest bytes. */
    @FunctionalInterface
    private interface PathOperation {
        int apply(byte[] path);
    }

    private static int withPath(Instance caller, long ptr, long len, PathOperation operation) {
        GuestBuffer path = GuestPointers.buffer(caller, ptr, len);
        return path.length() >= PATH_MAX ? -Errno.ENAMETOOLONG : operation.apply(path.read());
    }

    private int rename(Instance caller, long oldPtr, long oldLen, long newPtr, long newLen) {
        GuestBuffer newPath = GuestPointers.buffer(caller, newPtr, newLen);
        return withPath(caller, oldPtr, oldLen, oldPath ->
                newPath.length() >= PATH_MAX ? -Errno.ENAMETOOLONG : fs.rename(oldPath, newPath.read()));
    }

    /** Reads in chunks until the buffer is full, the source returns short, or an error ends it. */
    private int read(Instance caller, int fd, long bufPtr, long bufLen) {
        GuestBuffer buffer = GuestPointers.buffer(caller, bufPtr, bufLen);
        return inChunks(buffer, (chunk, at, want) -> {
            int got = fs.read(fd, chunk, 0, want);
            if (got >= 0) {
                buffer.memory().write(buffer.offset() + at, chunk, 0, got);
            }
            return got;
        });
    }

    /** Writes in chunks until everything is written, the sink takes less, or an error ends it. */
    private int write(Instance caller, int fd, long bufPtr, long bufLen) {
        GuestBuffer buffer = GuestPointers.buffer(caller, bufPtr, bufLen);
        return inChunks(buffer, (chunk, at, want) -> {
            buffer.memory().read(buffer.offset() + at, chunk, 0, want);
            return fs.write(fd, chunk, 0, want);
        });
    }

    /** One step of a chunked transfer: moves up to {@code want} bytes at {@code at} of the buffer through {@code chunk}. */
    @FunctionalInterface
    private interface ChunkStep {
        /** The bytes moved, or -errno. */
        int transfer(byte[] chunk, int at, int want);
    }

    /**
     * Runs {@code step} over {@code buffer} in chunks of at most {@link #CHUNK} bytes until the whole
     * buffer is done or a step moves less than it was asked; an error ends it with the bytes moved so
     * far, or with the error when there are none.
     */
    private static int inChunks(GuestBuffer buffer, ChunkStep step) {
        byte[] chunk = new byte[Math.min(buffer.length(), CHUNK)];
        int total = 0;
        do {
            int want = Math.min(chunk.length, buffer.length() - total);
            int moved = step.transfer(chunk, total, want);
            if (moved < 0) {
                return total > 0 ? total : moved;
            }
            total += moved;
            if (moved < want) {
                break;
            }
        } while (total < buffer.length());
        return total;
    }

    private int stat(Instance caller, long pathPtr, long pathLen, long statPtr) {
        GuestBuffer out = GuestPointers.buffer(caller, statPtr, StatLayout.SIZE);
        return withPath(caller, pathPtr, pathLen, path -> copyOut(out, StatLayout.SIZE, bytes -> fs.stat(path, bytes)));
    }

    private int fstat(Instance caller, int fd, long statPtr) {
        GuestBuffer out = GuestPointers.buffer(caller, statPtr, StatLayout.SIZE);
        return copyOut(out, StatLayout.SIZE, bytes -> fs.fstat(fd, bytes));
    }

    private int readdir(Instance caller, int dirFd, long entryPtr) {
        GuestBuffer out = GuestPointers.buffer(caller, entryPtr, DirentLayout.SIZE);
        return copyOut(out, DirentLayout.SIZE, bytes -> fs.readdir(dirFd, bytes));
    }

    private int getcwd(Instance caller, long bufPtr, long bufLen) {
        GuestBuffer out = GuestPointers.buffer(caller, bufPtr, bufLen);
        byte[] cwd = fs.getcwd().getBytes(StandardCharsets.UTF_8);
        return out.writeTerminated(cwd) ? cwd.length + 1 : -Errno.ERANGE;
    }

    /** An operation that fills a fixed-size record. */
    @FunctionalInterface
    private interface Filler {
        int fill(byte[] record);
    }

    /** Runs {@code filler} on a scratch record and copies it to the guest only on success (result 0). */
    private static int copyOut(GuestBuffer out, int size, Filler filler) {
        byte[] record = new byte[size];
        int result = filler.fill(record);
        if (result == 0) {
            out.write(record);
        }
        return result;
    }
}
