package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.spec.SpecModuleMutations;
import org.wasmvm.core.spec.SpecSuite;

/**
 * {@link Wasm#load} skips the decoder's scan of function bodies and lets the validator find
 * malformed ones. It must still accept exactly the modules that a full decode plus validation
 * accepts, and report the same error for the others. Checked over broken variants of every spec
 * module (the fuzz target {@code decodeAndValidate} checks the same property on random inputs).
 */
class LoadPathsAgreeTest {
    private static final List<Features> FEATURES = List.of(Features.wasm2(), Features.all());

    @Test
    void loadAgreesWithFullDecodeOnBrokenSpecModules() throws IOException {
        Path root = SpecSuite.root();
        Assumptions.assumeTrue(Files.isDirectory(root), "spec test suite not found at " + root);
        agreeOn(SpecModuleMutations.of(root));
    }

    /** The SIMD instructions' immediates, scanned by the decoder and read by the validator. */
    @Test
    void loadAgreesWithFullDecodeOnBrokenSimdModules() throws IOException {
        Path root = SpecSuite.root3();
        Assumptions.assumeTrue(Files.isDirectory(root), "Wasm 3.0 spec test suite not found at " + root);
        agreeOn(SpecModuleMutations.of(root, List.of("simd", "relaxed-simd")));
    }

    /** The atomic instructions' immediates and the shared memories' flags (threads, issue 24). */
    @Test
    void loadAgreesWithFullDecodeOnBrokenThreadsModules() throws IOException {
        Path root = SpecSuite.root3();
        Assumptions.assumeTrue(Files.isDirectory(root), "Wasm 3.0 spec test suite not found at " + root);
        agreeOn(SpecModuleMutations.of(root, List.of("threads")));
    }

    private static void agreeOn(List<SpecModuleMutations.Variant> variants) {
        int accepted = 0, malformed = 0, invalid = 0;
        for (SpecModuleMutations.Variant variant : variants) {
            for (Features features : FEATURES) {
                String expected = LoadOutcomes.viaFullDecode(variant.bytes(), features);
                assertThat(LoadOutcomes.viaLoad(variant.bytes(), features)).as(variant.description() + " with " + features)
                        .isEqualTo(expected);
                if (expected.equals("ok")) {
                    accepted++;
                } else if (expected.startsWith("Malformed")) {
                    malformed++;
                } else {
                    invalid++;
                }
            }
        }
        // the variants exercise all three outcomes, or the comparison would prove little
        assertThat(accepted).isPositive();
        assertThat(malformed).isPositive();
        assertThat(invalid).isPositive();
    }

    @Test
    void aBodyTooShortForItsInstructionsIsMalformedEitherWay() {
        // one function whose body declares 3 bytes: no locals, i32.const 1 ... and the end is missing
        byte[] module = {0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 4, 1, 0x60, 0, 0, // type () -> ()
            3, 2, 1, 0, // function 0 has type 0
            10, 5, 1, 3, 0, 0x41, 0x01}; // code: body of 3 bytes
        String expected = LoadOutcomes.viaFullDecode(module, Features.all());
        assertThat(expected).startsWith("MalformedModuleException");
        assertThat(LoadOutcomes.viaLoad(module, Features.all())).isEqualTo(expected);
    }
}
