package org.wasmvm.bench;

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

/**
 * One call of a workload's {@code run(n)} (n from expected.properties) on one runtime. The instance
 * is created once per trial; every workload re-initialises its data at the start of {@code run}, so
 * calls are independent. The checksum is checked in {@link #setUp()} and after every call: a wrong
 * answer fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorkloadBench {

    @Param({"sha256", "nbody", "fannkuch", "sieve", "quicksort", "matmul", "fib", "membw"})
    public String workload;

    @Param({Runtimes.WASMVM_WASM64, Runtimes.WASMVM_WASM32, Runtimes.CHICORY_WASM32})
    public String runtime;

    private LongUnaryOperator run;
    private long n;

    @Setup
    public void setUp() {
        n = Workloads.argument(workload);
        run = Runtimes.run(runtime, Workloads.bytes(workload, Runtimes.target(runtime)));
        Workloads.check(workload, runtime, run.applyAsLong(n));
    }

    @Benchmark
    public long run() {
        long result = run.applyAsLong(n);
        if (result != Workloads.expected(workload)) {
            Workloads.check(workload, runtime, result);
        }
        return result;
    }
}
