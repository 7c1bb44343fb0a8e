package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmvm.core.runtime.MemoryTesting.PAGE;
import static org.wasmvm.core.runtime.MemoryTesting.assertMemoryTrap;
import static org.wasmvm.core.runtime.MemoryTesting.assertTrap;

import java.util.Random;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.TrapKind;

/**
 * The atomic operations on one thread, against a model of the bytes ({@link AtomicModel}) on every memory
 * implementation: each width at each aligned place in a 16-byte window,
 * whose other bytes must stay as they were. Concurrency is {@code AtomicsConcurrencyTest}'s.
 */
class AtomicsTest {
    private static final int[] WIDTHS = {1, 2, 4, 8};

    static Stream<org.junit.jupiter.params.provider.Arguments> implementations() {
        return LinearMemoryContractTest.implementations();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void readModifyWritesMatchTheModel(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(2);
        var random = new Random(24);
        long base = PAGE - 8; // the window straddles the two pages (chunks); no aligned cell does
        for (int width : WIDTHS) {
            for (int at = 0; at < 16; at += width) {
                for (int op = 0; op <= 6; op++) {
                    byte[] bytes = new byte[16];
                    random.nextBytes(bytes);
                    memory.write(base, bytes);
                    byte[] window = bytes.clone();
                    long operand = random.nextLong();
                    long replacement = random.nextLong();
                    if (op == AtomicModel.CMPXCHG && random.nextBoolean()) {
                        // the expected value matches in the cell's width; the bits above it must not matter
                        operand = Atomics.load(base + at, width, memory) | (width == 8 ? 0 : random.nextLong() << (8 * width));
                    }
                    long expectedOld = AtomicModel.readModifyWrite(window, at, width, op, operand, replacement);
                    long old = op == AtomicModel.CMPXCHG
                            ? Atomics.compareExchange(base + at, operand, replacement, width, memory)
                            : Atomics.readModifyWrite(base + at, operand, width, op, memory);
                    String what = "width " + width + " at " + at + " op " + op;
                    assertThat(old).as(what).isEqualTo(expectedOld);
                    assertThat(memory.read(base, 16)).as(what).isEqualTo(window);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void loadsZeroExtendAndStoresWriteTheirWidthOnly(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(1);
        memory.writeLong(8, 0xF1F2F3F4F5F6F7F8L);
        assertThat(Atomics.load(8, 1, memory)).isEqualTo(0xF8);
        assertThat(Atomics.load(10, 2, memory)).isEqualTo(0xF5F6);
        assertThat(Atomics.load(12, 4, memory)).isEqualTo(0xF1F2F3F4L);
        assertThat(Atomics.load(8, 8, memory)).isEqualTo(0xF1F2F3F4F5F6F7F8L);

        Atomics.store(9, 0x1234, 1, memory);
        Atomics.store(10, 0xABCDEF, 2, memory);
        Atomics.store(12, 0x1_0000_0001L, 4, memory);
        assertThat(memory.readLong(8)).isEqualTo(0x00000001CDEF34F8L);
        Atomics.store(16, -2, 8, memory);
        assertThat(memory.readLong(16)).isEqualTo(-2);
        assertThat(memory.readLong(24)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void alignmentIsCheckedBeforeBounds(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(1);
        for (int width : new int[] {2, 4, 8}) {
            assertTrap(TrapKind.UNALIGNED_ATOMIC, () -> Atomics.checkAlignment(1, 0, width));
            assertTrap(TrapKind.UNALIGNED_ATOMIC, () -> Atomics.checkAlignment(0, width + 1, width));
            assertTrap(TrapKind.UNALIGNED_ATOMIC, () -> Atomics.checkAlignment(PAGE, -1, width)); // far out of bounds
            Atomics.checkAlignment(-width, 2L * width, width); // wraps to width: aligned
            assertMemoryTrap(() -> Atomics.load(PAGE, width, memory));
            assertMemoryTrap(() -> Atomics.store(PAGE, 0, width, memory));
            assertMemoryTrap(() -> Atomics.readModifyWrite(-width, 1, width, Atomics.ADD, memory));
            assertMemoryTrap(() -> Atomics.compareExchange(1L << 40, 0, 1, width, memory));
            assertThat(Atomics.load(PAGE - width, width, memory)).isZero();
        }
        Atomics.checkAlignment(7, 0, 1);
    }

    @Test
    void waitOnAnUnsharedMemoryTrapsAfterTheBoundsCheck() {
        LinearMemory memory = MemoryTesting.flat(1, 1);
        StoreContext context = MemoryTesting.context();
        assertTrap(TrapKind.EXPECTED_SHARED_MEMORY, () -> Atomics.await(0, 0, 0, 4, memory, context));
        assertTrap(TrapKind.EXPECTED_SHARED_MEMORY, () -> Atomics.await(8, 1, -1, 8, memory, context));
        assertMemoryTrap(() -> Atomics.await(PAGE, 0, 0, 4, memory, context));
        assertThat(Atomics.notify(0, 1, memory)).isZero();
        assertMemoryTrap(() -> Atomics.notify(PAGE, 1, memory));
    }

    @Test
    void waitComparesThenTimesOut() {
        LinearMemory memory = MemoryTesting.shared(1, 1);
        StoreContext context = MemoryTesting.context();
        memory.writeLong(8, 0xFFFF_FFFF_0000_0007L);
        assertThat(Atomics.await(8, 6, -1, 4, memory, context)).isEqualTo(Atomics.NOT_EQUAL);
        assertThat(Atomics.await(8, 7, -1, 8, memory, context)).isEqualTo(Atomics.NOT_EQUAL);
        assertThat(Atomics.await(8, 7, 0, 4, memory, context)).isEqualTo(Atomics.TIMED_OUT);
        assertThat(Atomics.await(12, -1, 0, 4, memory, context)).as("an i32 compares in 32 bits").isEqualTo(Atomics.TIMED_OUT);
        long start = System.nanoTime();
        assertThat(Atomics.await(8, 0xFFFF_FFFF_0000_0007L, 20_000_000, 8, memory, context)).isEqualTo(Atomics.TIMED_OUT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_000_000);
        assertThat(Atomics.notify(8, 10, memory)).as("a timed-out waiter left its queue").isZero();
    }
}
