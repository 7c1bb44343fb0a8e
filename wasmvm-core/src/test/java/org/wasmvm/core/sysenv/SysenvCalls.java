package org.wasmvm.core.sysenv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Memory;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.sandbox.GuestClock;
import org.wasmvm.core.sandbox.StandardStreams;
import org.wasmvm.core.sysenv.fs.GuestFileSystem;

/**
 * The sysenv-calls guest linked to {@link SysFs} and {@link SysProc}: each export calls the import
 * of the same name with raw arguments, so tests can pass any pointer. Strings are placed in memory
 * 0 by a bump allocator from {@link #HEAP}.
 */
final class SysenvCalls implements AutoCloseable {
    static final long HEAP = 0x1000;
    static final long PAGE = 65536;

    final GuestFileSystem fs;
    final Instance instance;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private long next = HEAP;

    SysenvCalls(Path root, String cwd, List<String> argv, Map<String, String> env) {
        fs = new GuestFileSystem(root, cwd, StandardStreams.of(null, stdout, null));
        Store store = new Store();
        new SysFs(fs).define(store);
        new SysProc(argv, env, GuestClock.host()).define(store);
        instance = store.instantiate(Wasm.load(Guests.bytes("sysenv-calls")));
    }

    SysenvCalls(Path root) {
        this(root, "/", List.of("prog"), Map.of());
    }

    /** Calls export {@code name}; its single result. */
    long call(String name, long... args) {
        return instance.function(name).apply(args)[0];
    }

    Memory memory(int index) {
        return instance.memory(index);
    }

    /** Copies {@code bytes} into memory 0; their address. */
    long put(byte[] bytes) {
        long at = next;
        memory(0).write(at, bytes);
        next += bytes.length + 16;
        return at;
    }

    /** A UTF-8 string in memory 0: {address, length}, ready to be spread into a call. */
    long[] str(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new long[] {put(bytes), bytes.length};
    }

    /** A zeroed buffer of {@code length} bytes in memory 0. */
    long alloc(int length) {
        return put(new byte[length]);
    }

    byte[] read(long address, int length) {
        return memory(0).read(address, length);
    }

    /** A pointer to {@code offset} in memory {@code memory}, with the sysenv tag in the top 4 bits. */
    static long tagged(int memory, long offset) {
        return ((long) memory << 60) | offset;
    }

    @Override
    public void close() {
        fs.close();
    }
}
