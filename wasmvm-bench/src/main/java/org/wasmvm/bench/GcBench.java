package org.wasmvm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
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

/**
 * The cost of Wasm GC operations ({@code gc/gc-bench.wat}), each a loop of {@link #N} iterations: a struct
 * allocated per iteration ({@code structs}), a 64-element array allocated and filled ({@code arrays}), a
 * {@code ref.test} and a {@code ref.cast} on objects of two struct types ({@code casts}), a {@code struct.get}
 * of a ring element ({@code fields}). On wasmvm's interpreter and compiler, and on Chicory 1.7.5's interpreter and
 * compiler (whose setup fails if it refuses the module: that is the result). Each sum is checked against node 24's.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GcBench {
    static final int N = 100_000;
    /** node 24's results for N. */
    private static final long STRUCTS = 704_982_704L, ARRAYS = 704_982_704L, CASTS = 150_000, FIELDS = 750_000;

    @Param({"interpreter", "compiler", "chicory", "chicory-compiler"})
    public String engine;

    private LongUnaryOperator structs;
    private LongUnaryOperator arrays;
    private LongUnaryOperator casts;
    private LongUnaryOperator fields;

    @Setup
    public void setUp() {
        Object instance = Runtimes.instantiate(runtime(engine), engine.startsWith("chicory") ? Engine.INTERPRETER
                : Engine.valueOf(engine.toUpperCase()), module());
        structs = Runtimes.export(instance, "structs");
        arrays = Runtimes.export(instance, "arrays");
        casts = Runtimes.export(instance, "casts");
        fields = Runtimes.export(instance, "fields");
    }

    static String runtime(String engine) {
        return switch (engine) {
            case "chicory" -> Runtimes.CHICORY_WASM32;
            case "chicory-compiler" -> Runtimes.CHICORY_COMPILER_WASM32;
            default -> "wasmvm-" + engine;
        };
    }

    static byte[] module() {
        try (InputStream in = GcBench.class.getResourceAsStream("/gc/gc-bench.wasm")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public long structNew() {
        return checked(structs, STRUCTS);
    }

    @Benchmark
    public long arrayNewAndFill() {
        return checked(arrays, ARRAYS);
    }

    @Benchmark
    public long testAndCast() {
        return checked(casts, CASTS);
    }

    @Benchmark
    public long structGet() {
        return checked(fields, FIELDS);
    }

    private static long checked(LongUnaryOperator loop, long expected) {
        long sum = loop.applyAsLong(N) & 0xFFFF_FFFFL;
        if (sum != expected) {
            throw new IllegalStateException("sum " + sum + ", expected " + expected);
        }
        return sum;
    }
}
