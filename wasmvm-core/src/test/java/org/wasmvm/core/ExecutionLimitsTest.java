package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Fuel, wall-clock timeout and interruption stop runaway guests promptly. */
class ExecutionLimitsTest {
    private static Instance instantiate(RuntimeLimits limits) {
        return new Store(limits).instantiate(TestModules.load("traps"));
    }

    @Test
    void timeoutStopsAnInfiniteLoopPromptly() {
        Instance instance = instantiate(RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(200)));
        long start = System.nanoTime();

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("spin").apply(0));

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
        assertThat(trap.wasmStack().get(0)).startsWith("func 3");
        assertThat(elapsedMillis).isBetween(200L, 1200L);
    }

    @Test
    void fuelBoundsTheIterationsExactly() {
        Instance enough = instantiate(RuntimeLimits.DEFAULT.withFuel(25_000));
        Instance tooLittle = instantiate(RuntimeLimits.DEFAULT.withFuel(24_999));

        // count_to(n) takes n - 1 backward branches: 25 000 iterations need 24 999 units
        assertThat(enough.function("count_to").apply(25_000)).containsExactly(25_000);
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> tooLittle.function("count_to").apply(25_001));
        assertThat(trap.kind()).isEqualTo(TrapKind.FUEL_EXHAUSTED);
    }

    @Test
    void fuelIsSharedByEveryCallIntoTheStore() {
        Store store = new Store(RuntimeLimits.DEFAULT.withFuel(30_000));
        Instance instance = store.instantiate(TestModules.load("traps"));

        instance.function("count_to").apply(10_001);
        instance.function("count_to").apply(10_001);

        assertThat(store.fuelLeft()).isEqualTo(30_000 - 2 * 10_000);
    }

    @Test
    void interruptFromAnotherThreadStopsTheGuest() throws InterruptedException {
        Store store = new Store();
        Instance instance = store.instantiate(TestModules.load("traps"));
        var watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.schedule(store::interrupt, 100, TimeUnit.MILLISECONDS);
        try {
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("spin").apply(0));
            assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
            assertThat(trap.getMessage()).contains("interrupted");
        } finally {
            watchdog.shutdown();
            assertThat(watchdog.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
        }
    }
}
