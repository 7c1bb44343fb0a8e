package org.wasmvm.bench;

import java.util.function.LongUnaryOperator;

import org.openjdk.jmh.annotations.Param;

/**
 * The workloads on the peer, Chicory, on the wasm32 build (it has no memory64), on each of its
 * machines: the interpreter, and the compiler, which translates the whole module to JVM bytecode
 * when the instance is built (in {@code @Setup}, outside the measurement).
 */
public class ChicoryWorkloadBench extends AbstractWorkloadBench {

    @Param({"interpreter", "compiler"})
    public String machine;

    /** The runtime name of Chicory's {@code machine}. */
    static String runtime(String machine) {
        return switch (machine) {
            case "interpreter" -> Runtimes.CHICORY_WASM32;
            case "compiler" -> Runtimes.CHICORY_COMPILER_WASM32;
            default -> throw new IllegalArgumentException("unknown Chicory machine '" + machine + "' (interpreter or compiler)");
        };
    }

    @Override
    protected String label() {
        return runtime(machine);
    }

    @Override
    protected LongUnaryOperator open(String workload) {
        return Runtimes.run(runtime(machine), Workloads.bytes(workload, "wasm32"));
    }
}
