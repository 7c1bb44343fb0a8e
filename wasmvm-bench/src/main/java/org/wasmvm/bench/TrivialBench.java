package org.wasmvm.bench;

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

/**
 * A trivial module end to end: load + validate + instantiate + one call of {@code run(14)}, which
 * is what a Maven build pays per plugin execution. {@link #warm()} is the steady state (a JVM that
 * already ran it many times); {@link #cold()} is the first execution in a fresh JVM (class loading
 * and interpretation of the runtime itself included), one shot per fork. wasmvm runs on its default
 * engine ({@link org.wasmvm.core.Engine#configured()}: tiered unless the fork has -Dwasmvm.engine);
 * Chicory's compiler pays its compilation in every operation.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TrivialBench {

    @Param({Runtimes.WASMVM_WASM64, Runtimes.WASMVM_WASM32, Runtimes.CHICORY_WASM32, Runtimes.CHICORY_COMPILER_WASM32})
    public String runtime;

    private byte[] module;
    private long n;

    @Setup
    public void setUp() {
        module = Workloads.bytes("trivial", Runtimes.target(runtime));
        n = Workloads.argument("trivial");
    }

    private long endToEnd() {
        return Workloads.check("trivial", runtime, Runtimes.run(runtime, module).applyAsLong(n));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public long warm() {
        return endToEnd();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long cold() {
        return endToEnd();
    }
}
