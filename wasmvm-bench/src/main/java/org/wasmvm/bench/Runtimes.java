package org.wasmvm.bench;

import java.util.function.LongUnaryOperator;

import com.dylibso.chicory.wasm.Parser;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Wasm;

/**
 * The runtimes compared, each behind the same tiny surface: load + validate + instantiate a module,
 * and call its exported {@code run(i32) -> i64}.
 */
public final class Runtimes {

    /** wasmvm on the wasm64 (memory64) build of the workload. */
    public static final String WASMVM_WASM64 = "wasmvm-wasm64";
    /** wasmvm on the wasm32 build. */
    public static final String WASMVM_WASM32 = "wasmvm-wasm32";
    /** Chicory's interpreter on the wasm32 build (Chicory has no memory64). */
    public static final String CHICORY_WASM32 = "chicory-wasm32";

    private Runtimes() {
    }

    /** The module target a runtime name runs: "wasm32" or "wasm64". */
    public static String target(String runtime) {
        return runtime.substring(runtime.indexOf('-') + 1);
    }

    /** Loads, validates and instantiates {@code module}; returns the instance (to defeat dead-code elimination). */
    public static Object instantiate(String runtime, byte[] module) {
        if (runtime.startsWith("wasmvm-")) {
            return Wasm.load(module).instantiate();
        }
        if (runtime.equals(CHICORY_WASM32)) {
            return com.dylibso.chicory.runtime.Instance.builder(Parser.parse(module)).build();
        }
        throw new IllegalArgumentException("unknown runtime " + runtime);
    }

    /** Instantiates {@code module} and returns its export {@code run} as a function of one i32 argument. */
    public static LongUnaryOperator run(String runtime, byte[] module) {
        Object instance = instantiate(runtime, module);
        return export(instance, "run");
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
