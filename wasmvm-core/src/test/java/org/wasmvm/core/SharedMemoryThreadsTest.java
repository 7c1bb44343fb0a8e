package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.WasmFunction;
import org.wasmvm.core.tier.CompilerTier;

/**
 * Shared memories used by several Java threads at once, through the public API (issue 24): one {@link Memory}
 * defined in one {@link Store} per thread, each thread calling its own instance of modules/shared-counter.wat.
 * Counting with {@code i32.atomic.rmw.add} (32-bit memory) and {@code i64.atomic.rmw.add} (64-bit memory) loses
 * no increment, nor does counting with plain accesses under a guest mutex that waits and notifies; a wait
 * ends with the store's interrupt and with the call's timeout. On every engine that is on the class path (and
 * the compiler compiles every function: none stays interpreted for its atomics).
 */
@Timeout(120)
class SharedMemoryThreadsTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 50_000;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final Memory memory = Memory.create(new MemoryType(new Limits(1, 1, false), true));
    private final Memory memory64 = Memory.create(new MemoryType(new Limits(1, 1, true), true));

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void assumeAvailable(Engine engine) {
        Assumptions.assumeTrue(engine == Engine.INTERPRETER || CompilerTier.available(), "no compiler on the class path");
    }

    private Store store(Engine engine, RuntimeLimits limits) {
        return new Store(limits, engine).define("env", "memory", memory).define("env", "memory64", memory64);
    }

    /** Runs {@code export(rounds)} on {@code THREADS} threads, each in its own store and instance; {@code ran} are the functions that run. */
    private void onEveryThread(Engine engine, String export, String... ran) {
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            runs.add(CompletableFuture.runAsync(() -> {
                Instance instance = store(engine, RuntimeLimits.DEFAULT).instantiate(TestModules.load("shared-counter"));
                instance.function(export).apply(ROUNDS);
                if (engine == Engine.COMPILER) { // compiled before they first ran
                    for (FunctionInstance function : instance.runtime().functions) {
                        if (List.of(ran).contains(function.displayName())) {
                            assertThat(((WasmFunction) function).compiledCode()).as(function.displayName()).isNotNull();
                        }
                    }
                }
            }, pool));
        }
        runs.forEach(CompletableFuture::join);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void atomicIncrementsOnA32And64BitMemoryAddUp(Engine engine) {
        assumeAvailable(engine);
        onEveryThread(engine, "count", "count (func 0)");
        assertThat(memory.readInt(0)).isEqualTo(THREADS * ROUNDS);
        assertThat(memory64.readLong(8)).isEqualTo((long) THREADS * ROUNDS);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void plainIncrementsUnderAWaitingMutexAddUp(Engine engine) {
        assumeAvailable(engine);
        onEveryThread(engine, "lockedCount", "lock (func 1)", "unlock (func 2)", "lockedCount (func 3)");
        assertThat(memory.readInt(24)).isEqualTo(THREADS * ROUNDS);
        assertThat(memory.readInt(16)).as("the mutex is free").isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWaitEndsWithTheStoresInterrupt(Engine engine) throws Exception {
        assumeAvailable(engine);
        Store store = store(engine, RuntimeLimits.DEFAULT);
        Instance instance = store.instantiate(TestModules.load("shared-counter"));
        CompletableFuture<long[]> waiting = CompletableFuture.supplyAsync(
                () -> instance.function("waitForever").apply(), pool);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        store.interrupt();
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> join(waiting));
        assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWaitEndsWhenTheCallsTimeIsUp(Engine engine) {
        assumeAvailable(engine);
        Store store = store(engine, RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(200)));
        Instance instance = store.instantiate(TestModules.load("shared-counter"));
        long start = System.nanoTime();
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("waitForever").apply());
        assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000);
    }

    private static <T> T join(CompletableFuture<T> future) throws Throwable {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }
}
