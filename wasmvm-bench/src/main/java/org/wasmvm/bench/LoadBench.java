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
 * Load + validate + instantiate of the large generated module ({@code large.<target>.wasm}, a few
 * MB of code, see src/main/c/gen_large.py). {@link BenchTable} turns the time into MB/s. No function
 * is called here; wasmvm lowers (and on any engine compiles) bodies lazily, on first call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadBench {

    // not Chicory's compiler: 1.7.5 fails on this module (a VerifyError in the class it generates
    // for call_indirect), whatever withMaxFunctionsPerClass
    @Param({Runtimes.WASMVM_WASM64, Runtimes.WASMVM_WASM32, Runtimes.CHICORY_WASM32})
    public String runtime;

    private byte[] module;

    @Setup
    public void setUp() {
        module = Workloads.bytes("large", Runtimes.target(runtime));
        // the module is usable: its run(n) matches the native result
        Workloads.check("large", runtime, Runtimes.run(runtime, module).applyAsLong(Workloads.argument("large")));
    }

    @Benchmark
    public Object loadValidateInstantiate() {
        return Runtimes.instantiate(runtime, module);
    }

    /** The module size in bytes, for the MB/s column. */
    public static int size(String runtime) {
        return Workloads.bytes("large", Runtimes.target(runtime)).length;
    }
}
