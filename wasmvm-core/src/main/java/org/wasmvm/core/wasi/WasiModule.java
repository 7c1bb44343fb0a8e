package org.wasmvm.core.wasi;

import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;

import java.io.IOException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.Instance;
import org.wasmvm.core.ProcessExit;
import org.wasmvm.core.Store;
import org.wasmvm.core.WasmException;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.sandbox.GuestClock;
import org.wasmvm.core.sandbox.GuestRandom;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * The {@code wasi_snapshot_preview1} host module of one run (wasm32 guests): arguments,
 * environment, clocks, randomness, {@code proc_exit}, {@code poll_oneoff}, and the {@code fd_*}
 * and {@code path_*} families over the run's sandbox. Every function returns a WASI errno
 * ({@link WasiErrno}); no Java exception reaches the guest, except the {@link ProcessExit} that
 * ends the run.
 *
 * <p>One instance per run; close it to release the files the guest left open. The threads of a run (wasi-threads)
 * share it: a call holds the fd table's monitor while it runs, but for the sleep of {@code poll_oneoff} and for
 * {@code sched_yield}, so that one thread's sleep does not stop the others' calls.
 */
public final class WasiModule implements AutoCloseable {
    /** The import module name. */
    public static final String MODULE = "wasi_snapshot_preview1";

    private final List<byte[]> argv;
    private final List<byte[]> environ;
    private final WasiFileSystem fs;
    private final WasiPathOps paths;
    private final WasiPoll poll;
    private final WasiClocks clocks;
    private final GuestRandom random;

    @FunctionalInterface
    private interface Body {
        int call(Instance caller, long[] args) throws IOException;
    }

    /**
     * @param argv the arguments, {@code argv[0]} being the program name
     * @param environment the complete environment the guest sees
     * @param root the sandbox root, preopened as {@code /} (fd 3); null to preopen only {@code directories}
     * @param directories further preopened directories (fd 4 on)
     * @param streams fds 0, 1 and 2
     * @param realtime the guest's realtime clock
     * @param random where {@code random_get} takes its bytes from
     * @throws IllegalArgumentException when a directory does not exist
     */
    public WasiModule(List<String> argv, Map<String, String> environment, Path root,
                      List<DirectoryMapping> directories, StandardStreams streams, GuestClock realtime,
                      GuestRandom random) {
        this.argv = argv.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        List<byte[]> env = new ArrayList<>();
        environment.forEach((k, v) -> env.add((k + "=" + v).getBytes(StandardCharsets.UTF_8)));
        this.environ = env;
        this.fs = new WasiFileSystem(root, directories, streams);
        this.paths = new WasiPathOps(fs.fds);
        this.clocks = new WasiClocks(realtime);
        this.poll = new WasiPoll(fs.fds, clocks);
        this.random = random;
    }

    @Override
    public void close() {
        fs.close();
    }

    private static FuncType i32(int params) {
        List<ValType> p = new ArrayList<>();
        for (int i = 0; i < params; i++) {
            p.add(I32);
        }
        return new FuncType(p, List.of(I32));
    }

    private static FuncType type(ValType... params) {
        return new FuncType(List.of(params), List.of(I32));
    }

    private static long ptr(long arg) {
        return WasiMemory.address(arg);
    }

    private static int fd(long arg) {
        return (int) arg;
    }

    private static byte[] string(Instance caller, long ptr, long len) {
        return new WasiMemory(caller).read(ptr(ptr), ptr(len));
    }

    private void define(Store store, String name, FuncType type, Body body) {
        store.define(MODULE, name, type, (caller, args) -> {
            synchronized (fs.fds) {
                return new long[] {call(body, caller, args)};
            }
        });
    }

    /** A function that may sleep: it locks the fd table itself where it reads it ({@link WasiPoll}). */
    private void defineSleeping(Store store, String name, FuncType type, Body body) {
        store.define(MODULE, name, type, (caller, args) -> new long[] {call(body, caller, args)});
    }

    private static int call(Body body, Instance caller, long[] args) {
        try {
            return body.call(caller, args);
        } catch (WasiException e) {
            return e.errno();
        } catch (WasmException e) {
            throw e; // proc_exit, traps, interrupts
        } catch (NonReadableChannelException | NonWritableChannelException e) {
            return WasiErrno.BADF;
        } catch (IOException e) {
            return WasiErrno.of(e);
        } catch (UnsupportedOperationException e) {
            return WasiErrno.NOTSUP;
        } catch (OutOfMemoryError e) {
            return WasiErrno.NOMEM;
        } catch (RuntimeException e) {
            return WasiErrno.of(e);
        }
    }

