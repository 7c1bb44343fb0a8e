package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmvm.core.runtime.MemoryTesting.PAGE;
import static org.wasmvm.core.runtime.MemoryTesting.assertMemoryTrap;
import static org.wasmvm.core.runtime.MemoryTesting.memoryType;

import org.junit.jupiter.api.Test;

/** {@link PagedMemory} beyond 4 GiB, allocating only the pages touched. */
class PagedMemoryTest {
    private static final long FOUR_GIB = 1L << 32;

    @Test
    void growsBeyondFourGibWithoutAllocatingIt() {
        long heapBefore = usedHeap();
        LinearMemory memory = LinearMemory.create(memoryType(1, 70_000, true), Long.MAX_VALUE);
        assertThat(memory).isInstanceOf(PagedMemory.class);
        assertThat(memory.grow(69_999)).isEqualTo(1);
        long top = 70_000L * PAGE;
        assertThat(memory.byteSize()).isEqualTo(top).isGreaterThan(FOUR_GIB);

        // Non-overlapping: the top, straddling 4 GiB, just below and above it, straddling 2 GiB and a page.
        long[] addresses = {top - 8, FOUR_GIB - 4, FOUR_GIB - 16, FOUR_GIB + 8, FOUR_GIB + 19, (1L << 31) - 2, 5L * PAGE - 1};
        for (long addr : addresses) {
            memory.store64(addr, ~addr);
        }
        for (long addr : addresses) {
            assertThat(memory.load64(addr)).as("at %d", addr).isEqualTo(~addr);
        }
        memory.store32(top - 4, 0xCAFEBABE);
        assertThat(memory.load32(top - 4)).isEqualTo(0xCAFEBABE);
        assertThat(memory.load64(top - 8)).isEqualTo((0xCAFEBABEL << 32) | (~(top - 8) & 0xFFFFFFFFL));
        assertThat(memory.load16(FOUR_GIB - 1)).isEqualTo((short) (~(FOUR_GIB - 4) >>> 24));

        // Untouched places read 0, including a bulk read that crosses untouched pages.
        assertThat(memory.load64(3L << 30)).isZero();
        assertThat(memory.load8(top - 9)).isZero();
        assertThat(memory.load64(FOUR_GIB + 64)).isZero();
        assertThat(memory.read(FOUR_GIB + 2 * PAGE - 5, PAGE + 10)).containsOnly(0);

        assertMemoryTrap(() -> memory.load64(top - 7));
        assertMemoryTrap(() -> memory.store8(top, (byte) 1));
        assertMemoryTrap(() -> memory.load32(-4));
        assertThat(memory.grow(1)).isEqualTo(-1);

        // A zero fill over the whole memory keeps untouched pages unallocated.
        memory.fill(0, (byte) 0, top);
        assertThat(memory.load64(FOUR_GIB)).isZero();

        long growth = usedHeap() - heapBefore;
        System.out.printf("PagedMemoryTest: %d MiB memory, heap grew by %d KiB%n", top >> 20, growth >> 10);
        assertThat(growth).isLessThan(256L << 20);
        assertThat(memory.pages()).isEqualTo(70_000); // keeps the memory reachable until measured
    }

    @Test
    void bulkOperationsCrossChunksAndReachTheTop() {
        LinearMemory memory = MemoryTesting.paged(70_000, 70_000);
        long top = memory.byteSize();
        memory.fill(FOUR_GIB - 3, (byte) 0x5A, 6);
        assertThat(memory.load64(FOUR_GIB - 4)).isEqualTo(0x005A5A5A5A5A5A00L);
        memory.copy(top - 6, memory, FOUR_GIB - 3, 6);
        assertThat(memory.read(top - 6, 6)).containsOnly(0x5A);
        memory.copy(FOUR_GIB - 1, memory, FOUR_GIB - 3, 6);
        assertThat(memory.load64(FOUR_GIB - 4)).isEqualTo(0x5A5A5A5A5A5A5A00L);
        memory.init(top - 2, new byte[] {1, 2, 3}, 1, 2);
        assertThat(memory.load16(top - 2)).isEqualTo((short) 0x0302);
        memory.copy(top, memory, 0, 0);
        assertMemoryTrap(() -> memory.copy(top - 5, memory, 0, 6));
        assertMemoryTrap(() -> memory.fill(top - 5, (byte) 1, 6));
        assertThat(memory.load8(top - 5)).isEqualTo((byte) 0x5A);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
