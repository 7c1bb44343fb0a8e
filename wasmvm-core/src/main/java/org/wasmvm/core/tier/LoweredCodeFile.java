package org.wasmvm.core.tier;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.wasmvm.core.lower.LoweredFunction;

/**
 * A module's lowered code in the code cache, from the functions earlier runs lowered: a checked index,
 * then each function's code as a block with a CRC-32 of its own. The file is mapped, and a run decodes
 * and checks only the blocks of the functions it calls, so its cost follows the run, not the file
 * (which grows to the union of every run's functions: 37 MB for yosys). A block that is damaged, or a
 * file that is another entry's, is not used: the function is lowered again. Thread-safe: the mapped
 * buffer is only read at absolute positions.
 */
public final class LoweredCodeFile {
    /** No lowered code: a module loaded without a cache, or whose file is absent or unusable. */
    public static final LoweredCodeFile NONE = new LoweredCodeFile(null, Map.of());

    private static final int MAGIC = 0x57564d4c; // "WVML"
    /** Bumped whenever the layout changes (the key changes with every build anyway). */
    private static final int FORMAT = 1;
    private static final int INDEX_ENTRY = 4 * Integer.BYTES;

    /** Where a function's block lies in the file. */
    private record Block(int offset, int length, int crc) {
    }

    private final ByteBuffer mapped;
    private final Map<Integer, Block> index;

    private LoweredCodeFile(ByteBuffer mapped, Map<Integer, Block> index) {
        this.mapped = mapped;
        this.index = index;
    }

