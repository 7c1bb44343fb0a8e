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
 * A loop that throws and catches across a call ({@code exceptions/throw-catch.wat}): {@code throwing} catches
 * an exception per iteration, {@code returning} makes the same calls in the same {@code try} without one. One
 * operation is {@link #N} iterations; the sum of 0..N-1 (mod 2^32) is checked.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExceptionBench {
    static final int N = 100_000;
    private static final long SUM = (long) N * (N - 1) / 2 & 0xFFFF_FFFFL;

    @Param({"interpreter", "compiler"})
    public String engine;

    private ExportedFunction throwing;
    private ExportedFunction returning;

    @Setup
    public void setUp() {
        try (InputStream in = ExceptionBench.class.getResourceAsStream("/exceptions/throw-catch.wasm")) {
            Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.valueOf(engine.toUpperCase()))
                    .instantiate(Wasm.load(in.readAllBytes()));
            throwing = instance.function("throwing");
            returning = instance.function("returning");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checked(throwing);
        checked(returning);
    }

    @Benchmark
    public long throwAndCatch() {
        return checked(throwing);
    }

    @Benchmark
    public long returnInTry() {
        return checked(returning);
    }

    private static long checked(ExportedFunction loop) {
        long sum = loop.apply(N)[0] & 0xFFFF_FFFFL;
        if (sum != SUM) {
            throw new IllegalStateException("sum " + sum + ", expected " + SUM);
        }
        return sum;
    }
}
