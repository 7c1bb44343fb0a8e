package org.wasmvm.core.runtime;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.wasmvm.core.model.MemoryType;

/**
 * A 64-bit linear memory larger than a Java array: a table of one-page (64 KiB) chunks, each
 * allocated on its first write, so the heap used grows with the pages touched rather than the
 * memory's size. Reads of a never-written chunk return 0.
 *
 * <p>Chunks are one wasm page so that the chunk table is exactly one entry per page (growing
 * never leaves a partial chunk) and so that sparse use wastes at most 64 KiB per touched spot. An
 * access inside one chunk costs one extra array load over {@link FlatMemory}; the rare access
 * straddling two chunks goes byte by byte.
 *
 * <p>A store into an untouched chunk allocates 64 KiB and may therefore throw {@link
 * OutOfMemoryError} when the heap is smaller than the part of the memory the guest uses.
 *
 * <p>Most wasm64 programs declare no maximum yet stay small. While the memory has at most
 * {@code flatPages} pages it is therefore kept in one {@code byte[]} (the {@link FlatBytes} fast
 * path, as fast as {@link FlatMemory}); the first growth beyond that splits it into chunks.
 *
 * <p>A shared memory (threads) is chunked from the start and allocates its chunks when it grows, never later:
 * a chunk never moves and a chunk table entry never changes, so a thread that writes while another grows the
 * memory writes where every thread reads. Growing builds a new table and publishes it before the new size; an
 * access reads the table once and checks its address against that table, so a racing access sees the memory
 * before or after the growth, never a table shorter than its bounds check assumed.
 */
public final class PagedMemory extends LinearMemory {
    /** The most pages the chunk table (a Java array) can hold. */
    public static final long MAX_PAGES = Integer.MAX_VALUE - 8;

    private static final int CHUNK_MASK = PAGE_SIZE - 1;
    private static final VarHandle SHORT = FlatBytes.view(short[].class);
    private static final VarHandle INT = FlatBytes.view(int[].class);
    private static final VarHandle LONG = FlatBytes.view(long[].class);

    /** The default size up to which a memory stays flat: 256 MiB, what typical programs need at most. */
    static final int FLAT_PAGES = 4096;
    private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

    private final int flatPages;
    /** Whether chunks are allocated when the memory grows (shared) rather than on first write. */
    private final boolean eager;
    /**
     * The whole memory while it is small, else null. Plain fields: an unshared memory is thread-confined, and a
     * shared one is never flat and publishes {@code chunks} with a release store (see the class comment).
     */
    private byte[] flat;
    /**
     * The memory's size in bytes while it is {@code flat} (which may be longer: room to grow): a plain
     * copy of {@code byteSize}, which the flat accesses' bounds checks read instead of the volatile.
     */
    private int flatSize;
    /** One entry per page, null until first written (never null in a shared memory); used once {@code flat} is null. */
    private byte[][] chunks;
    /** Volatile: read before {@code chunks} by the bulk operations, it orders a racing grow's table before them. */
    private volatile long byteSize;

    /** A memory that is chunked from the start (tests use it to exercise the chunked path). */
    PagedMemory(MemoryType type, long initialPages, long maxPages) {
        this(type, initialPages, maxPages, 0);
    }

    /** A memory that stays one array while it has at most {@code flatPages} pages (a shared one never is). */
    PagedMemory(MemoryType type, long initialPages, long maxPages, int flatPages) {
        super(type, maxPages);
        this.eager = type.shared();
        this.flatPages = eager ? 0 : flatPages;
        if (initialPages <= this.flatPages) {
            this.flat = new byte[(int) initialPages * PAGE_SIZE];
            this.flatSize = flat.length;
        } else {
            this.chunks = withPages(new byte[0][], (int) initialPages);
        }
        this.byteSize = initialPages << PAGE_SHIFT;
    }

    /** {@code table} extended to {@code pages} entries, the new ones allocated when chunks are eager. */
    private byte[][] withPages(byte[][] table, int pages) {
        byte[][] grown = Arrays.copyOf(table, pages);
        if (eager) {
            for (int page = table.length; page < pages; page++) {
                grown[page] = new byte[PAGE_SIZE];
            }
        }
        return grown;
    }

    /** Traps unless {@code [addr, addr+width)} lies within the pages of {@code table}. */
    private static void check(byte[][] table, long addr, int width) {
        if (!inBounds(addr, width, (long) table.length << PAGE_SHIFT)) {
            throw outOfBounds();
        }
    }

    /** The chunk holding {@code addr}, or null when never written. */
    private byte[] chunkOrNull(long addr) {
        return chunks[page(addr)];
    }

    /** The chunk holding {@code addr} in {@code table}, allocated if needed. */
    private byte[] chunk(byte[][] table, long addr) {
        int index = page(addr);
        byte[] chunk = table[index];
        if (chunk == null) {
            chunk = new byte[PAGE_SIZE];
            table[index] = chunk;
        }
        return chunk;
    }

    private byte[] chunk(long addr) {
        return chunk(chunks, addr);
    }

