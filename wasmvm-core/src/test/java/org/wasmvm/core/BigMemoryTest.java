package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A memory64 memory beyond 4 GiB, driven by wasm code: heap use follows the pages touched. */
class BigMemoryTest {
    private static final long PAGES = 70_000;
    private static final long BYTES = PAGES * 65536;

    @Test
    void growsPast4GiBAndAccessesItsTopWithoutAllocatingIt() {
        long heapBefore = usedHeap();
        Instance instance = TestModules.load("big-memory").instantiate();

        assertThat(instance.function("grow").apply(PAGES - 1)).containsExactly(1L);
        assertThat(instance.function("size").apply()).containsExactly(PAGES);
        long[] addresses = {BYTES - 8, (1L << 32) - 4, 1L << 32, (1L << 32) + 123_456_789, 8};
        for (long address : addresses) {
            instance.function("store").apply(address, ~address);
        }
        for (long address : addresses) {
            assertThat(instance.function("load").apply(address)).containsExactly(~address);
        }
        assertThat(instance.function("load").apply((1L << 32) + (1L << 28))).containsExactly(0L);
        assertThat(instance.function("load_offset").apply(BYTES - 8 - 0xffff0000L)).containsExactly(~(BYTES - 8));
        long heapGrowth = usedHeap() - heapBefore;

        assertThat(heapGrowth).isLessThan(256L << 20);
        assertThat(instance.memory("memory").byteSize()).isEqualTo(BYTES);
    }

    @Test
    void accessStraddlingTheTopTraps() {
        Instance instance = TestModules.load("big-memory").instantiate();
        instance.function("grow").apply(PAGES - 1);

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("load").apply(BYTES - 7));
        WasmTrap wrapped = catchThrowableOfType(WasmTrap.class, () -> instance.function("load_offset").apply(-1L));

        assertThat(trap.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS);
        assertThat(wrapped.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
