package org.wasmvm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmvm.core.Engine;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;

/**
 * An atomic increment against a plain one ({@code atomics/counter.wat}), on one thread: {@link #N} increments of a
 * counter in memory with {@code i32.atomic.rmw.add} or with a load, an add and a store, on an unshared memory
 * (a flat array) and on a shared one (chunked, its pages never move). One operation is {@link #N} increments.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AtomicBench {
    static final int N = 1_000_000;

    @Param({"interpreter", "compiler"})
    public String engine;

    @Param({"plain", "atomic", "plainShared", "atomicShared"})
    public String increment;

    private ExportedFunction count;

    @Setup
    public void setUp() {
        try (InputStream in = AtomicBench.class.getResourceAsStream("/atomics/counter.wasm")) {
            Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.valueOf(engine.toUpperCase()))
                    .instantiate(Wasm.load(in.readAllBytes()));
            count = instance.function(increment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(count());
    }

    @Benchmark
    public long count() {
        return count.apply(N)[0];
    }

    private static void check(long counted) {
        if ((int) counted != N) {
            throw new IllegalStateException("counted " + counted + ", expected " + N);
        }
    }
}
