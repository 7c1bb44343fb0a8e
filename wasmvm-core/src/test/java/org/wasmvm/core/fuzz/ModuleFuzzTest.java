package org.wasmvm.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.LoadOutcomes;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.Module;
import org.wasmvm.core.ResourceLimitException;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.binary.ModuleDecoder;

/**
 * Jazzer fuzz targets. The property: whatever the bytes, only wasmvm's declared exceptions escape
 * ({@link MalformedModuleException}, {@link InvalidModuleException}, {@link LinkException},
 * {@link WasmTrap}, {@link ResourceLimitException}, and a wasm exception no handler caught,
 * {@link org.wasmvm.core.ThrownException}); any other exception or error is a finding.
 *
 * <p>Plain {@code mvn test} runs each target over its seeds (spec-suite modules, see
 * {@code regenerate-seeds.sh}) and every crash input kept in
 * {@code src/test/resources/org/wasmvm/core/fuzz/ModuleFuzzTestInputs/<method>/}. With
 * {@code JAZZER_FUZZ=1} the selected target is fuzzed instead (see docs/fuzzing.md).
 */
class ModuleFuzzTest {
    /** Small enough that a run of every export of every module stays in the millisecond range. */
    static final RuntimeLimits LIMITS = RuntimeLimits.DEFAULT
            .withFuel(20_000)
            .withTimeout(Duration.ofMillis(500))
            .withMaxMemoryPages(16)
            .withMaxTableElements(10_000)
            .withMaxCallDepth(200);

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] bytes) {
        for (Features features : FuzzHarness.FEATURES) {
            try {
                ModuleDecoder.decode(bytes, features);
            } catch (MalformedModuleException expected) {
                FuzzHarness.checkMessage(expected);
            }
        }
    }

    /** Also: {@link Wasm#load}, which leaves body scanning to the validator, agrees with the full decode. */
    @FuzzTest(maxDuration = "60s")
    void decodeAndValidate(byte[] bytes) {
        for (Features features : FuzzHarness.FEATURES) {
            String full = LoadOutcomes.viaFullDecode(bytes, features);
            String load = LoadOutcomes.viaLoad(bytes, features);
            if (!load.equals(full)) {
                throw new AssertionError("Wasm.load gave " + load + " but decode + validate gave " + full);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void instantiateAndRun(byte[] bytes) {
        Module module;
        try {
            module = Wasm.load(bytes, Features.all());
        } catch (MalformedModuleException | InvalidModuleException expected) {
            FuzzHarness.checkMessage(expected);
            return;
        }
        FuzzHarness.instantiateAndRunExports(module, LIMITS);
    }
}
