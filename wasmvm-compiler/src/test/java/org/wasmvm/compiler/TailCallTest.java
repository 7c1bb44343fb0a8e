package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.tier.CompilerTier;

/**
 * Tail calls run in constant stack and do not add call depth on every engine (modules/tail-calls.wat):
 * ten million mutually recursive tail calls under a depth limit of 1000.
 */
class TailCallTest {
    private static final int CALLS = 10_000_000;
    private static final RuntimeLimits SHALLOW = RuntimeLimits.DEFAULT.withMaxCallDepth(1000);

    private static Instance instance(RuntimeLimits limits, Engine engine) throws IOException {
        return instance(new Store(limits, engine));
    }

    private static Instance instance(Store store) throws IOException {
        return instance(store, tailCalls());
    }

    private static Instance instance(Store store, byte[] module) {
        var i32ToI32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));
        return store.define("env", "twice", i32ToI32, (caller, args) -> new long[] {2 * args[0]})
                .instantiate(Wasm.load(module));
    }

    private static byte[] tailCalls() throws IOException {
        try (InputStream in = TailCallTest.class.getResourceAsStream("/modules/tail-calls.wasm")) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tenMillionDirectTailCallsNeedNoDepth(Engine engine) throws IOException {
        Instance instance = instance(SHALLOW, engine);
        assertThat(instance.function("even").apply(CALLS)).containsExactly(1);
        assertThat(instance.function("odd").apply(CALLS + 1)).containsExactly(1);
        assertThat(instance.function("even").apply(CALLS + 1)).containsExactly(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tenMillionIndirectTailCallsNeedNoDepth(Engine engine) throws IOException {
        Instance instance = instance(SHALLOW, engine);
        assertThat(instance.function("even_indirect").apply(CALLS)).containsExactly(1);
        assertThat(instance.function("even_indirect").apply(CALLS - 1)).containsExactly(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void tailCallsReturnSeveralResults(Engine engine) throws IOException {
        Instance instance = instance(SHALLOW, engine);
        assertThat(instance.function("sum_down").apply(100_000, 5)).containsExactly(300_005, 7);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTailCalledHostFunctionReturnsForTheCaller(Engine engine) throws IOException {
        assertThat(instance(SHALLOW, engine).function("twice_tail").apply(20)).containsExactly(42);
    }

    @Test
    void aTrapInATailCalleeHasTheSameStackOnEveryEngine() throws IOException {
        List<String> interpreted = trapStack(Engine.INTERPRETER);
        // middle made the tail call, so its frame is gone: faulty returns to outer
        assertThat(interpreted).hasSize(2);
        assertThat(interpreted.get(0)).isEqualTo("faulty (func 8) @ 0x142");
        assertThat(interpreted.get(1)).isEqualTo("outer (func 10) @ 0x151");
        assertThat(trapStack(Engine.COMPILER)).isEqualTo(interpreted);
        assertThat(trapStack(Engine.TIERED)).isEqualTo(interpreted);
    }

    private static List<String> trapStack(Engine engine) throws IOException {
        Instance instance = instance(SHALLOW, engine);
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("trap_in_tail_callee").apply(0));
        assertThat(trap.kind()).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        return trap.wasmStack();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails, rather than hangs
    void anEndlessTailCallCycleTimesOut(Engine engine) throws IOException {
        Instance instance = instance(SHALLOW.withTimeout(Duration.ofMillis(300)), engine);
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("spin").apply(0));
        assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
    }

    @Test
    void aTailCallAfterOnStackReplacementIsMadeByTheCompiledEntry() throws IOException {
        int before = CompilerTier.replacedFrames();
        long loops = 100_000_000L;
        Instance instance = instance(new Store(SHALLOW, Engine.TIERED), TieredModules.tiering(tailCalls()));
        assertThat(instance.function("count_then_tail").apply(loops)).containsExactly(loops + 1);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }

    @Test
    void aTailCallCostsTheFuelOfACallOnEveryEngine() throws IOException {
        var used = new EnumMap<Engine, Long>(Engine.class);
        for (Engine engine : Engine.values()) {
            Store store = new Store(SHALLOW.withFuel(1_000_000), engine);
            try (InputStream in = TailCallTest.class.getResourceAsStream("/modules/tail-calls.wasm")) {
                var i32ToI32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));
                store.define("env", "twice", i32ToI32, (caller, args) -> args).instantiate(Wasm.load(in.readAllBytes()))
                        .function("even").apply(1000);
            }
            used.put(engine, 1_000_000 - store.fuelLeft());
        }
        // one unit per tail call (the call from the host counts nothing)
        assertThat(used).containsOnly(Map.entry(Engine.INTERPRETER, 1000L), Map.entry(Engine.COMPILER, 1000L),
                Map.entry(Engine.TIERED, 1000L));
    }

    @Test
    void fuelRunningOutInATailCallChainLeavesNoneOnEveryEngine() throws IOException {
        var traces = new EnumMap<Engine, List<String>>(Engine.class);
        for (Engine engine : Engine.values()) {
            Store store = new Store(SHALLOW.withFuel(1001), engine);
            Instance instance = instance(store);
            // one unit per tail call: 1001 pays for 1000, the 1001st (even's call of odd) runs out
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("even").apply(CALLS));
            assertThat(trap.kind()).isEqualTo(TrapKind.FUEL_EXHAUSTED);
            traces.put(engine, trap.wasmStack());
            assertThat(store.fuelLeft()).as(engine.toString()).isZero();
            // even(0) makes no call, yet there is no slice left to enter it with
            WasmTrap next = catchThrowableOfType(WasmTrap.class, () -> instance.function("even").apply(0));
            assertThat(next.kind()).isEqualTo(TrapKind.FUEL_EXHAUSTED);
            assertThat(next.wasmStack()).as(engine.toString()).containsExactly("even (func 1)");
        }
        // even's frame is gone and odd has not begun: odd is named, without an offset
        List<String> expected = List.of("odd (func 2)");
        assertThat(traces).containsOnly(Map.entry(Engine.INTERPRETER, expected), Map.entry(Engine.COMPILER, expected),
                Map.entry(Engine.TIERED, expected));
    }

    @Test
    void fuelRunningOutAtATailCallBelowACallHasTheSameStackOnEveryEngine() throws IOException {
        var traces = new EnumMap<Engine, List<String>>(Engine.class);
        for (Engine engine : Engine.values()) {
            // outer's call of middle is one unit, middle's tail call of faulty another: fuel 3 pays for both
            assertThat(instance(SHALLOW.withFuel(3), engine).function("trap_in_tail_callee").apply(1)).containsExactly(2);
            Instance instance = instance(SHALLOW.withFuel(2), engine);
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("trap_in_tail_callee").apply(1));
            assertThat(trap.kind()).isEqualTo(TrapKind.FUEL_EXHAUSTED);
            traces.put(engine, trap.wasmStack());
        }
        // fuel 2 runs out at the tail call: middle is gone, faulty has not begun, outer waits at its call
        List<String> expected = List.of("faulty (func 8)", "outer (func 10) @ 0x151");
        assertThat(traces).containsOnly(Map.entry(Engine.INTERPRETER, expected), Map.entry(Engine.COMPILER, expected),
                Map.entry(Engine.TIERED, expected));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEndlessTailCallCycleRunsOutOfFuel(Engine engine) throws IOException {
        Instance instance = instance(SHALLOW.withFuel(1_000_000), engine);
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("spin").apply(0));
        assertThat(trap.kind()).isEqualTo(TrapKind.FUEL_EXHAUSTED);
    }
}
