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
import org.wasmvm.core.runtime.JvmCode;
import org.wasmvm.core.tier.CompilerTier;
import org.wasmvm.core.tier.JvmCompiler;

/**
 * The tiered engine compiles a large module's functions to baseline code first (which the JVM
 * compiles with C1 only), and a function the guest keeps running in it is compiled again, for C2,
 * in the background: the calls go on giving the interpreter's results throughout.
 */
class BaselinePromotionTest {
    private static final String BASELINE = JvmCompiler.BASELINE_CLASS_PREFIX.replace('/', '.');
    private static final String OPTIMIZED = JvmCompiler.OPTIMIZED_CLASS_PREFIX.replace('/', '.');
    /** Iterations per call: a few milliseconds of compiled code, many slices of the interpreter. */
    private static final long N = 5_000_000L;
    /** Far more than the half second of samples a promotion takes, for a loaded machine. */
    private static final long PATIENCE_NANOS = 60_000_000_000L;

    private static byte[] osr() throws IOException {
        try (InputStream in = BaselinePromotionTest.class.getResourceAsStream("/modules/osr.wasm")) {
            return in.readAllBytes();
        }
    }

    private static String codeClass(Module module, int function) {
        JvmCode code = module.tiers(false).code(function);
        return code == null ? "(interpreted)" : code.slots().getClass().getName();
    }

    @Test
    void aFunctionThatKeepsRunningGoesFromBaselineCodeToOptimizedCode() throws IOException {
        Module module = Wasm.load(TieredModules.tiering(osr()));
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(module);
        int promoted = CompilerTier.promoted();
        boolean sawBaseline = false;
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!codeClass(module, 0).startsWith(OPTIMIZED) && System.nanoTime() < deadline) {
            sawBaseline |= codeClass(module, 0).startsWith(BASELINE);
            assertThat(instance.function("sum").apply(N)).containsExactly(N * (N - 1) / 2);
        }
        assertThat(sawBaseline).as("sum ran in baseline code first").isTrue();
        assertThat(codeClass(module, 0)).as("sum's code after a while").startsWith(OPTIMIZED);
        assertThat(CompilerTier.promoted()).isGreaterThan(promoted);
        assertThat(instance.function("sum").apply(N)).containsExactly(N * (N - 1) / 2);
    }

    /**
     * A function of more than 8 KB of code keeps its baseline code however long it runs: split into many
     * methods, its optimized class would start over in the JVM's interpreter method by method.
     */
    @Test
    void aLargeFunctionStaysInBaselineCode() throws IOException {
        Module module = Wasm.load(TieredModules.tiering(TieredModules.paddedFirstFunction(osr(), 9000)));
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(module);
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!codeClass(module, 0).startsWith(BASELINE) && System.nanoTime() < deadline) {
            assertThat(instance.function("sum").apply(N)).containsExactly(N * (N - 1) / 2);
        }
        assertThat(codeClass(module, 0)).as("sum's code once compiled").startsWith(BASELINE);
        long inBaseline = System.nanoTime() + 3_000_000_000L; // six times the samples that promote a small function
        while (System.nanoTime() < inBaseline) {
            assertThat(instance.function("sum").apply(N)).containsExactly(N * (N - 1) / 2);
        }
        assertThat(codeClass(module, 0)).as("sum's code after three seconds in it").startsWith(BASELINE);
    }

    /**
     * A frame that on-stack replacement moves out of the interpreter may stay in its loop for the
     * rest of the run: it moves into optimized code, which C2 may compile, not into baseline code.
     */
    @Test
    void aLongLoopMovesIntoOptimizedCode() throws IOException {
        Module module = Wasm.load(TieredModules.tiering(osr()));
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(module);
        int replaced = CompilerTier.replacedFrames();
        long n = 100_000_000L;
        assertThat(instance.function("sum").apply(n)).containsExactly(n * (n - 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(replaced);
        assertThat(module.tiers(false).osrCode(0).slots().getClass().getName()).startsWith(OPTIMIZED);
    }

    @Test
    void theCompilerEngineCompilesOptimizedCodeAtOnce() throws IOException {
        Module module = Wasm.load(TieredModules.tiering(osr()));
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.COMPILER).instantiate(module);
        assertThat(instance.function("sum").apply(N)).containsExactly(N * (N - 1) / 2);
        assertThat(codeClass(module, 0)).startsWith(OPTIMIZED);
    }

    @Test
    void aSmallModuleIsCompiledOptimizedOnTheTieredEngine() throws IOException {
        Module module = Wasm.load(osr());
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(module);
        assertThat(instance.function("sum").apply(N)).containsExactly(N * (N - 1) / 2);
        assertThat(codeClass(module, 0)).startsWith(OPTIMIZED);
    }
}
