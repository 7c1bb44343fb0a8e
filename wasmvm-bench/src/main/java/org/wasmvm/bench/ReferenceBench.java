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
 * A loop of calls through a function table ({@code references/dispatch.wat}): {@code run} handles
 * funcrefs (table.get, ref.is_null, a funcref global) beside its {@code call_indirect}, so the
 * compiler left it to the interpreter until references compiled; {@code runIndexed} makes the same
 * calls without touching a reference. One operation is {@link #N} iterations.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReferenceBench {
    static final long N = 1_000_000;

    @Param({"interpreter", "compiler"})
    public String engine;

    private ExportedFunction run;
    private ExportedFunction runIndexed;

    @Setup
    public void setUp() {
        try (InputStream in = ReferenceBench.class.getResourceAsStream("/references/dispatch.wasm")) {
            Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.valueOf(engine.toUpperCase()))
                    .instantiate(Wasm.load(in.readAllBytes()));
            run = instance.function("run");
            runIndexed = instance.function("runIndexed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public long funcrefLoop() {
        return run.apply(N)[0];
    }

    @Benchmark
    public long indexedLoop() {
        return runIndexed.apply(N)[0];
    }
}
