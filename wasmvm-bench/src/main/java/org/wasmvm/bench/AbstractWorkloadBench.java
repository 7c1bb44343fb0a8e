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
 * One call of a workload's {@code run(n)} (n from expected.properties). The instance is created once
 * per trial; every workload re-initialises its data at the start of {@code run}, so calls are
 * independent. The checksum is checked in {@link #setUp()} and after every call: a wrong answer
 * fails the run. Subclasses say which runtime runs it; their parameters have distinct names, so a
 * {@code -p} option never hands one side a value meant for the other.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class AbstractWorkloadBench {

    @Param({"sha256", "nbody", "fannkuch", "sieve", "quicksort", "matmul", "fib", "membw"})
    public String workload;

    private LongUnaryOperator run;
    private long n;

    /** What runs the workload, for error messages. */
    protected abstract String label();

    /** Instantiates {@code workload}'s module and returns its export {@code run}. */
    protected abstract LongUnaryOperator open(String workload);

    @Setup
    public void setUp() {
        n = Workloads.argument(workload);
        run = open(workload);
        Workloads.check(workload, label(), run.applyAsLong(n));
    }

    @Benchmark
    public long run() {
        long result = run.applyAsLong(n);
        if (result != Workloads.expected(workload)) {
            Workloads.check(workload, label(), result);
        }
        return result;
    }
}