    private static int page(long addr) {
        return (int) (addr >>> PAGE_SHIFT);
    }

    private static int offset(long addr) {
        return (int) addr & CHUNK_MASK;
    }

    /** Whether {@code [addr, addr+width)} stays in one chunk. */
    private static boolean inOneChunk(long addr, int width) {
        return offset(addr) <= PAGE_SIZE - width;
    }

    /** Little-endian read of {@code width} bytes across a chunk boundary. */
    private static long loadStraddling(byte[][] table, long addr, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            byte[] chunk = table[page(addr + i)];
            long b = chunk == null ? 0 : chunk[offset(addr + i)] & 0xFF;
            value |= b << (8 * i);
        }
        return value;
    }

    private void storeStraddling(byte[][] table, long addr, int width, long value) {
        for (int i = 0; i < width; i++) {
            chunk(table, addr + i)[offset(addr + i)] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    /** Synchronized: threads sharing the memory may grow it at once. */
    @Override
    public synchronized long grow(long deltaPages) {
        long old = byteSize >>> PAGE_SHIFT;
        if (!canGrow(deltaPages)) {
            return -1;
        }
        if (deltaPages != 0) {
            long pages = old + deltaPages;
            try {
                if (flat != null && pages <= flatPages) {
                    int grown = (int) pages * PAGE_SIZE;
                    flat = FlatBytes.withRoom(flat, grown, Math.min(maxPages(), flatPages) * PAGE_SIZE);
                    flatSize = grown;
                } else if (flat != null) {
                    chunks = splitIntoChunks(flat, (int) pages);
                    flat = null;
                } else {
                    byte[][] table = withPages(chunks, (int) pages);
                    VarHandle.releaseFence(); // the table's entries before the table, for racing accesses
                    chunks = table;
                }
            } catch (OutOfMemoryError e) {
                return -1;
            }
            byteSize = pages << PAGE_SHIFT;
        }
        return old;
    }

    /** The chunk table for {@code pages} pages holding the flat contents; all-zero pages stay unallocated. */
    private static byte[][] splitIntoChunks(byte[] contents, int pages) {
        byte[][] table = new byte[pages][];
        for (int page = 0; page < Math.min(contents.length / PAGE_SIZE, pages); page++) {
            int from = page * PAGE_SIZE;
            if (Arrays.mismatch(contents, from, from + PAGE_SIZE, ZERO_PAGE, 0, PAGE_SIZE) >= 0) {
                table[page] = Arrays.copyOfRange(contents, from, from + PAGE_SIZE);
            }
        }
        return table;
    }

    @Override
    public byte load8(long addr) {
        // kept tiny so that the JIT inlines it into the interpreter loop
        byte[] f = flat;
        return f != null ? FlatBytes.load8(f, flatSize, addr) : chunkedLoad8(addr);
    }

    private byte chunkedLoad8(long addr) {
        byte[][] table = chunks;
        check(table, addr, 1);
        byte[] chunk = table[page(addr)];
        return chunk == null ? 0 : chunk[offset(addr)];
    }

    @Override
    public short load16(long addr) {
        // kept tiny so that the JIT inlines it into the interpreter loop
        byte[] f = flat;
        return f != null ? FlatBytes.load16(f, flatSize, addr) : chunkedLoad16(addr);
    }

    private short chunkedLoad16(long addr) {
        byte[][] table = chunks;
        check(table, addr, 2);
        if (!inOneChunk(addr, 2)) {
            return (short) loadStraddling(table, addr, 2);
        }
        byte[] chunk = table[page(addr)];
        return chunk == null ? 0 : (short) SHORT.get(chunk, offset(addr));
    }

    @Override
    public int load32(long addr) {
        // kept tiny so that the JIT inlines it into the interpreter loop
        byte[] f = flat;
        return f != null ? FlatBytes.load32(f, flatSize, addr) : chunkedLoad32(addr);
    }

    private int chunkedLoad32(long addr) {
        byte[][] table = chunks;
        check(table, addr, 4);
        if (!inOneChunk(addr, 4)) {
            return (int) loadStraddling(table, addr, 4);
        }
        byte[] chunk = table[page(addr)];
        return chunk == null ? 0 : (int) INT.get(chunk, offset(addr));
    }

    @Override
    public long load64(long addr) {
        // kept tiny so that the JIT inlines it into the interpreter loop
        byte[] f = flat;
        return f != null ? FlatBytes.load64(f, flatSize, addr) : chunkedLoad64(addr);
    }

    private long chunkedLoad64(long addr) {
        byte[][] table = chunks;
        check(table, addr, 8);
        if (!inOneChunk(addr, 8)) {
            return loadStraddling(table, addr, 8);
        }
        byte[] chunk = table[page(addr)];
        return chunk == null ? 0 : (long) LONG.get(chunk, offset(addr));
    }

    @Override
    public void store8(long addr, byte value) {
        byte[] f = flat;
        if (f != null) {
            FlatBytes.store8(f, flatSize, addr, value);
        } else {
            chunkedStore8(addr, value);
        }
    }

    private void chunkedStore8(long addr, byte value) {
        byte[][] table = chunks;
        check(table, addr, 1);
        chunk(table, addr)[offset(addr)] = value;
    }

    @Override
    public void store16(long addr, short value) {
        byte[] f = flat;
        if (f != null) {
            FlatBytes.store16(f, flatSize, addr, value);
        } else {
            chunkedStore16(addr, value);
        }
    }

    private void chunkedStore16(long addr, short value) {
        byte[][] table = chunks;
        check(table, addr, 2);
        if (inOneChunk(addr, 2)) {
            SHORT.set(chunk(table, addr), offset(addr), value);
        } else {
            storeStraddling(table, addr, 2, value);
        }
    }

    @Override
    public void store32(long addr, int value) {
        byte[] f = flat;
        if (f != null) {
            FlatBytes.store32(f, flatSize, addr, value);
        } else {
            chunkedStore32(addr, value);
        }
    }

    private void chunkedStore32(long addr, int value) {
        byte[][] table = chunks;
        check(table, addr, 4);
        if (inOneChunk(addr, 4)) {
            INT.set(chunk(table, addr), offset(addr), value);
        } else {
            storeStraddling(table, addr, 4, value);
        }
    }

    @Override
    public void store64(long addr, long value) {
        byte[] f = flat;
        if (f != null) {
            FlatBytes.store64(f, flatSize, addr, value);
        } else {
            chunkedStore64(addr, value);
        }
    }

    private void chunkedStore64(long addr, long value) {
        byte[][] table = chunks;
        check(table, addr, 8);
        if (inOneChunk(addr, 8)) {
            LONG.set(chunk(table, addr), offset(addr), value);
        } else {
            storeStraddling(table, addr, 8, value);
        }
    }

    @Override
    byte[] cell(long addr, int width) {
        byte[] f = flat;
        if (f != null) {
            if (!inBounds(addr, width, flatSize)) {
                throw outOfBounds();
            }
            return f;
        }
        byte[][] table = chunks;
        check(table, addr, width);
        return chunk(table, addr);
    }

    @Override
    int cellIndex(long addr) {
        return flat != null ? (int) addr : offset(addr);
    }

    @Override
    void readBytes(long addr, byte[] dst, int dstOffset, int length) {
        if (flat != null) {
            System.arraycopy(flat, (int) addr, dst, dstOffset, length);
        } else {
            readBytes(addr, ByteBuffer.wrap(dst, dstOffset, length));
        }
    }

    @Override
    void writeBytes(long addr, byte[] src, int srcOffset, int length) {
        if (flat != null) {
            System.arraycopy(src, srcOffset, flat, (int) addr, length);
        } else {
            writeBytes(addr, ByteBuffer.wrap(src, srcOffset, length));
        }
    }

    @Override
    void readBytes(long addr, ByteBuffer dst) {
        if (flat != null) {
            dst.put(flat, (int) addr, dst.remaining());
            return;
        }
        while (dst.hasRemaining()) {
            int n = Math.min(dst.remaining(), PAGE_SIZE - offset(addr));
            byte[] chunk = chunkOrNull(addr);
            if (chunk == null) {
                dst.put(ZERO_PAGE, 0, n);
            } else {
                dst.put(chunk, offset(addr), n);
            }
            addr += n;
        }
    }

    @Override
    void writeBytes(long addr, ByteBuffer src) {
        if (flat != null) {
            src.get(flat, (int) addr, src.remaining());
            return;
        }
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), PAGE_SIZE - offset(addr));
            src.get(chunk(addr), offset(addr), n);
            addr += n;
        }
    }

    @Override
    void fillBytes(long addr, byte value, long length) {
        if (flat != null) {
            Arrays.fill(flat, (int) addr, (int) (addr + length), value);
            return;
        }
        while (length > 0) {
            int n = (int) Math.min(length, PAGE_SIZE - offset(addr));
            // Zero-filling an untouched chunk changes nothing: keep it unallocated.
            if (value != 0 || chunkOrNull(addr) != null) {
                Arrays.fill(chunk(addr), offset(addr), offset(addr) + n, value);
            }
            addr += n;
            length -= n;
        }
    }

    @Override
    void copyBytes(long dst, LinearMemory src, long srcAddr, long length) {
        if (flat != null) {
            // straight into our array; arraycopy is memmove-safe when src is this memory
            src.readBytes(srcAddr, flat, (int) dst, (int) length);
            return;
        }
        // Through a one-page buffer; copying back to front when the ranges overlap with the
        // destination above the source makes this memmove.
        boolean backward = src == this && srcAddr < dst;
        byte[] buffer = new byte[(int) Math.min(length, PAGE_SIZE)];
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(length - done, PAGE_SIZE);
            long at = backward ? length - done - n : done;
            src.readBytes(srcAddr + at, buffer, 0, n);
            writeBytes(dst + at, buffer, 0, n);
            done += n;
        }
    }
}
