package org.wasmvm.core.tier;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.HostFunctionInstance;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.runtime.WasmFunction;

/**
 * Method-handle adapters between the typed calling convention of compiled code ({@link JvmTypes})
 * and code that takes raw {@code long[]} slots: the interpreter and host functions. Built once per
 * function; they box, so they serve calls that are rare or about to be replaced by compiled code.
 */
final class Bridges {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle ENTER = find(FunctionTiers.class, "enter",
            methodType(long[].class, FunctionTiers.class, int.class, long[].class, int.class, ModuleInstance.class));
    private static final MethodHandle CALL_HOST = find(Bridges.class, "callHost",
            methodType(long[].class, HostFunctionInstance.class, long[].class, int.class, ModuleInstance.class));

    private Bridges() {
    }

    /** {@code (params…, int depthLeft, ModuleInstance) → result} that runs a defined function through {@link FunctionTiers#enter}. */
    static MethodHandle interpreting(FunctionTiers tiers, int functionIndex, FuncType type) {
        return typed(MethodHandles.insertArguments(ENTER, 0, tiers, functionIndex), type);
    }

    /**
     * {@code (params…, int depthLeft, ModuleInstance caller) → result} for any function: compiled
     * callers call imports and table entries through it. A wasm function runs in its own instance
     * (the caller is dropped), a host function sees the caller.
     */
    static MethodHandle invoker(FunctionInstance function) {
        FuncType type = function.type();
        int n = PairedSlots.count(type.params()); // the JVM parameters: a v128 is two
        if (function instanceof WasmFunction wasm) {
            if (!(wasm.tiers() instanceof FunctionTiers tiers)) {
                throw new UnsupportedOperationException(wasm.displayName() + " belongs to a store that only interprets:"
                        + " compiled code of another store cannot call it");
            }
            MethodHandle site = tiers.site(wasm.index()).dynamicInvoker();
            return MethodHandles.dropArguments(MethodHandles.insertArguments(site, n + 1, wasm.instance()), n + 1,
                    ModuleInstance.class);
        }
        return typed(MethodHandles.insertArguments(CALL_HOST, 0, function), type);
    }

    /** A host function called from compiled code: the store learns the depth, for wasm the host calls in turn. */
    static long[] callHost(HostFunctionInstance host, long[] args, int depthLeft, ModuleInstance caller) {
        StoreContext context = caller.context();
        context.callDepth = context.maxCallDepth - depthLeft;
        return CompiledSupport.callHost(host, caller, args);
    }

    /**
     * Adapts {@code (long[] args, int depthLeft, ModuleInstance) → long[] results} to the typed
     * convention of {@code type}; the slots are paired ({@link PairedSlots}): a {@code v128}'s two
     * {@code long}s go in as they come, and a result that is one comes back as the array.
     */
    private static MethodHandle typed(MethodHandle raw, FuncType type) {
        List<Class<?>> params = JvmTypes.params(type.params());
        int n = params.size();
        MethodHandle handle = raw.asCollector(0, long[].class, n);
        MethodHandle[] toSlots = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            toSlots[i] = toSlot(params.get(i));
        }
        handle = MethodHandles.filterArguments(handle, 0, toSlots);
        MethodHandle fromSlots = fromSlots(type.results());
        return fromSlots == null ? handle : MethodHandles.filterReturnValue(handle, fromSlots);
    }

    private static MethodHandle toSlot(Class<?> type) {
        if (type == int.class) {
            return MethodHandles.identity(long.class).asType(methodType(long.class, int.class));
        }
        if (type == float.class) {
            return find(Slots.class, "fromF32", methodType(long.class, float.class));
        }
        return type == double.class ? find(Double.class, "doubleToRawLongBits", methodType(long.class, double.class)) : null;
    }

    private static MethodHandle fromSlots(List<ValType> results) {
        if (JvmTypes.returnsSlots(results)) {
            return null;
        }
        if (results.isEmpty()) {
            return find(Slots.class, "none", methodType(void.class, long[].class));
        }
        return switch (results.get(0).kind()) {
            case I32 -> find(Slots.class, "i32", methodType(int.class, long[].class));
            case F32 -> find(Slots.class, "f32", methodType(float.class, long[].class));
            case F64 -> find(Slots.class, "f64", methodType(double.class, long[].class));
            default -> find(Slots.class, "i64", methodType(long.class, long[].class));
        };
    }

    private static MethodHandle find(Class<?> owner, String name, MethodType type) {
        try {
            return LOOKUP.findStatic(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Conversions between typed values and raw slots (the interpreter's representation). */
    static final class Slots {
        private Slots() {
        }

        static long fromF32(float value) {
            return Float.floatToRawIntBits(value);
        }

        static void none(long[] results) {
        }

        static int i32(long[] results) {
            return (int) results[0];
        }

        static long i64(long[] results) {
            return results[0];
        }

        static float f32(long[] results) {
            return Float.intBitsToFloat((int) results[0]);
        }

        static double f64(long[] results) {
            return Double.longBitsToDouble(results[0]);
        }
    }
}
