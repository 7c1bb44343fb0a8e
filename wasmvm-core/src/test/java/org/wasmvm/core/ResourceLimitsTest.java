package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * {@link RuntimeLimits#maxMemoryPages()} and {@link RuntimeLimits#maxTableElements()}: growing past
 * them fails the way the spec allows ({@code memory.grow}/{@code table.grow} return -1), and a
 * declared minimum beyond them fails instantiation with a {@link ResourceLimitException}.
 */
class ResourceLimitsTest {
    private static final RuntimeLimits SMALL = RuntimeLimits.DEFAULT.withMaxMemoryPages(4).withMaxTableElements(10);

    @Test
    void memoryGrowBeyondTheLimitReturnsMinusOne() {
        Instance instance = new Store(SMALL).instantiate(TestModules.load("limits"));
        ExportedFunction grow = instance.function("memory_grow");

        assertThat(grow.apply(3)).containsExactly(1);        // 1 -> 4 pages: exactly the limit
        assertThat(grow.apply(1)).containsExactly(-1);       // 5 > 4
        assertThat(grow.apply(0xFFFF)).containsExactly(-1);
        assertThat(instance.function("memory_size").apply()).containsExactly(4);
        assertThat(instance.memory("mem").pages()).isEqualTo(4);
    }

    @Test
    void tableGrowBeyondTheLimitReturnsMinusOne() {
        Instance instance = new Store(SMALL).instantiate(TestModules.load("limits"));
        ExportedFunction grow = instance.function("table_grow");

        assertThat(grow.apply(9)).containsExactly(1);        // 1 -> 10 elements: exactly the limit
        assertThat(grow.apply(1)).containsExactly(-1);
        assertThat(grow.apply(-1)).containsExactly(-1);      // 2^32 - 1, unsigned
        assertThat(instance.function("table_size").apply()).containsExactly(10);
    }

    @Test
    void aDeclaredMemoryMinimumBeyondTheLimitFailsInstantiation() {
        Store store = new Store(SMALL.withMaxMemoryPages(0));
        ResourceLimitException e = catchThrowableOfType(ResourceLimitException.class,
                () -> store.instantiate(TestModules.load("limits")));
        assertThat(e).hasMessageContaining("memory needs at least 1 pages, over the limit of 0");
    }

    @Test
    void aDeclaredTableMinimumBeyondTheLimitFailsInstantiation() {
        Module module = TestModules.load("big-table");     // (table 100000 funcref)
        assertThat(new Store().instantiate(module)).isNotNull();

        Store store = new Store(RuntimeLimits.DEFAULT.withMaxTableElements(99_999));
        ResourceLimitException e = catchThrowableOfType(ResourceLimitException.class, () -> store.instantiate(module));
        assertThat(e).hasMessageContaining("table needs at least 100000 elements, over the limit of 99999");
    }

    @Test
    void manyTablesCannotMultiplyTheTableLimit() {
        // 20 tables of 10 000 000 elements (the default limit) each: a 131-byte module asking for 1.6 GB
        java.io.ByteArrayOutputStream tables = new java.io.ByteArrayOutputStream();
        tables.write(20);
        for (int i = 0; i < 20; i++) {
            tables.writeBytes(new byte[] {0x70, 0x00, (byte) 0x80, (byte) 0xAD, (byte) 0xE2, 0x04}); // funcref, min 10 000 000
        }
        byte[] header = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x04, (byte) tables.size()};
        byte[] module = java.util.Arrays.copyOf(header, header.length + tables.size());
        System.arraycopy(tables.toByteArray(), 0, module, header.length, tables.size());
        Module loaded = Wasm.load(module);

        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ResourceLimitException e = catchThrowableOfType(ResourceLimitException.class, () -> new Store().instantiate(loaded));
        assertThat(e).hasMessageContaining("20 tables need at least 200000000 elements in all, over the limit of 10000000");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1024 * 1024);
    }

    @Test
    void aFourGiBMemoryIsReservedNotAllocated() {
        // a 32-bit memory of 65 536 pages (4 GiB, more than a Java array holds) takes heap only for the pages written
        byte[] module = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x05, 0x05, 0x01, 0x00, (byte) 0x80, (byte) 0x80, 0x04};
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.INTERPRETER).instantiate(Wasm.load(module));
        assertThat(instance.memory(0).byteSize()).isEqualTo(4L << 30);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16 << 20);
        ResourceLimitException e = catchThrowableOfType(ResourceLimitException.class,
                () -> new Store(RuntimeLimits.DEFAULT.withMaxMemoryPages(1000)).instantiate(Wasm.load(module)));
        assertThat(e).hasMessageContaining("65536 pages");
    }
}
