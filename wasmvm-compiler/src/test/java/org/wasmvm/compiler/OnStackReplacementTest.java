package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Module;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.tier.CompilerTier;

/**
 * The tiered engine moves a function that is called once and runs one long loop into compiled code
 * while it runs (modules/osr.wat): the results, and a trap's wasm stack, are the interpreter's.
 */
class OnStackReplacementTest {
    /** Enough iterations for many budget slices, so the background compilation finishes meanwhile. */
    private static final long LONG = 100_000_000L;

    private static Instance instance(Engine engine) throws IOException {
        return new Store(RuntimeLimits.DEFAULT, engine).instantiate(Wasm.load(TieredModules.tiering(osr())));
    }

    private static byte[] osr() throws IOException {
        try (InputStream in = OnStackReplacementTest.class.getResourceAsStream("/modules/osr.wasm")) {
            return in.readAllBytes();
        }
    }

    /** A small module is compiled on each function's first call: its loop never runs in the interpreter. */
    @Test
    void aSmallModulesLoopRunsCompiledFromTheStart() throws IOException {
        int before = CompilerTier.replacedFrames();
        Module small = Wasm.load(osr());
        long[] result = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(small).function("sum").apply(LONG);
        assertThat(result).containsExactly(LONG * (LONG - 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isEqualTo(before);
        int sum = small.exports().stream().filter(export -> export.name().equals("sum")).findFirst().orElseThrow().index();
        assertThat(small.tiers(false).code(sum)).as("sum's compiled code").isNotNull();
    }

    @Test
    void aLongLoopContinuesInCompiledCode() throws IOException {
        int before = CompilerTier.replacedFrames();
        long[] result = instance(Engine.TIERED).function("sum").apply(LONG);
        assertThat(result).containsExactly(LONG * (LONG - 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }

    @Test
    void operandsUnderTheLoopAndItsParameterAreCarriedOver() throws IOException {
        int before = CompilerTier.replacedFrames();
        long[] result = instance(Engine.TIERED).function("carried").apply(LONG);
        assertThat(result).containsExactly(1000 + LONG * (LONG + 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }

    @Test
    void aTrapAfterReplacementHasTheInterpretersStack() throws IOException {
        WasmTrap tiered = catchThrowableOfType(WasmTrap.class, () -> instance(Engine.TIERED).function("outer").apply(LONG));
        WasmTrap interpreted = catchThrowableOfType(WasmTrap.class,
                () -> instance(Engine.INTERPRETER).function("outer").apply(1000L));
        assertThat(tiered.wasmStack()).isEqualTo(interpreted.wasmStack())
                .first().asString().startsWith("fail");
        assertThat(tiered.wasmStack()).hasSize(3);
    }
}
