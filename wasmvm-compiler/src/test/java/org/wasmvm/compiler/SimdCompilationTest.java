package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.WasmFunction;
import org.wasmvm.core.tier.CompilerTier;

/**
 * Functions with {@code v128} values compile, and give the interpreter's results across every
 * boundary of compiled code (modules/simd-boundaries.wat): calls of every kind with vectors as parameters and
 * results, the host's typed functions, globals, branches that carry vectors over others, tail
 * calls, and on-stack replacement of a loop with a vector under it.
 */
class SimdCompilationTest {
    private static final Value A = Value.v128(0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L);
    private static final Value B = Value.v128(0x7FFF_FFFF_8000_0000L, -3L);
    private static final RuntimeLimits SHALLOW = RuntimeLimits.DEFAULT.withMaxCallDepth(1000);

    private static Instance instance(Engine engine) throws IOException {
        return instance(engine, module());
    }

    private static Instance instance(Engine engine, byte[] module) {
        var mixType = FuncType.of(List.of(ValType.V128, ValType.I32), List.of(ValType.V128));
        return new Store(SHALLOW, engine)
                .define("env", "mix", mixType, (caller, args, results) -> results[0] = Value.v128(
                        args[0].bits() ^ args[1].asInt(), args[0].high() * 3 + args[1].asInt()))
                .instantiate(Wasm.load(module));
    }

    private static byte[] module() throws IOException {
        try (InputStream in = SimdCompilationTest.class.getResourceAsStream("/modules/simd-boundaries.wasm")) {
            return in.readAllBytes();
        }
    }

    /** Every export's results on {@code engine}, in one list (the vectors as their two halves). */
    private static List<String> run(Engine engine) throws IOException {
        Instance instance = instance(engine);
        var results = new ArrayList<String>();
        results.add(show(instance.function("calls").call(A, B)));
        for (int c = 0; c < 4; c++) {
            results.add(show(instance.function("branches").call(Value.i32(c), A, B)));
        }
        results.add(show(instance.function("tail").call(A, Value.i32(100_000)))); // far deeper than the limit
        results.add(show(instance.function("tailToHost").call(B)));
        results.add(show(instance.function("osr").call(Value.i64(1000))));
        if (engine == Engine.COMPILER) {
            for (FunctionInstance function : instance.runtime().functions) {
                if (function instanceof WasmFunction wasm) {
                    assertThat(wasm.compiledCode()).as("%s compiled", wasm.displayName()).isNotNull();
                }
            }
        }
        return results;
    }

    private static String show(Value[] values) {
        var text = new StringBuilder();
        for (Value value : values) {
            text.append(value.type()).append(':').append(Long.toHexString(value.bits())).append('/')
                    .append(Long.toHexString(value.high())).append(' ');
        }
        return text.toString();
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"COMPILER", "TIERED"})
    void compiledCodeGivesTheInterpretersResults(Engine engine) throws IOException {
        List<String> interpreted = run(Engine.INTERPRETER);
        assertThat(run(engine)).isEqualTo(interpreted);
        assertThat(interpreted.get(0)).startsWith("v128:");
    }

    @Test
    void aLoopWithAVectorUnderItContinuesInCompiledCode() throws IOException {
        long n = 100_000_000L;
        int before = CompilerTier.replacedFrames();
        Value[] result = instance(Engine.TIERED, TieredModules.tiering(module())).function("osr").call(Value.i64(n));
        long sum = n * (n - 1) / 2;
        assertThat(result[0]).isEqualTo(Value.v128(1000 + sum, 2000 + sum));
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }
}
