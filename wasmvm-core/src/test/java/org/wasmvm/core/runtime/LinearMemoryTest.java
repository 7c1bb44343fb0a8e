package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.runtime.MemoryTesting.memoryType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Memory;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;

/** {@link LinearMemory#create} and the public {@link Memory} API. */
class LinearMemoryTest {
    @Test
    void smallMemoriesAreFlat() {
        LinearMemory memory = LinearMemory.create(memoryType(1, 10, false), Long.MAX_VALUE);
        assertThat(memory).isInstanceOf(FlatMemory.class);
        assertThat(memory.pages()).isEqualTo(1);
        assertThat(memory.byteSize()).isEqualTo(65536);
        assertThat(memory.maxPages()).isEqualTo(10);
    }

    @Test
    void hostLimitBoundsTheMaximum() {
        LinearMemory memory = LinearMemory.create(memoryType(1, Limits.NO_MAX, true), 100);
        assertThat(memory).isInstanceOf(FlatMemory.class);
        assertThat(memory.maxPages()).isEqualTo(100);
        assertThat(memory.grow(100)).isEqualTo(-1);
        assertThat(memory.grow(99)).isEqualTo(1);
    }

    @Test
    void largeSixtyFourBitMemoriesArePaged() {
        LinearMemory unbounded = LinearMemory.create(memoryType(0, Limits.NO_MAX, true), Long.MAX_VALUE);
        assertThat(unbounded).isInstanceOf(PagedMemory.class);
        assertThat(unbounded.maxPages()).isEqualTo(PagedMemory.MAX_PAGES);
        LinearMemory bounded = LinearMemory.create(memoryType(0, 70_000, true), Long.MAX_VALUE);
        assertThat(bounded).isInstanceOf(PagedMemory.class);
        assertThat(bounded.maxPages()).isEqualTo(70_000);
    }

    @Test
    void thirtyTwoBitMemoriesReachFourGiB() {
        assertThat(LinearMemory.create(memoryType(1, 100, false), Long.MAX_VALUE)).isInstanceOf(FlatMemory.class);
        LinearMemory memory = LinearMemory.create(memoryType(1, Limits.NO_MAX, false), Long.MAX_VALUE);
        assertThat(memory).isInstanceOf(PagedMemory.class);
        assertThat(memory.maxPages()).isEqualTo(65536);
        memory.store32(1000, 0x1234_5678);
        assertThat(memory.grow(65535)).isEqualTo(1);
        assertThat(memory.pages()).isEqualTo(65536);
        assertThat(memory.grow(1)).isEqualTo(-1);
        memory.store32((4L << 30) - 4, 0xCAFE_BABE);
        assertThat(memory.load32((4L << 30) - 4)).isEqualTo(0xCAFE_BABE);
        assertThat(memory.load32(1000)).isEqualTo(0x1234_5678); // kept when the array became pages
        assertThatThrownBy(() -> memory.load32((4L << 30) - 3)).isInstanceOf(Trap.class);
    }

    @Test
    void minimumBeyondTheLimitIsRejected() {
        assertThatThrownBy(() -> LinearMemory.create(memoryType(40_000, 65536, false), 30_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory minimum of 40000 pages exceeds the limit of 30000 pages");
        assertThatThrownBy(() -> LinearMemory.create(memoryType(11, Limits.NO_MAX, true), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory minimum of 11 pages exceeds the limit of 10 pages");
    }

    @Test
    void memoryCreateFactoriesWork() {
        Memory memory = Memory.create(2, 4);
        assertThat(memory.type()).isEqualTo(memoryType(2, 4, false));
        assertThat(memory.pages()).isEqualTo(2);
        assertThat(memory.grow(2)).isEqualTo(2);
        assertThat(memory.grow(1)).isEqualTo(-1);
    }

    @Test
    void publicApiReadsAndWritesLittleEndian() {
        Memory memory = Memory.create(new MemoryType(new Limits(1, 1, false)));
        memory.writeInt(8, 0x11223344);
        memory.writeLong(16, 0x0102030405060708L);
        memory.writeByte(65535, (byte) 0x7F);
        assertThat(memory.read(8, 4)).containsExactly(0x44, 0x33, 0x22, 0x11);
        assertThat(memory.read(16, 8)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(memory.readInt(8)).isEqualTo(0x11223344);
        assertThat(memory.readLong(16)).isEqualTo(0x0102030405060708L);
        assertThat(memory.readByte(65535)).isEqualTo((byte) 0x7F);
        memory.write(100, new byte[] {1, 2, 3, 4, 5}, 1, 3);
        byte[] out = new byte[5];
        memory.read(99, out, 1, 4);
        assertThat(out).containsExactly(0, 0, 2, 3, 4);
    }

    @Test
    void publicApiThrowsWasmTrap() {
        Memory memory = Memory.create(1, 1);
        assertPublicTrap(() -> memory.readByte(65536));
        assertPublicTrap(() -> memory.readInt(65533));
        assertPublicTrap(() -> memory.readLong(-8));
        assertPublicTrap(() -> memory.writeByte(Long.MIN_VALUE, (byte) 1));
        assertPublicTrap(() -> memory.writeInt(65533, 1));
        assertPublicTrap(() -> memory.writeLong(65529, 1));
        assertPublicTrap(() -> memory.read(65530, 7));
        assertPublicTrap(() -> memory.write(65530, new byte[7]));
        assertThat(memory.read(65536, 0)).isEmpty();
        assertThatThrownBy(() -> memory.read(0, new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static void assertPublicTrap(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WasmTrap.class,
                trap -> assertThat(trap.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS));
    }
}
