package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Module;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.runtime.StoreContext;
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

    /**
     * A function of 32 KB must use up 32 slices in the interpreter before it is compiled (its
     * compilation costs more than a small one's), on-stack replacement included: after 20 it still
     * runs there, and a long call then moves into compiled code.
     */
    @Test
    void aLargeFunctionRunsLongerInTheInterpreterFirst() {
        Module module = Wasm.load(TieredModules.tiering(sumAfterNops(32 * 1024)));
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(module);
        int before = CompilerTier.replacedFrames();

        long n = 20L * StoreContext.SLICE;
        assertThat(instance.function("sum").apply(n)).containsExactly(n * (n - 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isEqualTo(before);
        assertThat(module.tiers(false).code(0)).as("not compiled yet").isNull();

        assertThat(instance.function("sum").apply(LONG)).containsExactly(LONG * (LONG - 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }

    /** A module whose only function is osr.wat's {@code sum} with {@code nops} nops before its loop. */
    private static byte[] sumAfterNops(int nops) {
        final int i64 = 0x7E, nop = 0x01, loop = 0x03, end = 0x0B, brIf = 0x0D, localGet = 0x20, localSet = 0x21;
        final int i64Const = 0x42, i64LtU = 0x54, i64Add = 0x7C;
        byte[] padding = new byte[nops];
        Arrays.fill(padding, (byte) nop);
        var body = new ModuleBytes().u(1).u(2).op(i64) // locals $i (1), $acc (2)
                .bytes(padding)
                .op(loop).op(0x40)
                .raw(localGet, 2, localGet, 1, i64Add, localSet, 2)
                .raw(localGet, 1, i64Const, 1, i64Add, localSet, 1)
                .raw(localGet, 1, localGet, 0, i64LtU, brIf, 0)
                .op(end)
                .raw(localGet, 2, end);
        return new ModuleBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)
                .section(1, new ModuleBytes().u(1).raw(0x60, 1, i64, 1, i64))
                .section(3, new ModuleBytes().u(1).u(0))
                .section(7, new ModuleBytes().u(1).u(3).raw('s', 'u', 'm').u(0).u(0))
                .section(10, new ModuleBytes().u(1).u(body.size()).bytes(body.toBytes()))
                .toBytes();
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
