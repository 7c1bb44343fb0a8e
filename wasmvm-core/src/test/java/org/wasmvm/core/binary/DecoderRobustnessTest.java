package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.wasmvm.core.binary.WasmBytes.bytes;
import static org.wasmvm.core.binary.WasmBytes.concat;
import static org.wasmvm.core.binary.WasmBytes.leb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.spec.SpecModuleMutations;
import org.wasmvm.core.spec.SpecSuite;

/**
 * Whatever the input, the decoder either returns a module or throws {@link MalformedModuleException}:
 * never an index, allocation or arithmetic error. Inputs are truncations and byte mutations of the
 * spec tests' modules (fixed seed), plus hand-made huge declared counts.
 */
class DecoderRobustnessTest {
    private static final Path SUITE_ROOT = SpecSuite.root();
    private static final List<Features> FEATURES = List.of(Features.wasm2(), Features.all());

    private static void decodeSafely(byte[] bytes, String what) {
        for (Features features : FEATURES) {
            try {
                ModuleDecoder.decode(bytes, features);
            } catch (MalformedModuleException expected) {
                assertThat(expected.reason()).isNotBlank();
            } catch (Throwable t) {
                fail(what + " with " + features + " threw " + t, t);
            }
        }
    }

    @Test
    void hugeDeclaredCountsDoNotAllocate() {
        byte[] huge = leb(0xFFFF_FFFFL);
        decodeSafely(WasmBytes.module().section(SectionId.TYPE, huge).build(), "type count");
        decodeSafely(WasmBytes.module().section(SectionId.TYPE, concat(bytes(0x01, 0x60), huge)).build(), "param count");
        decodeSafely(WasmBytes.module().section(SectionId.CODE, concat(bytes(0x01, 0x10), huge)).build(), "local groups");
        // one local group declaring 2^32-1 locals
        decodeSafely(WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00).section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.CODE, concat(bytes(0x01, 0x08, 0x01), huge, bytes(0x7F, 0x0B))).build(), "locals");
        decodeSafely(WasmBytes.module().section(SectionId.DATA, concat(bytes(0x01, 0x01), huge)).build(), "data length");
        decodeSafely(WasmBytes.module().section(SectionId.CUSTOM, huge).build(), "custom name length");
        decodeSafely(WasmBytes.module().section(SectionId.ELEMENT, concat(bytes(0x01, 0x01, 0x00), huge)).build(), "elements");
    }

    @Test
    void mutatedSpecModules() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SUITE_ROOT), "spec test suite not found at " + SUITE_ROOT);
        List<SpecModuleMutations.Variant> variants = SpecModuleMutations.of(SUITE_ROOT);
        for (SpecModuleMutations.Variant variant : variants) {
            decodeSafely(variant.bytes(), variant.description());
        }
        assertThat(variants).isNotEmpty();
    }
}
