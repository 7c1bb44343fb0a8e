package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.WasmFunction;
import org.wasmvm.core.tier.CompilerTier;

/**
 * Functions with references compile, and give the interpreter's results and traps across every
 * boundary of compiled code (modules/reference-boundaries.wat; not references.wat, which core's test jar has): the host's typed functions, several results,
 * tables and globals of references, tail calls and on-stack replacement carrying a reference. The
 * host's objects come back as the very same objects.
 */
class ReferenceCompilationTest {
    private static final Object A = new Object();
    private static final Object B = List.of("b");
    private static final RuntimeLimits SHALLOW = RuntimeLimits.DEFAULT.withMaxCallDepth(1000);

    private static Instance instance(Engine engine) throws IOException {
        return instance(engine, module());
    }

    private static Instance instance(Engine engine, byte[] module) {
        var echoType = FuncType.of(List.of(ValType.EXTERNREF, ValType.I64), List.of(ValType.EXTERNREF));
        return new Store(SHALLOW, engine)
                .define("env", "echo", echoType, (caller, args, results) -> results[0] = args[0])
                .instantiate(Wasm.load(module));
    }

    private static byte[] module() throws IOException {
        try (InputStream in = ReferenceCompilationTest.class.getResourceAsStream("/modules/reference-boundaries.wasm")) {
            return in.readAllBytes();
        }
    }

    /** Every export's results (or trap) on {@code engine}, in one list, references by name. */
    private static List<String> run(Engine engine) throws IOException {
        Instance instance = instance(engine);
        var results = new ArrayList<String>();
        results.add(show(() -> instance.function("roundTrip").call(Value.externref(A), Value.i32(5))));
        results.add(show(() -> instance.function("grow").call(Value.externref(B), Value.i32(3))));
        for (int which = 0; which < 4; which++) {
            int w = which;
            results.add(show(() -> instance.function("indirect").call(Value.i32(7), Value.i32(3), Value.i32(w))));
        }
        results.add(show(() -> instance.function("dropped").call()));
        results.add(show(() -> instance.function("choose").call(Value.externref(null), Value.externref(B))));
        results.add(show(() -> instance.function("choose").call(Value.externref(A), Value.externref(null))));
        results.add(show(() -> instance.function("tail").call(Value.externref(B), Value.i32(100_000))));
        results.add(show(() -> instance.function("osr").call(Value.externref(A), Value.i64(1000))));
        if (engine == Engine.COMPILER) {
            assertEveryFunctionCompiled(instance);
        }
        return results;
    }

    static void assertEveryFunctionCompiled(Instance instance) {
        for (FunctionInstance function : instance.runtime().functions) {
            if (function instanceof WasmFunction wasm) {
                assertThat(wasm.compiledCode()).as("%s compiled", wasm.displayName()).isNotNull();
            }
        }
    }

    private static String show(Supplier<Value[]> call) {
        Value[] values;
        try {
            values = call.get();
        } catch (WasmTrap trap) {
            return "trap " + trap.kind() + " " + trap.wasmStack();
        }
        var text = new StringBuilder();
        for (Value value : values) {
            text.append(value.type().isReference() ? name(value.ref()) : Long.toString(value.bits())).append(' ');
        }
        return text.toString().trim();
    }

    private static String name(Object ref) {
        return ref == null ? "null" : ref == A ? "A" : ref == B ? "B" : ref.getClass().getSimpleName();
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"COMPILER", "TIERED"})
    void compiledCodeGivesTheInterpretersResults(Engine engine) throws IOException {
        List<String> interpreted = run(Engine.INTERPRETER);
        assertThat(run(engine)).isEqualTo(interpreted);
        // pickSecond triples twice; the table of things keeps its initial size of 2
        assertThat(interpreted.get(0)).isEqualTo("A " + 5 * 3 * 3 + " 2");
        // grown from 2 by 3, B in the new last element, the first element filled with null
        assertThat(interpreted.get(1)).isEqualTo("2 1 0");
        assertThat(interpreted.get(2)).startsWith("trap " + TrapKind.UNINITIALIZED_ELEMENT);
        assertThat(interpreted.subList(3, 6)).containsExactly("" + (7 + 3) + " 0", "" + (7 - 3) + " 0", "" + (7 + 3) + " 0");
        assertThat(interpreted.get(6)).startsWith("trap " + TrapKind.TABLE_OUT_OF_BOUNDS);
        // select takes y when x is null; the if gives 10 when y is null
        assertThat(interpreted.subList(7, 11)).containsExactly("B 20", "A 10", "B", "A " + 1000 * 1001 / 2);
    }

    @Test
    void aLoopWithAReferenceLocalContinuesInCompiledCode() throws IOException {
        long n = 100_000_000L;
        int before = CompilerTier.replacedFrames();
        Value[] result = instance(Engine.TIERED, TieredModules.tiering(module())).function("osr")
                .call(Value.externref(B), Value.i64(n));
        assertThat(result[0].ref()).isSameAs(B);
        assertThat(result[1].asLong()).isEqualTo(n * (n + 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }

    /** The spec suite's call_ref module (typed function references, which wabt cannot write): the same trap on both tiers. */
    @Test
    void callRefOfNullTrapsAsInTheInterpreter() throws IOException {
        byte[] module = Files.readAllBytes(Path.of("../wasmvm-core/src/test/wasm-testsuite-3.0/core/call_ref/call_ref.0.wasm"));
        List<WasmTrap> traps = new ArrayList<>();
        for (Engine engine : List.of(Engine.INTERPRETER, Engine.COMPILER)) {
            Instance instance = new Store(SHALLOW, engine).instantiate(Wasm.load(module));
            WasmTrap trap = catchThrowableOfType(() -> instance.function("null").call(), WasmTrap.class);
            traps.add(trap);
            if (engine == Engine.COMPILER) { // the trapping function ran compiled
                assertThat(instance.runtime().functions).anySatisfy(function -> {
                    assertThat(trap.wasmStack().get(0)).startsWith(function.displayName() + " @");
                    assertThat(((WasmFunction) function).compiledCode()).isNotNull();
                });
            }
        }
        assertThat(traps.get(0).kind()).isEqualTo(TrapKind.NULL_FUNCTION_REFERENCE);
        assertThat(traps.get(1).kind()).isEqualTo(traps.get(0).kind());
        assertThat(traps.get(1).wasmStack()).isEqualTo(traps.get(0).wasmStack()).isNotEmpty();
    }
}
