package org.wasmvm.core.wasi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Memory;

/**
 * The caller's memory 0 seen through wasm32 pointers (unsigned i32). Every access is checked
 * first: a range outside the memory ends the call with {@code FAULT}, never a trap.
 */
final class WasiMemory {
    private final Memory memory;

    WasiMemory(Instance caller) {
        if (caller.memoryCount() == 0) {
            throw new WasiException(WasiErrno.FAULT);
        }
        this.memory = caller.memory(0);
    }

    /** An i32 argument as an unsigned address. */
    static long address(long arg) {
        return arg & 0xFFFF_FFFFL;
    }

    void check(long address, long length) {
        if (length < 0 || address < 0 || address + length > memory.byteSize()) {
            throw new WasiException(WasiErrno.FAULT);
        }
    }

    byte[] read(long address, long length) {
        check(address, length);
        return memory.read(address, (int) length);
    }

    String string(long address, long length) {
        return new String(read(address, length), StandardCharsets.UTF_8);
    }

    void write(long address, byte[] bytes) {
        write(address, bytes, 0, bytes.length);
    }

    void write(long address, byte[] bytes, int offset, int length) {
        check(address, length);
        memory.write(address, bytes, offset, length);
    }

    /** {@code dst}'s remaining bytes from {@code address}, which the caller {@linkplain #check checked}. */
    void read(long address, ByteBuffer dst) {
        memory.read(address, dst);
    }

    /** {@code src}'s remaining bytes to {@code address}, which the caller {@linkplain #check checked}. */
    void write(long address, ByteBuffer src) {
        memory.write(address, src);
    }

    int u32(long address) {
        check(address, 4);
        return memory.readInt(address);
    }

    long u64(long address) {
        check(address, 8);
        return memory.readLong(address);
    }

    int u16(long address) {
        check(address, 2);
        return (memory.readByte(address) & 0xFF) | (memory.readByte(address + 1) & 0xFF) << 8;
    }

    int u8(long address) {
        check(address, 1);
        return memory.readByte(address) & 0xFF;
    }

    void putU8(long address, int value) {
        check(address, 1);
        memory.writeByte(address, (byte) value);
    }

    void putU16(long address, int value) {
        check(address, 2);
        memory.writeByte(address, (byte) value);
        memory.writeByte(address + 1, (byte) (value >>> 8));
    }

    void putU32(long address, int value) {
        check(address, 4);
        memory.writeInt(address, value);
    }

    void putU64(long address, long value) {
        check(address, 8);
        memory.writeLong(address, value);
    }

    /** Zeroes {@code [address, address + length)}. */
    void zero(long address, int length) {
        write(address, new byte[length]);
    }
}
