package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmvm.core.runtime.MemoryTesting.PAGE;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.TrapKind;

/**
 * Random operation sequences (fixed seed) on {@link FlatMemory} and {@link PagedMemory}, checked
 * against a plain byte-array model after every step.
 */
class LinearMemoryPropertyTest {
    private static final int MAX_PAGES = 4;
    private static final String TRAP = "trap";

    /** The reference: a byte array of the maximum size, of which the first {@code size} bytes count. */
    private final byte[] model = new byte[MAX_PAGES * PAGE];
    private long size = PAGE;

    @Test
    void implementationsAgreeWithTheModel() {
        List<LinearMemory> memories = List.of(MemoryTesting.flat(1, MAX_PAGES), MemoryTesting.paged(1, MAX_PAGES),
                MemoryTesting.flatThenPaged(1, MAX_PAGES));
        Random random = new Random(20240611L);
        int trapped = 0;
        for (int step = 0; step < 20_000; step++) {
            Op op = randomOp(random);
            Object expected = op.model.get();
            trapped += expected == TRAP ? 1 : 0;
            for (LinearMemory memory : memories) {
                assertThat(outcome(op.real, memory)).as("step %d: %s on %s", step, op.description, memory)
                        .isEqualTo(expected);
            }
        }
        assertThat(trapped).as("both outcomes exercised").isBetween(2_000, 12_000);
        assertThat(size).as("grew").isGreaterThan(PAGE);
        for (LinearMemory memory : memories) {
            assertThat(memory.byteSize()).isEqualTo(size);
            assertThat(memory.read(0, (int) size)).isEqualTo(Arrays.copyOf(model, (int) size));
        }
    }

    private record Op(String description, Supplier<Object> model,
            Function<LinearMemory, Object> real) {}

    private Op randomOp(Random random) {
        long addr = randomAddress(random);
        int width = 1 << random.nextInt(4);
        long value = random.nextLong();
        long length = random.nextInt(10) == 0 ? random.nextInt(3 * PAGE) : random.nextInt(40);
        String where = Long.toUnsignedString(addr);
        switch (random.nextInt(8)) {
            case 0, 1:
                return new Op("store" + width * 8 + " @" + where, () -> modelStore(addr, width, value),
                        m -> store(m, addr, width, value));
            case 2, 3:
                return new Op("load" + width * 8 + " @" + where, () -> modelLoad(addr, width), m -> load(m, addr, width));
            case 4: {
                byte b = (byte) value;
                return new Op("fill @" + where + " len " + length, () -> modelFill(addr, b, length),
                        m -> { m.fill(addr, b, length); return null; });
            }
            case 5: {
                long src = random.nextBoolean() ? addr + random.nextInt(64) - 32 : randomAddress(random);
                return new Op("copy @" + where + " from " + Long.toUnsignedString(src) + " len " + length,
                        () -> modelCopy(addr, src, length), m -> { m.copy(addr, m, src, length); return null; });
            }
            case 6: {
                byte[] data = new byte[random.nextInt(64)];
                random.nextBytes(data);
                long offset = random.nextInt(data.length + 2);
                long len = random.nextInt(data.length + 2);
                return new Op("init @" + where + " " + offset + "+" + len + " of " + data.length,
                        () -> modelInit(addr, data, offset, len), m -> { m.init(addr, data, offset, len); return null; });
            }
            default: {
                long delta = random.nextInt(10) == 0 ? -random.nextInt(3) : random.nextInt(2);
                return new Op("grow " + delta, () -> modelGrow(delta), m -> m.grow(delta));
            }
        }
    }

    /** Mostly near page boundaries and the end, sometimes anywhere or far out. */
    private long randomAddress(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt((int) size + 16);
            case 1 -> size - random.nextInt(16);
            case 2 -> new long[] {-1, -8, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, (1L << 32) - 4}[random.nextInt(6)];
            default -> (long) random.nextInt(MAX_PAGES + 1) * PAGE + random.nextInt(24) - 12;
        };
    }

    private static Object outcome(Function<LinearMemory, Object> op, LinearMemory memory) {
        try {
            return op.apply(memory);
        } catch (Trap trap) {
            assertThat(trap.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS);
            return TRAP;
        }
    }

    private static Object load(LinearMemory memory, long addr, int width) {
        return switch (width) {
            case 1 -> (long) memory.load8(addr);
            case 2 -> (long) memory.load16(addr);
            case 4 -> (long) memory.load32(addr);
            default -> memory.load64(addr);
        };
    }

    private static Object store(LinearMemory memory, long addr, int width, long value) {
        switch (width) {
            case 1 -> memory.store8(addr, (byte) value);
            case 2 -> memory.store16(addr, (short) value);
            case 4 -> memory.store32(addr, (int) value);
            default -> memory.store64(addr, value);
        }
        return null;
    }

    // ---- the model: plain loops, bounds checked without overflow-prone arithmetic ----

    private boolean fits(long addr, long length) {
        return addr >= 0 && length >= 0 && addr <= size && length <= size - addr;
    }

    private Object modelLoad(long addr, int width) {
        if (!fits(addr, width)) {
            return TRAP;
        }
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (model[(int) addr + i] & 0xFFL) << (8 * i);
        }
        // Sign-extend like the narrow Java types the real loads return.
        return value << (64 - 8 * width) >> (64 - 8 * width);
    }

    private Object modelStore(long addr, int width, long value) {
        if (!fits(addr, width)) {
            return TRAP;
        }
        for (int i = 0; i < width; i++) {
            model[(int) addr + i] = (byte) (value >>> (8 * i));
        }
        return null;
    }

    private Object modelFill(long addr, byte value, long length) {
        if (!fits(addr, length)) {
            return TRAP;
        }
        for (long i = 0; i < length; i++) {
            model[(int) (addr + i)] = value;
        }
        return null;
    }

    private Object modelCopy(long dst, long src, long length) {
        if (!fits(dst, length) || !fits(src, length)) {
            return TRAP;
        }
        byte[] copied = Arrays.copyOfRange(model, (int) src, (int) (src + length));
        System.arraycopy(copied, 0, model, (int) dst, copied.length);
        return null;
    }

    private Object modelInit(long dst, byte[] data, long offset, long length) {
        if (offset + length > data.length || !fits(dst, length)) {
            return TRAP;
        }
        for (int i = 0; i < length; i++) {
            model[(int) dst + i] = data[(int) offset + i];
        }
        return null;
    }

    private Object modelGrow(long delta) {
        long pages = size / PAGE;
        if (delta < 0 || pages + delta > MAX_PAGES) {
            return -1L;
        }
        size += delta * PAGE;
        return pages;
    }
}
