package org.wasmvm.core.runtime;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.MemoryType;

/**
 * A linear memory as the interpreter sees it. Addresses are unsigned 64-bit values held in a
 * {@code long}: anything at or above 2^63 (negative in Java) is out of bounds. The {@code load}/
 * {@code store} and bulk methods are the interpreter's hot path and throw the cheap internal
 * {@link Trap}; the public methods (those of {@code org.wasmvm.core.Memory}) throw a {@link WasmTrap} instead. Multi-byte
 * values are little-endian. Bulk operations check all bounds before writing anything.
 *
 * <p>Two implementations: {@link FlatMemory} (one {@code byte[]}, at most {@link
 * FlatMemory#MAX_PAGES} pages) and {@link PagedMemory} (lazily allocated pages, for 64-bit
 * memories that may grow beyond what a Java array holds). A 32-bit memory that may grow beyond
 * {@link FlatMemory#MAX_PAGES} is a {@link PagedMemory} too, which stays one array up to that size
 * (one null check per access more than {@link FlatMemory}) and pages beyond, up to the spec's
 * 65 536 pages (4 GiB), as in V8 and wasmtime. A shared memory (threads) is always a {@link PagedMemory} whose
 * pages never move, so that threads accessing it while another grows it lose no writes.
 */
public abstract sealed class LinearMemory permits FlatMemory, PagedMemory {
    static final int PAGE_SIZE = MemoryType.PAGE_SIZE;
    static final int PAGE_SHIFT = 16;

    private final MemoryType type;
    /** The effective maximum page count: declared maximum, host limit and implementation limit. */
    private final long maxPages;
    /** The threads blocked in {@code memory.atomic.wait} on this memory, or null when it is not shared. */
    private final WaiterQueues waiters;

    LinearMemory(MemoryType type, long maxPages) {
        this.type = type;
        this.maxPages = maxPages;
        this.waiters = type.shared() ? new WaiterQueues() : null;
    }

