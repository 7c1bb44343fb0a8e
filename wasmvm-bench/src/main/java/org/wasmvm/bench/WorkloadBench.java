package org.wasmvm.bench;

import java.util.function.LongUnaryOperator;

import org.openjdk.jmh.annotations.Param;
import org.wasmvm.core.Engine;

/**
 * The workloads on wasmvm: each build ({@code target}) on each {@link Engine}. Until the compiler
 * tier compiles a function, {@code compiler} and {@code tiered} run it in the interpreter. The SIMD
 * builds ({@code -O3 -msimd128}) are the targets {@code wasm64-simd} and {@code wasm32-simd}, run on
 * request ({@code -p target=wasm64,wasm64-simd}): Chicory 1.7.5 runs none of them (docs/performance.md).
 */
public class WorkloadBench extends AbstractWorkloadBench {

    @Param({"wasm64", "wasm32"})
    public String target;

    @Param({"interpreter", "compiler", "tiered"})
    public String engine;

    /** The runtime name of {@code target} ({@link Runtimes#WASMVM_WASM64} or {@link Runtimes#WASMVM_WASM32}). */
    static String runtime(String target) {
        return "wasmvm-" + target;
    }

    @Override
    protected String label() {
        return runtime(target) + " (" + engine + ")";
    }

    @Override
    protected LongUnaryOperator open(String workload) {
        return Runtimes.run(runtime(target), Engine.parse(engine), Workloads.bytes(workload, target));
    }
}
