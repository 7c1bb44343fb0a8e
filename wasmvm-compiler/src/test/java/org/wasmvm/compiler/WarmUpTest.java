package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Module;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.tier.CompilerTier;
import org.wasmvm.core.tier.FunctionTiers;

/**
 * The tiered engine compiles nothing of a large module until its code has run
 * {@link FunctionTiers#WARM_UP_SLICES} slices in all: a short run (a tool's {@code --version})
 * does not pay for compilations it cannot repay. After that, a hot function is compiled as before.
 */
class WarmUpTest {
    /** Far more than a compilation takes, for a loaded machine. */
    private static final long PATIENCE_NANOS = 60_000_000_000L;

    private static Module largeModule() throws IOException {
        try (InputStream in = WarmUpTest.class.getResourceAsStream("/modules/osr.wasm")) {
            return Wasm.load(TieredModules.tiering(in.readAllBytes()));
        }
    }

    /** {@code sum(n)}: n loop iterations, one budget unit each. */
    private static void sum(Instance instance, long n) {
        assertThat(instance.function("sum").apply(n)).containsExactly(n * (n - 1) / 2);
    }

    @Test
    void aRunShorterThanTheWarmUpCompilesNothing() throws IOException {
        Module module = largeModule();
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(module);
        int replaced = CompilerTier.replacedFrames();
        // every slice ends in the loop, which would be compiled after two of them and left for its code after one
        sum(instance, (FunctionTiers.WARM_UP_SLICES - 2L) * StoreContext.SLICE);
        assertThat(module.tiers(false).code(0)).as("sum's code").isNull();
        assertThat(module.tiers(false).osrCode(0)).as("sum's on-stack-replacement code").isNull();
        assertThat(CompilerTier.replacedFrames()).isEqualTo(replaced);
    }

    @Test
    void aHotFunctionIsCompiledOnceTheModuleHasWarmedUp() throws IOException {
        Module module = largeModule();
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(module);
        long n = (FunctionTiers.WARM_UP_SLICES + 4L) * StoreContext.SLICE;
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (module.tiers(false).code(0) == null && System.nanoTime() < deadline) {
            sum(instance, n);
        }
        assertThat(module.tiers(false).code(0)).as("sum's code after the warm-up").isNotNull();
        sum(instance, n);
    }
}
