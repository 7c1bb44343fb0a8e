package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;

/**
 * Compiled code of a store without a fuel limit counts nothing across calls: a timeout or an
 * interrupt still stops a recursion that has no loop (modules/recursion.wat: fib(60) would run for years).
 */
class StopWithoutFuelTest {
    private static Instance instance(Store store) throws IOException {
        return instance(store, "recursion");
    }

    private static Instance instance(Store store, String module) throws IOException {
        try (InputStream in = StopWithoutFuelTest.class.getResourceAsStream("/modules/" + module + ".wasm")) {
            return store.instantiate(Wasm.load(in.readAllBytes()));
        }
    }

    @Test
    void theCompiledCodeIsRight() throws IOException {
        assertThat(instance(new Store(RuntimeLimits.DEFAULT, Engine.COMPILER)).function("fib").apply(20)).containsExactly(6765);
    }

    @Test
    void aTimeoutStopsALooplessRecursion() throws IOException {
        Instance instance = instance(new Store(RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(300)), Engine.COMPILER));
        long start = System.nanoTime();
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("fib").apply(60));
        assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
        assertThat(trap.getMessage()).contains("ran longer than PT0.3S");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(300L, 3000L);
    }

    /** A call's entry tests a floor kept in its instance: a stop raises that of every instance of the store. */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails, rather than hangs, when one is missed
    void aStopReachesEveryInstanceOfTheStore() throws IOException {
        Store store = new Store(RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(200)), Engine.COMPILER);
        Instance first = instance(store);
        Instance second = instance(store);
        for (Instance instance : new Instance[] {second, first, instance(store)}) {
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("fib").apply(60));
            assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
        }
        assertThat(second.function("fib").apply(10)).containsExactly(55);
    }

    /** modules/loops.wat: a back-edge skips its tick only where the iteration certainly made a call that polls. */
    @ParameterizedTest
    @CsvSource({"calling, 0", "rarely_calling, 1", "calling_late, 0", "calling_in_block, 1"})
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails, rather than hangs, when a loop never polls
    void aTimeoutStopsEndlessLoopsWithCallsInThem(String export, int arguments) throws IOException {
        Instance instance = instance(new Store(RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(200)), Engine.COMPILER),
                "loops");
        long[] args = arguments == 0 ? new long[0] : new long[] {0};
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function(export).apply(args));
        assertThat(trap).as(export).isNotNull();
        assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
    }

    @Test
    void anInterruptStopsALooplessRecursion() throws IOException {
        Store store = new Store(RuntimeLimits.DEFAULT, Engine.COMPILER);
        Instance instance = instance(store);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(store::interrupt, 300, TimeUnit.MILLISECONDS);
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("fib").apply(60));
            assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
            assertThat(trap.getMessage()).contains("interrupted");
            assertThat(trap.wasmStack()).first().asString().startsWith("fib (func 0)");
        } finally {
            timer.shutdownNow();
        }
        assertThat(instance.function("fib").apply(10)).containsExactly(55); // the store runs on afterwards
    }
}
