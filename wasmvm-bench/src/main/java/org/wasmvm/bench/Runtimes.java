package org.wasmvm.bench;

import java.util.function.LongUnaryOperator;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import org.wasmvm.core.Engine;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;

/**
 * The runtimes compared, each behind the same tiny surface: load + validate + instantiate a module,
 * and call its exported {@code run(i32) -> i64}. A runtime name is {@code <runtime>-<target>}; wasmvm
 * also takes an {@link Engine}, Chicory's engine is part of its name.
 */
public final class Runtimes {

    /** wasmvm on the wasm64 (memory64) build of the workload. */
    public static final String WASMVM_WASM64 = "wasmvm-wasm64";
    /** wasmvm on the wasm32 build. */
    public static final String WASMVM_WASM32 = "wasmvm-wasm32";
    /** Chicory's interpreter on the wasm32 build (Chicory has no memory64). */
    public static final String CHICORY_WASM32 = "chicory-wasm32";
    /** Chicory's compiler ({@code MachineFactoryCompiler}) on the wasm32 build. */
    public static final String CHICORY_COMPILER_WASM32 = "chicory-compiler-wasm32";

    private Runtimes() {
    }

    /** The module target a runtime name runs: "wasm32" or "wasm64". */
    public static String target(String runtime) {
        return runtime.substring(runtime.lastIndexOf('-') + 1);
    }

    /** Loads, validates and instantiates {@code module}, wasmvm on the engine of {@code -Dwasmvm.engine}. */
    public static Object instantiate(String runtime, byte[] module) {
        return instantiate(runtime, Engine.configured(), module);
    }

    /**
     * Loads, validates and instantiates {@code module} (Chicory's compiler also compiles it here);
     * returns the instance (to defeat dead-code elimination). {@code engine} only applies to wasmvm.
     */
    public static Object instantiate(String runtime, Engine engine, byte[] module) {
        if (runtime.startsWith("wasmvm-")) {
            return new Store(RuntimeLimits.DEFAULT, engine).instantiate(Wasm.load(module));
        }
        return switch (runtime) {
            case CHICORY_WASM32 -> com.dylibso.chicory.runtime.Instance.builder(Parser.parse(module)).build();
            case CHICORY_COMPILER_WASM32 -> com.dylibso.chicory.runtime.Instance.builder(Parser.parse(module))
                .withMachineFactory(MachineFactoryCompiler::compile)
                .build();
            default -> throw new IllegalArgumentException("unknown runtime " + runtime);
        };
    }

    /** Instantiates {@code module} and returns its export {@code run} as a function of one i32 argument. */
    public static LongUnaryOperator run(String runtime, byte[] module) {
        return export(instantiate(runtime, module), "run");
    }

    /** {@link #run(String, byte[])} with wasmvm on {@code engine}. */
    public static LongUnaryOperator run(String runtime, Engine engine, byte[] module) {
        return export(instantiate(runtime, engine, module), "run");
    }

    static LongUnaryOperator export(Object instance, String name) {
        if (instance instanceof org.wasmvm.core.Instance wasmvm) {
            ExportedFunction f = wasmvm.function(name);
            return n -> f.apply(n)[0];
        }
        com.dylibso.chicory.runtime.ExportFunction f = ((com.dylibso.chicory.runtime.Instance) instance).export(name);
        return n -> f.apply(n)[0];
    }
}