    /** The file's index, mapped; {@link #NONE} when it is absent, damaged or not the entry {@code key}. */
    static LoweredCodeFile open(Path file, String key) {
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                return NONE;
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException | UnsupportedOperationException e) {
            CompilerTier.log(System.Logger.Level.DEBUG, "code cache: cannot read " + file + ": " + e);
            return NONE;
        }
        try {
            ByteBuffer in = mapped.duplicate();
            byte[] expected = key.getBytes(StandardCharsets.UTF_8);
            if (in.getInt() != MAGIC || in.getInt() != FORMAT || in.getInt() != expected.length) {
                return ignored(file);
            }
            byte[] actual = new byte[expected.length];
            in.get(actual);
            int count = in.getInt();
            if (!Arrays.equals(actual, expected) || count < 0 || count > in.remaining() / INDEX_ENTRY) {
                return ignored(file);
            }
            Map<Integer, Block> index = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                int function = in.getInt();
                var block = new Block(in.getInt(), in.getInt(), in.getInt());
                if (block.offset() < 0 || block.length() < 0 || block.offset() > mapped.capacity() - block.length()) {
                    return ignored(file);
                }
                index.put(function, block);
            }
            int headerLength = in.position();
            if (in.getInt() != crc(mapped.slice(0, headerLength))) {
                return ignored(file);
            }
            return new LoweredCodeFile(mapped, index);
        } catch (BufferUnderflowException e) {
            return ignored(file);
        }
    }

    /** The code earlier runs lowered for {@code functionIndex}; null when there is none or its block is damaged. */
    public LoweredFunction find(int functionIndex) {
        Block block = index.get(functionIndex);
        if (block == null) {
            return null;
        }
        ByteBuffer in = mapped.slice(block.offset(), block.length());
        if (crc(in.duplicate()) != block.crc()) {
            return null;
        }
        try {
            int params = in.getInt();
            int locals = in.getInt();
            int results = in.getInt();
            int frameSize = in.getInt();
            int exceptionSlots = in.getInt();
            byte flags = in.get();
            int[] code = ints(in);
            int[] sourceMap = ints(in);
            int[] loopHeaders = ints(in);
            int[] handlers = ints(in);
            int constantCount = length(in, Long.BYTES);
            long[] constants = new long[constantCount];
            in.asLongBuffer().get(constants);
            return new LoweredFunction(code, params, locals, results, constants, frameSize, sourceMap, loopHeaders,
                    (flags & 1) != 0, (flags & 2) != 0, handlers, exceptionSlots);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null; // the checksum matched, so only a foreign writer gets here
        }
    }

    /**
     * Writes the entry {@code key} to {@code file}: the functions of {@code previous} (as they were) and
     * {@code lowered}, atomically; false (logged) when the file system refuses or the file would pass 2 GB.
     */
    static boolean write(Path file, String key, LoweredCodeFile previous, Map<Integer, LoweredFunction> lowered) {
        try {
            byte[] bytes = bytes(key, previous, lowered);
            return bytes != null && CacheFile.replace(file, bytes);
        } catch (OutOfMemoryError e) {
            return false; // the heap has no room for the file's bytes now: the cache is optional, the run is done
        }
    }

    /** The whole file, or null when it would pass 2 GB. */
    private static byte[] bytes(String key, LoweredCodeFile previous, Map<Integer, LoweredFunction> lowered) {
        Map<Integer, byte[]> blocks = new TreeMap<>();
        previous.index.forEach((function, block) -> {
            byte[] bytes = new byte[block.length()];
            previous.mapped.get(block.offset(), bytes);
            blocks.put(function, bytes);
        });
        lowered.forEach((function, code) -> blocks.put(function, encode(code)));
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        long headerLength = 4L * Integer.BYTES + keyBytes.length + (long) INDEX_ENTRY * blocks.size();
        long total = headerLength + Integer.BYTES + blocks.values().stream().mapToLong(bytes -> bytes.length).sum();
        if (total > Integer.MAX_VALUE) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        out.putInt(MAGIC).putInt(FORMAT).putInt(keyBytes.length).put(keyBytes).putInt(blocks.size());
        int offset = (int) headerLength + Integer.BYTES;
        for (var entry : blocks.entrySet()) {
            byte[] bytes = entry.getValue();
            out.putInt(entry.getKey()).putInt(offset).putInt(bytes.length).putInt(crc(ByteBuffer.wrap(bytes)));
            offset += bytes.length;
        }
        out.putInt(crc(out.duplicate().flip()));
        blocks.values().forEach(out::put);
        return out.array();
    }

    private static byte[] encode(LoweredFunction f) {
        int arrays = Integer.BYTES * (f.code().length + f.sourceMap().length + f.loopHeaders().length + f.handlers().length)
                + Long.BYTES * f.constants().length;
        ByteBuffer out = ByteBuffer.allocate(10 * Integer.BYTES + 1 + arrays);
        out.putInt(f.paramCount()).putInt(f.localCount()).putInt(f.resultCount()).putInt(f.frameSize())
                .putInt(f.exceptionSlots()).put((byte) ((f.usesReferences() ? 1 : 0) | (f.usesVectors() ? 2 : 0)));
        for (int[] values : new int[][] {f.code(), f.sourceMap(), f.loopHeaders(), f.handlers()}) {
            out.putInt(values.length);
            out.asIntBuffer().put(values);
            out.position(out.position() + values.length * Integer.BYTES);
        }
        out.putInt(f.constants().length);
        out.asLongBuffer().put(f.constants());
        return out.array();
    }

    private static int[] ints(ByteBuffer in) {
        int[] values = new int[length(in, Integer.BYTES)];
        in.asIntBuffer().get(values);
        in.position(in.position() + values.length * Integer.BYTES);
        return values;
    }

    /** A length read from the block, at most what is left of it ({@code unit} bytes an element). */
    private static int length(ByteBuffer in, int unit) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining() / unit) {
            throw new IllegalArgumentException("length " + length + " past the end");
        }
        return length;
    }

    private static int crc(ByteBuffer bytes) {
        var crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static LoweredCodeFile ignored(Path file) {
        CompilerTier.log(System.Logger.Level.DEBUG, "code cache: ignoring " + file + " (another entry, or damaged), rebuilding it");
        return NONE;
    }
}