    /**
     * A new memory of {@code type}, growing to at most {@code maxPagesLimit} pages (a host limit).
     *
     * @throws IllegalArgumentException when the minimum exceeds the effective maximum or cannot be
     *     allocated
     */
    public static LinearMemory create(MemoryType type, long maxPagesLimit) {
        long indexMax = type.is64() ? MemoryType.MAX_PAGES_64 : MemoryType.MAX_PAGES_32;
        long max = unsignedMin(indexMax, maxPagesLimit);
        if (type.limits().hasMax()) {
            max = unsignedMin(max, type.limits().max());
        }
        boolean paged = max > FlatMemory.MAX_PAGES || type.shared();
        long capacity = Math.min(max, paged ? PagedMemory.MAX_PAGES : FlatMemory.MAX_PAGES);
        long min = type.limits().min();
        if (Long.compareUnsigned(min, capacity) > 0) {
            throw new IllegalArgumentException("memory minimum of " + Long.toUnsignedString(min)
                    + " pages exceeds the limit of " + capacity + " pages");
        }
        try {
            // a 32-bit memory stays one array as far as one goes (2 GiB), then pages on to 4 GiB; a shared one never
            int flatPages = type.shared() ? 0 : type.is64() ? PagedMemory.FLAT_PAGES : FlatMemory.MAX_PAGES;
            return paged ? new PagedMemory(type, min, capacity, flatPages) : new FlatMemory(type, (int) min, capacity);
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("cannot allocate a memory of " + min + " pages", e);
        }
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** Whether {@code [addr, addr+length)} lies inside {@code [0, size)}; all three unsigned. */
    static boolean inBounds(long addr, long length, long size) {
        return addr >= 0 && length >= 0 && addr <= size - length;
    }

    static Trap outOfBounds() {
        return new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }

    private void checkInternal(long addr, long length) {
        if (!inBounds(addr, length, byteSize())) {
            throw outOfBounds();
        }
    }

    private void checkPublic(long addr, long length) {
        if (!inBounds(addr, length, byteSize())) {
            throw new WasmTrap(TrapKind.MEMORY_OUT_OF_BOUNDS, List.of());
        }
    }

    // ---- hot path, bounds-checked by the implementations ----

    public abstract byte load8(long addr);

    public abstract short load16(long addr);

    public abstract int load32(long addr);

    public abstract long load64(long addr);

    public abstract void store8(long addr, byte value);

    public abstract void store16(long addr, short value);

    public abstract void store32(long addr, int value);

    public abstract void store64(long addr, long value);

    // ---- unchecked primitives the bulk operations build on; ranges are valid ----

    abstract void readBytes(long addr, byte[] dst, int dstOffset, int length);

    abstract void writeBytes(long addr, byte[] src, int srcOffset, int length);

    /** Fills {@code dst} from {@code addr} ({@code dst.remaining()} bytes), advancing its position. */
    abstract void readBytes(long addr, ByteBuffer dst);

    /** Copies {@code src}'s remaining bytes to {@code addr}, advancing its position. */
    abstract void writeBytes(long addr, ByteBuffer src);

    abstract void fillBytes(long addr, byte value, long length);

    /** Copies within bounds; must behave like memmove when {@code src == this}. */
    abstract void copyBytes(long dst, LinearMemory src, long srcAddr, long length);

    // ---- the cells of atomic accesses (Atomics), naturally aligned ----

    /**
     * The array that holds the aligned {@code width}-byte cell at {@code addr}, allocating it in a paged memory.
     *
     * @throws Trap when the cell is out of bounds
     */
    abstract byte[] cell(long addr, int width);

    /** The index in {@link #cell}'s array of {@code addr}. */
    abstract int cellIndex(long addr);

    /** The waiters of {@code memory.atomic.wait}, or null when this memory is not shared. */
    WaiterQueues waiters() {
        return waiters;
    }

    // ---- bulk memory instructions ----

    /** {@code memory.fill}. */
    public void fill(long addr, byte value, long length) {
        checkInternal(addr, length);
        fillBytes(addr, value, length);
    }

    /** {@code memory.copy} from {@code src} (which may be this memory, overlapping). */
    public void copy(long dst, LinearMemory src, long srcAddr, long length) {
        checkInternal(dst, length);
        src.checkInternal(srcAddr, length);
        copyBytes(dst, src, srcAddr, length);
    }

    /** {@code memory.init}: copies {@code data[srcOffset, srcOffset+length)} to {@code dst}. */
    public void init(long dst, byte[] data, long srcOffset, long length) {
        if (!inBounds(srcOffset, length, data.length)) {
            throw outOfBounds();
        }
        checkInternal(dst, length);
        writeBytes(dst, data, (int) srcOffset, (int) length);
    }

    // ---- sizes ----

    /** Current size in bytes. */
    public abstract long byteSize();

    /** Grows by {@code deltaPages}; returns the previous page count, or -1 if it cannot grow. */
    public abstract long grow(long deltaPages);

    public MemoryType type() {
        return type;
    }

    /** The page count this memory can grow to, at most. */
    public long maxPages() {
        return maxPages;
    }

    public long pages() {
        return byteSize() >>> PAGE_SHIFT;
    }

    /** Whether {@code deltaPages} (unsigned) more pages stay within the maximum. */
    final boolean canGrow(long deltaPages) {
        return Long.compareUnsigned(deltaPages, maxPages - pages()) <= 0;
    }

    // ---- public API ----

    public void read(long address, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        checkPublic(address, length);
        readBytes(address, dst, dstOffset, length);
    }

    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }

    public void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    public void read(long address, ByteBuffer dst) {
        checkPublic(address, dst.remaining());
        readBytes(address, dst);
    }

    public void write(long address, ByteBuffer src) {
        checkPublic(address, src.remaining());
        writeBytes(address, src);
    }

    public void write(long address, byte[] src, int srcOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        checkPublic(address, length);
        writeBytes(address, src, srcOffset, length);
    }

    public byte readByte(long address) {
        checkPublic(address, Byte.BYTES);
        return load8(address);
    }

    public int readInt(long address) {
        checkPublic(address, Integer.BYTES);
        return load32(address);
    }

    public long readLong(long address) {
        checkPublic(address, Long.BYTES);
        return load64(address);
    }

    public void writeByte(long address, byte value) {
        checkPublic(address, Byte.BYTES);
        store8(address, value);
    }

    public void writeInt(long address, int value) {
        checkPublic(address, Integer.BYTES);
        store32(address, value);
    }

    public void writeLong(long address, long value) {
        checkPublic(address, Long.BYTES);
        store64(address, value);
    }

    @Override
    public String toString() {
        return type + " (" + pages() + " pages)";
    }
}
