package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.runtime.MemoryTesting.PAGE;
import static org.wasmvm.core.runtime.MemoryTesting.assertMemoryTrap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;

/** The hot-path and bulk operations, run against every implementation (and a paged memory's flat phase, and a shared one). */
class LinearMemoryContractTest {
    static Stream<Arguments> implementations() {
        LongFunction<LinearMemory> flat = pages -> MemoryTesting.flat((int) pages, 8);
        LongFunction<LinearMemory> paged = pages -> MemoryTesting.paged(pages, 8);
        LongFunction<LinearMemory> flatThenPaged = pages -> MemoryTesting.flatThenPaged(pages, 8);
        LongFunction<LinearMemory> shared = pages -> MemoryTesting.shared(pages, 8);
        return Stream.of(Arguments.of("flat", flat), Arguments.of("paged", paged), Arguments.of("flat-then-paged", flatThenPaged),
                Arguments.of("shared", shared));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void accessesAtTheEdges(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(2);
        long end = 2L * PAGE;
        memory.store8(end - 1, (byte) 1);
        memory.store16(end - 2, (short) 2);
        memory.store32(end - 4, 3);
        memory.store64(end - 8, 4);
        assertThat(memory.load64(end - 8)).isEqualTo(4);
        assertThat(memory.load32(end - 4)).isZero();
        assertThat(memory.load16(end - 2)).isZero();
        assertThat(memory.load8(end - 1)).isZero();
        assertThat(memory.load8(0)).isZero();

        for (long bad : new long[] {end, end + 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32}) {
            assertMemoryTrap(() -> memory.load8(bad));
            assertMemoryTrap(() -> memory.store8(bad, (byte) 0));
        }
        assertMemoryTrap(() -> memory.load16(end - 1));
        assertMemoryTrap(() -> memory.load32(end - 3));
        assertMemoryTrap(() -> memory.load64(end - 7));
        assertMemoryTrap(() -> memory.load64(Long.MAX_VALUE - 3));
        assertMemoryTrap(() -> memory.load64(-4));
        assertMemoryTrap(() -> memory.store16(end - 1, (short) 9));
        assertMemoryTrap(() -> memory.store32(end - 3, 9));
        assertMemoryTrap(() -> memory.store64(end - 7, 9));
        assertThat(memory.load64(end - 8)).isEqualTo(4);
    }

    /** A memory grown a page at a time (it keeps room to grow, see FlatBytes.withRoom) ends where its size says. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void growingAPageAtATimeKeepsTheBoundsAtTheSize(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(1);
        for (int pages = 1; pages < 8; pages++) {
            long end = (long) pages * PAGE;
            assertThat(memory.byteSize()).isEqualTo(end);
            assertThat(memory.load64(end - 8)).as("a page that just became visible reads 0").isZero();
            memory.store64(end - 8, -1);
            assertMemoryTrap(() -> memory.load8(end));
            assertMemoryTrap(() -> memory.store8(end, (byte) 1));
            assertMemoryTrap(() -> memory.store32(end - 2, 1));
            assertThat(memory.grow(1)).isEqualTo(pages);
            assertThat(memory.load64(end - 8)).as("growing keeps the contents").isEqualTo(-1);
        }
        assertThat(memory.grow(1)).as("the maximum of 8 pages").isEqualTo(-1);
        assertMemoryTrap(() -> memory.load8(8L * PAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void littleEndianLayout(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(2);
        // At an unaligned address and straddling the boundary between the two pages.
        for (long at : new long[] {3, PAGE - 4}) {
            memory.store64(at, 0x0807060504030201L);
            for (int i = 0; i < 8; i++) {
                assertThat(memory.load8(at + i)).isEqualTo((byte) (i + 1));
            }
            assertThat(memory.load16(at + 1)).isEqualTo((short) 0x0302);
            assertThat(memory.load32(at + 2)).isEqualTo(0x06050403);
            memory.store32(at + 4, 0xA1B2C3D4);
            assertThat(memory.load64(at)).isEqualTo(0xA1B2C3D404030201L);
            memory.store16(at + 3, (short) 0xEEFF);
            assertThat(memory.load32(at)).isEqualTo(0xFF030201);
            assertThat(memory.load8(at + 4)).isEqualTo((byte) 0xEE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void fill(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(2);
        memory.fill(PAGE - 2, (byte) 7, 4);
        assertThat(memory.load32(PAGE - 2)).isEqualTo(0x07070707);
        assertThat(memory.load8(PAGE - 3)).isZero();
        assertThat(memory.load8(PAGE + 2)).isZero();
        memory.fill(2L * PAGE, (byte) 1, 0);
        memory.fill(0, (byte) 5, 2L * PAGE);
        assertThat(memory.load64(2L * PAGE - 8)).isEqualTo(0x0505050505050505L);

        memory.fill(0, (byte) 0, 2L * PAGE);
        assertMemoryTrap(() -> memory.fill(2L * PAGE - 3, (byte) 9, 4));
        assertMemoryTrap(() -> memory.fill(2L * PAGE + 1, (byte) 9, 0));
        assertMemoryTrap(() -> memory.fill(1, (byte) 9, -1));
        assertMemoryTrap(() -> memory.fill(-1, (byte) 9, 1));
        assertThat(memory.load64(2L * PAGE - 8)).as("nothing written").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void copyOverlappingBothWays(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(3);
        // Ranges longer than a page, crossing page boundaries, overlapping.
        int length = PAGE + 100;
        byte[] pattern = pattern(length);
        memory.init(10, pattern, 0, length);
        memory.copy(1000, memory, 10, length);
        assertThat(memory.read(1000, length)).isEqualTo(pattern);
        memory.copy(20, memory, 1000, length);
        assertThat(memory.read(20, length)).isEqualTo(pattern);
        memory.copy(20, memory, 20, length);
        assertThat(memory.read(20, length)).isEqualTo(pattern);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void copyOutOfBoundsWritesNothing(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(1);
        memory.store8(PAGE - 1, (byte) 1);
        memory.copy(PAGE, memory, 0, 0);
        memory.copy(0, memory, PAGE, 0);
        assertMemoryTrap(() -> memory.copy(0, memory, PAGE - 4, 5));
        assertMemoryTrap(() -> memory.copy(PAGE - 4, memory, 0, 5));
        assertMemoryTrap(() -> memory.copy(PAGE + 1, memory, 0, 0));
        assertMemoryTrap(() -> memory.copy(0, memory, Long.MIN_VALUE, 1));
        assertThat(memory.load8(0)).isZero();
        assertThat(memory.load32(PAGE - 4)).isEqualTo(0x01000000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void copyBetweenImplementations(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(2);
        byte[] pattern = pattern(PAGE + 7);
        memory.init(5, pattern, 0, pattern.length);
        for (LinearMemory other : new LinearMemory[] {MemoryTesting.flat(2, 2), MemoryTesting.paged(2, 2)}) {
            other.copy(3, memory, 5, pattern.length);
            assertThat(other.read(3, pattern.length)).isEqualTo(pattern);
            other.store8(0, (byte) 42);
            memory.copy(2L * PAGE - 2, other, 0, 2);
            assertThat(memory.load16(2L * PAGE - 2)).isEqualTo((short) 42);
            assertMemoryTrap(() -> other.copy(0, memory, PAGE, PAGE + 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void init(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(1);
        byte[] data = {1, 2, 3, 4, 5, 6};
        memory.init(PAGE - 3, data, 2, 3);
        assertThat(memory.read(PAGE - 4, 4)).containsExactly(0, 3, 4, 5);
        memory.init(PAGE, data, 6, 0);
        assertMemoryTrap(() -> memory.init(PAGE - 2, data, 0, 3));
        assertMemoryTrap(() -> memory.init(0, data, 4, 3));
        assertMemoryTrap(() -> memory.init(0, data, 7, 0));
        assertMemoryTrap(() -> memory.init(0, data, -1, 1));
        assertMemoryTrap(() -> memory.init(PAGE + 1, data, 0, 0));
        assertThat(memory.load8(0)).isZero();
        assertThat(memory.load16(PAGE - 2)).isEqualTo((short) 0x0504);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void grow(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(1);
        memory.store8(PAGE - 1, (byte) 9);
        assertThat(memory.grow(0)).isEqualTo(1);
        assertThat(memory.grow(2)).isEqualTo(1);
        assertThat(memory.pages()).isEqualTo(3);
        assertThat(memory.byteSize()).isEqualTo(3L * PAGE);
        assertThat(memory.load8(PAGE - 1)).isEqualTo((byte) 9);
        memory.store64(3L * PAGE - 8, -1);
        assertThat(memory.load64(3L * PAGE - 8)).isEqualTo(-1);
        assertThat(memory.grow(6)).isEqualTo(-1);
        assertThat(memory.grow(-1)).isEqualTo(-1);
        assertThat(memory.grow(Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(memory.grow(5)).isEqualTo(3);
        assertThat(memory.grow(1)).isEqualTo(-1);
        assertThat(memory.grow(0)).isEqualTo(8);
        assertThat(memory.pages()).isEqualTo(8);
        assertThat(memory.load8(PAGE - 1)).isEqualTo((byte) 9);
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    /** The buffer transfers (a host reading a file into memory): across pages, direct or not, and only within bounds. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void bufferTransfersCrossPagesAndStayInBounds(String name, LongFunction<LinearMemory> factory) {
        LinearMemory memory = factory.apply(4);
        byte[] pattern = new byte[PAGE + 100];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 31 + 7);
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(pattern.length).put(pattern).flip();
        memory.write(PAGE - 50, direct);
        assertThat(direct.hasRemaining()).as("the buffer's bytes are taken").isFalse();
        assertThat(memory.read(PAGE - 50, pattern.length)).isEqualTo(pattern);

        ByteBuffer back = ByteBuffer.allocate(pattern.length + 10);
        back.position(10);
        memory.read(PAGE - 50, back);
        assertThat(back.hasRemaining()).isFalse();
        assertThat(Arrays.copyOfRange(back.array(), 10, back.capacity())).isEqualTo(pattern);

        ByteBuffer untouched = ByteBuffer.allocateDirect(2 * PAGE - 64); // after the pattern, to the end
        memory.read(2L * PAGE + 64, untouched);
        assertThat(untouched.flip().mismatch(ByteBuffer.allocate(2 * PAGE - 64))).as("bytes never written read as zeros").isEqualTo(-1);

        ByteBuffer tooFar = ByteBuffer.allocate(51);
        assertThatThrownBy(() -> memory.read(4L * PAGE - 50, tooFar)).isInstanceOfSatisfying(WasmTrap.class,
                trap -> assertThat(trap.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS));
        assertThat(tooFar.position()).as("nothing moves when the range is out of bounds").isZero();
        assertThatThrownBy(() -> memory.write(-1, ByteBuffer.allocate(1))).isInstanceOf(WasmTrap.class);
    }
}
