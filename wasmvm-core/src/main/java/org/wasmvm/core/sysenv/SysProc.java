package org.wasmvm.core.sysenv;

import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;
import static org.wasmvm.core.sysenv.HostModule.type;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wasmvm.core.Instance;
import org.wasmvm.core.ProcessExit;
import org.wasmvm.core.Store;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.GuestClock;
import org.wasmvm.core.sysenv.fs.TimespecLayout;

/**
 * The {@code sys_proc} host module of one run: {@code exit}, the arguments, the environment and
 * the clocks (DESIGN section 3, docs/sysenv.md). Strings are handed to the guest as UTF-8.
 */
public final class SysProc {
    /** The import module name. */
    public static final String MODULE = "sys_proc";
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_MONOTONIC = 1;

    /** The origin of CLOCK_MONOTONIC, so that its values are non-negative (nanoTime's are not). */
    private static final long MONOTONIC_ORIGIN = System.nanoTime();

    private final GuestClock realtime;
    private final List<byte[]> argv;
    /** Keyed by the name's bytes (ByteBuffer compares contents), so any byte sequence looks up exactly. */
    private final Map<ByteBuffer, byte[]> environment = new HashMap<>();

    /**
     * @param argv the arguments, {@code argv[0]} being the program name
     * @param environment the variables the guest sees
     * @param realtime the guest's {@code CLOCK_REALTIME}
     */
    public SysProc(List<String> argv, Map<String, String> environment, GuestClock realtime) {
        this.realtime = realtime;
        this.argv = argv.stream().map(SysProc::utf8).toList();
        environment.forEach((name, value) -> this.environment.put(ByteBuffer.wrap(utf8(name)), utf8(value)));
    }

    /** Defines the {@code sys_proc} functions in {@code store}, bound to this run's state. */
    public void define(Store store) {
        new HostModule(store, MODULE)
                .function("exit", type(null, I32), (caller, a) -> {
                    throw new ProcessExit((int) a[0]);
                })
                .function("argc", type(I32), (caller, a) -> argv.size())
                .function("argv_len", type(I32, I32), (caller, a) -> argvLen((int) a[0]))
                .function("argv", type(I32, I32, I64, I64), (caller, a) -> argv(caller, (int) a[0], a[1], a[2]))
                .function("getenv", type(I32, I64, I64, I64, I64), (caller, a) -> getenv(caller, a[0], a[1], a[2], a[3]))
                .function("clock_gettime", type(I32, I32, I64), (caller, a) -> clockGettime(caller, (int) a[0], a[1]));
    }

    private int argvLen(int index) {
        return validIndex(index) ? argv.get(index).length : -Errno.EINVAL;
    }

    private int argv(Instance caller, int index, long bufPtr, long bufLen) {
        GuestBuffer buffer = GuestPointers.buffer(caller, bufPtr, bufLen);
        if (!validIndex(index)) {
            return -Errno.EINVAL;
        }
        byte[] arg = argv.get(index);
        int copied = Math.min(arg.length, buffer.length());
        buffer.write(arg, copied);
        if (copied < buffer.length()) {
            buffer.memory().writeByte(buffer.offset() + copied, (byte) 0);
        }
        return copied;
    }

    private int getenv(Instance caller, long namePtr, long nameLen, long bufPtr, long bufLen) {
        byte[] name = GuestPointers.buffer(caller, namePtr, nameLen).read();
        GuestBuffer buffer = GuestPointers.buffer(caller, bufPtr, bufLen);
        if (!isValidName(name)) {
            return -Errno.EINVAL;
        }
        byte[] value = environment.get(ByteBuffer.wrap(name));
        if (value == null) {
            return -Errno.ENOENT;
        }
        return buffer.writeTerminated(value) ? value.length : -Errno.ERANGE;
    }

    private int clockGettime(Instance caller, int clock, long tsPtr) {
        GuestBuffer buffer = GuestPointers.buffer(caller, tsPtr, TimespecLayout.SIZE);
        long nanos;
        if (clock == CLOCK_REALTIME) {
            nanos = realtime.realtimeNanos();
        } else if (clock == CLOCK_MONOTONIC) {
            nanos = System.nanoTime() - MONOTONIC_ORIGIN;
        } else {
            return -Errno.EINVAL;
        }
        buffer.write(TimespecLayout.encode(nanos));
        return 0;
    }

    private boolean validIndex(int index) {
        return index >= 0 && index < argv.size();
    }

    /** POSIX: a name is non-empty and contains neither '=' nor NUL. */
    private static boolean isValidName(byte[] name) {
        if (name.length == 0) {
            return false;
        }
        for (byte b : name) {
            if (b == '=' || b == 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
