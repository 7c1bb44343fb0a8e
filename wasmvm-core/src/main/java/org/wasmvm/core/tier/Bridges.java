package org.wasmvm.core.tier;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
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
    private static final MethodType RAW = methodType(long[].class, long[].class, Object[].class, int.class,
            ModuleInstance.class);
    private static final MethodHandle ENTER = find(FunctionTiers.class, "enter",
            RAW.insertParameterTypes(0, FunctionTiers.class, int.class));
    private static final MethodHandle ENTER_FOR_REFERENCE = find(FunctionTiers.class, "enterForReference",
            RAW.insertParameterTypes(0, FunctionTiers.class, int.class).changeReturnType(Object.class));
    private static final MethodHandle CALL_HOST = find(Bridges.class, "callHost",
            RAW.insertParameterTypes(0, HostFunctionInstance.class));
    private static final MethodHandle CALL_HOST_FOR_REFERENCE = find(Bridges.class, "callHostForReference",
            RAW.insertParameterTypes(0, HostFunctionInstance.class).changeReturnType(Object.class));

    private Bridges() {
    }

    /**
     * {@code (params…, int depthLeft, ModuleInstance, FunctionTiers, int functionIndex) → result} that
     * runs a defined function of {@code type} through {@link FunctionTiers#enter}: built once per
     * type (the adapter's combinators cost a cold start about 0.1 ms each time), bound to one
     * function by {@link #interpreting}.
     */
    static MethodHandle interpreting(FuncType type) {
        MethodHandle enter = returnsReference(type) ? ENTER_FOR_REFERENCE : ENTER;
        MethodType last = enter.type().dropParameterTypes(0, 2).appendParameterTypes(FunctionTiers.class, int.class);
        return typed(MethodHandles.permuteArguments(enter, last, 4, 5, 0, 1, 2, 3), type);
    }

    /** {@code (params…, int depthLeft, ModuleInstance) → result}: {@code interpreting} bound to one function. */
    static MethodHandle interpreting(MethodHandle interpreting, FunctionTiers tiers, int functionIndex) {
        return MethodHandles.insertArguments(interpreting, interpreting.type().parameterCount() - 2, tiers, functionIndex);
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
        return typed(MethodHandles.insertArguments(returnsReference(type) ? CALL_HOST_FOR_REFERENCE : CALL_HOST, 0,
                function), type);
    }

    /**
     * A host function called from compiled code: the store learns the depth, for wasm the host calls
     * in turn. The references of the results go to the store's {@code resultRefs}.
     */
    static long[] callHost(HostFunctionInstance host, long[] args, Object[] refs, int depthLeft, ModuleInstance caller) {
        StoreContext context = caller.context();
        context.callDepth = context.maxCallDepth - depthLeft;
        return host.call(caller, args, refs, context.resultRefs(PairedSlots.count(host.type().results())));
    }

    /** {@link #callHost} of a function whose one result is a reference: returns it. */
    static Object callHostForReference(HostFunctionInstance host, long[] args, Object[] refs, int depthLeft,
            ModuleInstance caller) {
        callHost(host, args, refs, depthLeft, caller);
        return caller.context().resultRefs(1)[0];
    }

    private static boolean returnsReference(FuncType type) {
        return type.results().size() == 1 && type.results().get(0).isReference();
    }

    /**
     * Adapts {@code (long[] args, Object[] refs, int depthLeft, ModuleInstance, any more…) → results} to the
     * typed convention of {@code type} (the parameters after the instance stay as they are); the slots are paired ({@link PairedSlots}): a {@code v128}'s
     * two {@code long}s go in as they come, a reference goes to {@code refs} at its index (null when
     * there is none), and a result that is a {@code long[]} comes back as the array. Numbers are never boxed.
     */
    private static MethodHandle typed(MethodHandle raw, FuncType type) {
        List<Class<?>> params = JvmTypes.params(type.params());
        int n = params.size();
        boolean references = PairedSlots.hasReferences(type.params());
        // every parameter is collected into both arrays, then the element it does not use is bound to 0 or null
        MethodHandle handle = raw.asCollector(0, long[].class, n);
        handle = references ? handle.asCollector(n, Object[].class, n) : MethodHandles.insertArguments(handle, n, (Object) null);
        if (references) {
            for (int i = n - 1; i >= 0; i--) { // the numbers' references first, while every number is still there
                if (params.get(i) != Object.class) {
                    handle = MethodHandles.insertArguments(handle, n + i, (Object) null);
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (params.get(i) == Object.class) {
                    handle = MethodHandles.insertArguments(handle, i, 0L);
                }
            }
        }
        // now (numbers…, references…, int, ModuleInstance): numbers to slots, then every parameter back in its place
        List<Class<?>> numbers = params.stream().filter(p -> p != Object.class).toList();
        handle = MethodHandles.filterArguments(handle, 0, numbers.stream().map(Bridges::toSlot).toArray(MethodHandle[]::new));
        if (references) {
            int count = handle.type().parameterCount(); // after the n parameters: depthLeft, the instance, any more
            int[] order = new int[count];
            int number = 0;
            int reference = numbers.size();
            for (int i = 0; i < n; i++) {
                order[params.get(i) == Object.class ? reference++ : number++] = i;
            }
            List<Class<?>> typedParams = new ArrayList<>(params);
            for (int i = n; i < count; i++) {
                order[i] = i;
                typedParams.add(handle.type().parameterType(i));
            }
            handle = MethodHandles.permuteArguments(handle, methodType(handle.type().returnType(), typedParams), order);
        }
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
        if (JvmTypes.returnsSlots(results) || results.size() == 1 && results.get(0).isReference()) {
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