    /** Defines every {@code wasi_snapshot_preview1} function in {@code store}, bound to this run. */
    public void define(Store store) {
        // -------- arguments and environment
        define(store, "args_get", i32(2), (c, a) -> strings(c, argv, ptr(a[0]), ptr(a[1])));
        define(store, "args_sizes_get", i32(2), (c, a) -> sizes(c, argv, ptr(a[0]), ptr(a[1])));
        define(store, "environ_get", i32(2), (c, a) -> strings(c, environ, ptr(a[0]), ptr(a[1])));
        define(store, "environ_sizes_get", i32(2), (c, a) -> sizes(c, environ, ptr(a[0]), ptr(a[1])));
        // -------- clocks, randomness, process
        define(store, "clock_res_get", i32(2), (c, a) -> {
            long res = WasiClocks.resolution((int) a[0]);
            new WasiMemory(c).putU64(ptr(a[1]), res);
            return 0;
        });
        define(store, "clock_time_get", type(I32, I64, I32), (c, a) -> {
            long now = clocks.now((int) a[0]);
            new WasiMemory(c).putU64(ptr(a[2]), now);
            return 0;
        });
        define(store, "random_get", i32(2), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[0]), ptr(a[1]));
            byte[] bytes = new byte[(int) ptr(a[1])];
            random.fill(bytes);
            m.write(ptr(a[0]), bytes);
            return 0;
        });
        store.define(MODULE, "proc_exit", new FuncType(List.of(I32), List.of()), (c, a) -> {
            throw new ProcessExit((int) a[0]);
        });
        define(store, "proc_raise", i32(1), (c, a) -> WasiErrno.NOSYS);
        defineSleeping(store, "sched_yield", i32(0), (c, a) -> {
            Thread.yield();
            return 0;
        });
        defineSleeping(store, "poll_oneoff", i32(4), (c, a) -> poll.poll(new WasiMemory(c), ptr(a[0]), ptr(a[1]),
                (int) a[2], ptr(a[3])));
        // -------- sockets: there are none
        define(store, "sock_accept", i32(3), (c, a) -> notSocket(fd(a[0])));
        define(store, "sock_recv", i32(6), (c, a) -> notSocket(fd(a[0])));
        define(store, "sock_send", i32(5), (c, a) -> notSocket(fd(a[0])));
        define(store, "sock_shutdown", i32(2), (c, a) -> notSocket(fd(a[0])));
        defineFd(store);
        definePath(store);
    }

    private void defineFd(Store store) {
        define(store, "fd_advise", type(I32, I64, I64, I32), (c, a) -> {
            fs.advise(fd(a[0]), a[1], a[2], (int) a[3]);
            return 0;
        });
        define(store, "fd_allocate", type(I32, I64, I64), (c, a) -> {
            fs.allocate(fd(a[0]), a[1], a[2]);
            return 0;
        });
        define(store, "fd_close", i32(1), (c, a) -> {
            fs.close(fd(a[0]));
            return 0;
        });
        define(store, "fd_datasync", i32(1), (c, a) -> {
            fs.sync(fd(a[0]), false);
            return 0;
        });
        define(store, "fd_sync", i32(1), (c, a) -> {
            fs.sync(fd(a[0]), true);
            return 0;
        });
        define(store, "fd_fdstat_get", i32(2), (c, a) -> {
            fs.fdstat(new WasiMemory(c), fd(a[0]), ptr(a[1]));
            return 0;
        });
        define(store, "fd_fdstat_set_flags", i32(2), (c, a) -> {
            fs.setFdflags(fd(a[0]), (int) a[1] & 0xFFFF);
            return 0;
        });
        define(store, "fd_fdstat_set_rights", type(I32, I64, I64), (c, a) -> {
            fs.setRights(fd(a[0]), a[1], a[2]);
            return 0;
        });
        define(store, "fd_filestat_get", i32(2), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[1]), WasiStat.SIZE);
            fs.filestat(fd(a[0])).write(m, ptr(a[1]));
            return 0;
        });
        define(store, "fd_filestat_set_size", type(I32, I64), (c, a) -> {
            fs.setSize(fd(a[0]), a[1]);
            return 0;
        });
        define(store, "fd_filestat_set_times", type(I32, I64, I64, I32), (c, a) -> {
            fs.setTimes(fd(a[0]), a[1], a[2], (int) a[3] & 0xFFFF);
            return 0;
        });
        define(store, "fd_pread", type(I32, I32, I32, I64, I32), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[4]), 4);
            if (a[3] < 0) {
                return WasiErrno.INVAL;
            }
            long n = fs.read(m, fd(a[0]), WasiFileSystem.iovecs(m, ptr(a[1]), (int) a[2]), a[3]);
            m.putU32(ptr(a[4]), (int) n);
            return 0;
        });
        define(store, "fd_pwrite", type(I32, I32, I32, I64, I32), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[4]), 4);
            if (a[3] < 0) {
                return WasiErrno.INVAL;
            }
            long n = fs.write(m, fd(a[0]), WasiFileSystem.iovecs(m, ptr(a[1]), (int) a[2]), a[3]);
            m.putU32(ptr(a[4]), (int) n);
            return 0;
        });
        define(store, "fd_read", i32(4), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[3]), 4);
            long n = fs.read(m, fd(a[0]), WasiFileSystem.iovecs(m, ptr(a[1]), (int) a[2]), -1);
            m.putU32(ptr(a[3]), (int) n);
            return 0;
        });
        define(store, "fd_write", i32(4), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[3]), 4);
            long n = fs.write(m, fd(a[0]), WasiFileSystem.iovecs(m, ptr(a[1]), (int) a[2]), -1);
            m.putU32(ptr(a[3]), (int) n);
            return 0;
        });
        define(store, "fd_prestat_get", i32(2), (c, a) -> {
            fs.prestat(new WasiMemory(c), fd(a[0]), ptr(a[1]));
            return 0;
        });
        define(store, "fd_prestat_dir_name", i32(3), (c, a) -> {
            fs.prestatDirName(new WasiMemory(c), fd(a[0]), ptr(a[1]), (int) a[2]);
            return 0;
        });
        define(store, "fd_readdir", type(I32, I32, I32, I64, I32), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[4]), 4);
            int used = fs.readdir(m, fd(a[0]), ptr(a[1]), (int) a[2], a[3]);
            m.putU32(ptr(a[4]), used);
            return 0;
        });
        define(store, "fd_renumber", i32(2), (c, a) -> {
            fs.renumber(fd(a[0]), fd(a[1]));
            return 0;
        });
        define(store, "fd_seek", type(I32, I64, I32, I32), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[3]), 8);
            m.putU64(ptr(a[3]), fs.seek(fd(a[0]), a[1], (int) a[2] & 0xFF));
            return 0;
        });
        define(store, "fd_tell", i32(2), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[1]), 8);
            m.putU64(ptr(a[1]), fs.tell(fd(a[0])));
            return 0;
        });
    }

    private void definePath(Store store) {
        define(store, "path_create_directory", i32(3), (c, a) -> {
            paths.createDirectory(fd(a[0]), string(c, a[1], a[2]));
            return 0;
        });
        define(store, "path_filestat_get", i32(5), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[4]), WasiStat.SIZE);
            paths.filestat(fd(a[0]), (int) a[1], string(c, a[2], a[3])).write(m, ptr(a[4]));
            return 0;
        });
        define(store, "path_filestat_set_times", type(I32, I32, I32, I32, I64, I64, I32), (c, a) -> {
            paths.setTimes(fd(a[0]), (int) a[1], string(c, a[2], a[3]), a[4], a[5], (int) a[6] & 0xFFFF);
            return 0;
        });
        define(store, "path_link", i32(7), (c, a) -> {
            paths.link(fd(a[0]), (int) a[1], string(c, a[2], a[3]), fd(a[4]), string(c, a[5], a[6]));
            return 0;
        });
        define(store, "path_open", type(I32, I32, I32, I32, I32, I64, I64, I32, I32), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[8]), 4);
            WasiFd opened = paths.open(fd(a[0]), (int) a[1], string(c, a[2], a[3]), (int) a[4] & 0xFFFF, a[5], a[6],
                    (int) a[7] & 0xFFFF);
            m.putU32(ptr(a[8]), fs.fds.add(opened));
            return 0;
        });
        define(store, "path_readlink", i32(6), (c, a) -> {
            WasiMemory m = new WasiMemory(c);
            m.check(ptr(a[3]), ptr(a[4]));
            m.check(ptr(a[5]), 4);
            byte[] target = paths.readlink(fd(a[0]), string(c, a[1], a[2]));
            int n = (int) Math.min(target.length, ptr(a[4]));
            m.write(ptr(a[3]), target, 0, n);
            m.putU32(ptr(a[5]), n);
            return 0;
        });
        define(store, "path_remove_directory", i32(3), (c, a) -> {
            paths.removeDirectory(fd(a[0]), string(c, a[1], a[2]));
            return 0;
        });
        define(store, "path_rename", i32(6), (c, a) -> {
            paths.rename(fd(a[0]), string(c, a[1], a[2]), fd(a[3]), string(c, a[4], a[5]));
            return 0;
        });
        define(store, "path_symlink", i32(5), (c, a) -> {
            paths.symlink(string(c, a[0], a[1]), fd(a[2]), string(c, a[3], a[4]));
            return 0;
        });
        define(store, "path_unlink_file", i32(3), (c, a) -> {
            paths.unlinkFile(fd(a[0]), string(c, a[1], a[2]));
            return 0;
        });
    }

    private int notSocket(int fd) {
        fs.fds.get(fd);
        return WasiErrno.NOTSOCK;
    }

    private static int strings(Instance caller, List<byte[]> values, long pointers, long buffer) {
        WasiMemory m = new WasiMemory(caller);
        long total = 0;
        for (byte[] v : values) {
            total += v.length + 1;
        }
        m.check(pointers, 4L * values.size());
        m.check(buffer, total);
        long at = buffer;
        for (int i = 0; i < values.size(); i++) {
            byte[] v = values.get(i);
            m.putU32(pointers + 4L * i, (int) at);
            m.write(at, v);
            m.putU8(at + v.length, 0);
            at += v.length + 1;
        }
        return 0;
    }

    private static int sizes(Instance caller, List<byte[]> values, long countPtr, long sizePtr) {
        WasiMemory m = new WasiMemory(caller);
        m.check(countPtr, 4);
        m.check(sizePtr, 4);
        long total = 0;
        for (byte[] v : values) {
            total += v.length + 1;
        }
        m.putU32(countPtr, values.size());
        m.putU32(sizePtr, (int) total);
        return 0;
    }
}
