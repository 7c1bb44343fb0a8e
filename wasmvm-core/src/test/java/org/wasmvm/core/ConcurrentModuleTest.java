package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@link Module} is immutable and shareable: 8 threads instantiating and running the same module
 * at once (each in its own {@link Store}) all compute the native result. The module is fresh, so the
 * threads also race on the lazy, per-function lowering of its bodies.
 */
class ConcurrentModuleTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 1;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // workload (wasmvm-bench, expected.properties), argument, native result; one is enough for
        // the property and keeps the test at a few seconds (each run is ~1 s cold on one core)
        "quicksort.wasm64, 30000, -1606871119990768891",
    })
    void eightThreadsShareOneModule(String workload, int argument, long expected) throws Exception {
        Module module = Wasm.load(bytes(workload));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(runs(module, argument, start)));
            }
            for (Future<List<Long>> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).containsOnly(expected).hasSize(ROUNDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each round: a new store and instance, then run(argument). */
    private static Callable<List<Long>> runs(Module module, int argument, CyclicBarrier start) {
        return () -> {
            start.await();
            List<Long> out = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Instance instance = new Store().instantiate(module);
                out.add(instance.function("run").apply(argument)[0]);
            }
            return out;
        };
    }

    private static byte[] bytes(String workload) throws IOException {
        try (InputStream in = ConcurrentModuleTest.class.getResourceAsStream("/workloads/" + workload + ".wasm")) {
            return in.readAllBytes();
        }
    }
}
