package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wasmvm.core.binary.WasmBytes.bytes;
import static org.wasmvm.core.binary.WasmBytes.concat;
import static org.wasmvm.core.binary.WasmBytes.leb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.Wasm;

/**
 * Each {@link DecoderLimits} limit: a hand-made module just over it fails with "too many …" before
 * the decoder allocates anything in proportion to the declared count; and a tiny module declaring a
 * huge count fails without allocating.
 */
class DecoderLimitsTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Decodes {@code module}, expecting {@code reason}; returns the bytes the decoder allocated. */
    private static long assertRejected(byte[] module, String reason) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        MalformedModuleException e = catchThrowableOfType(MalformedModuleException.class,
                () -> ModuleDecoder.decode(module, Features.all()));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(e).as("decoding must fail").isNotNull();
        assertThat(e.getMessage()).contains(reason);
        return allocated;
    }

    /** A vector of {@code count} entries, each {@code entry}, inside section {@code id}. */
    private static byte[] section(int id, long count, byte[] entry) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(leb(count));
        for (long i = 0; i < count; i++) {
            content.writeBytes(entry);
        }
        return WasmBytes.module().section(id, content.toByteArray()).build();
    }

    private static final byte[] TYPE_0 = bytes(0x01, 0x60, 0x00, 0x00);

    static Stream<Arguments> overTheLimit() {
        byte[] funcImport = concat(WasmBytes.name("m"), WasmBytes.name("f"), bytes(0x00, 0x00));
        return Stream.of(
                over("types", () -> section(SectionId.TYPE, DecoderLimits.MAX_TYPES + 1L, bytes(0x60, 0x00, 0x00))),
                over("imports", () -> section(SectionId.IMPORT, DecoderLimits.MAX_IMPORTS + 1L, funcImport)),
                over("functions", () -> concat(WasmBytes.module().section(SectionId.TYPE, TYPE_0).build(),
                        sectionOnly(SectionId.FUNCTION, DecoderLimits.MAX_FUNCTIONS + 1L, bytes(0x00)))),
                over("functions", () -> concat(
                        WasmBytes.module().section(SectionId.TYPE, TYPE_0).build(),
                        sectionOnly(SectionId.IMPORT, 2, funcImport),
                        sectionOnly(SectionId.FUNCTION, DecoderLimits.MAX_FUNCTIONS - 1L, bytes(0x00)))),
                over("tables", () -> section(SectionId.TABLE, DecoderLimits.MAX_TABLES + 1L, bytes(0x70, 0x00, 0x00))),
                over("globals", () -> section(SectionId.GLOBAL, DecoderLimits.MAX_GLOBALS + 1L,
                        bytes(0x7F, 0x00, 0x41, 0x00, 0x0B))),
                over("exports", () -> section(SectionId.EXPORT, DecoderLimits.MAX_EXPORTS + 1L,
                        concat(WasmBytes.name("e"), bytes(0x00, 0x00)))),
                over("data segments", () -> section(SectionId.DATA, DecoderLimits.MAX_DATA_SEGMENTS + 1L, bytes(0x01, 0x00))),
                over("elements in a segment", () -> WasmBytes.module().section(SectionId.ELEMENT,
                        concat(bytes(0x01, 0x01, 0x00), leb(DecoderLimits.MAX_SEGMENT_ELEMENTS + 1L),
                                new byte[DecoderLimits.MAX_SEGMENT_ELEMENTS + 1])).build()),
                over("parameters", () -> WasmBytes.module().section(SectionId.TYPE, concat(bytes(0x01, 0x60),
                        leb(DecoderLimits.MAX_PARAMS + 1L), filled(DecoderLimits.MAX_PARAMS + 1, 0x7F), bytes(0x00))).build()),
                over("results", () -> WasmBytes.module().section(SectionId.TYPE, concat(bytes(0x01, 0x60, 0x00),
                        leb(DecoderLimits.MAX_RESULTS + 1L), filled(DecoderLimits.MAX_RESULTS + 1, 0x7F))).build()),
                over("br_table targets", () -> function(concat(bytes(0x00, 0x41, 0x00, 0x0E),
                        leb(DecoderLimits.MAX_BR_TABLE_TARGETS + 1L), new byte[DecoderLimits.MAX_BR_TABLE_TARGETS + 2],
                        bytes(0x0B)))),
                over("bytes in a function body", () -> function(concat(bytes(0x00),
                        filled(DecoderLimits.MAX_FUNCTION_SIZE, 0x01), bytes(0x0B)))),
                over("too many locals", () -> function(concat(bytes(0x01), leb(DecoderLimits.MAX_LOCALS + 1L),
                        bytes(0x7F, 0x0B)))));
    }

    private static Arguments over(String what, Supplier<byte[]> module) {
        return Arguments.of(what, module);
    }

    /** The section alone, without the module header, to append to another module's bytes. */
    private static byte[] sectionOnly(int id, long count, byte[] entry) {
        byte[] withHeader = section(id, count, entry);
        return java.util.Arrays.copyOfRange(withHeader, 8, withHeader.length);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    /** A module with one function of type [] -> [] whose body (locals and code) is {@code body}. */
    private static byte[] function(byte[] body) {
        return WasmBytes.module()
                .section(SectionId.TYPE, TYPE_0)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.CODE, concat(bytes(0x01), leb(body.length), body))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overTheLimit")
    void countsOverTheLimitAreRejectedBeforeTheyAreRead(String what, Supplier<byte[]> module) {
        byte[] bytes = module.get();
        long allocated = assertRejected(bytes, what.startsWith("too many") ? what : "too many " + what);
        // no per-entry objects: far less than one object header per declared entry
        assertThat(allocated).as("bytes allocated while decoding a %d-byte module", bytes.length)
                .isLessThan(256 * 1024);
    }

    static Stream<Arguments> hugeCountsInTinyModules() {
        byte[] huge = leb(0xFFFF_FFFFL);
        return Stream.of(
                Arguments.of("types", WasmBytes.module().section(SectionId.TYPE, huge).build()),
                Arguments.of("imports", WasmBytes.module().section(SectionId.IMPORT, huge).build()),
                Arguments.of("functions", WasmBytes.module().section(SectionId.FUNCTION, huge).build()),
                Arguments.of("tables", WasmBytes.module().section(SectionId.TABLE, huge).build()),
                Arguments.of("memories", WasmBytes.module().section(SectionId.MEMORY, huge).build()),
                Arguments.of("globals", WasmBytes.module().section(SectionId.GLOBAL, huge).build()),
                Arguments.of("exports", WasmBytes.module().section(SectionId.EXPORT, huge).build()),
                Arguments.of("element segments", WasmBytes.module().section(SectionId.ELEMENT, huge).build()),
                Arguments.of("elements", WasmBytes.module().section(SectionId.ELEMENT, concat(bytes(0x01, 0x01, 0x00), huge)).build()),
                Arguments.of("data segments", WasmBytes.module().section(SectionId.DATA, huge).build()),
                Arguments.of("data bytes", WasmBytes.module().section(SectionId.DATA, concat(bytes(0x01, 0x01), huge)).build()),
                Arguments.of("code entries", WasmBytes.module().section(SectionId.CODE, huge).build()),
                Arguments.of("body size", WasmBytes.module().section(SectionId.CODE, concat(bytes(0x01), huge)).build()),
                Arguments.of("local groups", WasmBytes.module().section(SectionId.CODE, concat(bytes(0x01, 0x10), huge)).build()),
                Arguments.of("br_table targets", function(concat(bytes(0x00, 0x41, 0x00, 0x0E), huge, bytes(0x0B)))),
                Arguments.of("select types", function(concat(bytes(0x00, 0x1C), huge, bytes(0x0B)))),
                Arguments.of("params", WasmBytes.module().section(SectionId.TYPE, concat(bytes(0x01, 0x60), huge)).build()),
                Arguments.of("custom section name", WasmBytes.module().section(SectionId.CUSTOM, huge).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeCountsInTinyModules")
    void hugeCountsInTinyModulesDoNotAllocate(String what, byte[] module) {
        long allocated = assertRejected(module, "");
        assertThat(allocated).as(what).isLessThan(64 * 1024);
    }

    @Test
    void localsAreBudgetedAcrossTheModule() {
        // 7-byte bodies each declaring the maximum 50 000 locals: 20 fit the 1 000 000 budget, 21 do not
        byte[] body = concat(bytes(0x06, 0x01), leb(DecoderLimits.MAX_LOCALS), bytes(0x7F, 0x0B));
        int fits = DecoderLimits.MIN_TOTAL_LOCALS_BUDGET / DecoderLimits.MAX_LOCALS;
        assertThat(ModuleDecoder.decode(functions(fits, body), Features.all()).codes()).hasSize(fits);

        long allocated = assertRejected(functions(fits + 1, body), "too many locals");
        assertThat(allocated).isLessThan(8L * 1024 * 1024);
    }

    private static byte[] functions(int count, byte[] body) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(leb(count));
        for (int i = 0; i < count; i++) {
            code.writeBytes(body);
        }
        byte[] codeSection = WasmBytes.module().section(SectionId.CODE, code.toByteArray()).build();
        return concat(WasmBytes.module().section(SectionId.TYPE, TYPE_0).build(),
                sectionOnly(SectionId.FUNCTION, count, bytes(0x00)),
                java.util.Arrays.copyOfRange(codeSection, 8, codeSection.length));
    }

    @Test
    void moduleSizeIsLimited() {
        byte[] module = function(bytes(0x00, 0x0B));
        assertThat(ModuleDecoder.decode(module, Features.all(), module.length).codes()).hasSize(1);
        MalformedModuleException e = catchThrowableOfType(MalformedModuleException.class,
                () -> ModuleDecoder.decode(module, Features.all(), module.length - 1));
        assertThat(e.getMessage()).contains("module too large");
    }

    @Test
    void aModuleFileOverTheSizeLimitIsNotRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.wasm");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(DecoderLimits.MAX_MODULE_SIZE + 1L);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        MalformedModuleException e = catchThrowableOfType(MalformedModuleException.class, () -> Wasm.load(file));
        assertThat(e.getMessage()).contains("module too large");
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(1024 * 1024);
    }
}
