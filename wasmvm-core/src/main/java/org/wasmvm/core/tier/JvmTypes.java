package org.wasmvm.core.tier;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.ModuleInstance;

/** How wasm values look in compiled code (DESIGN §5): the one mapping both the runtime and the compiler use. */
public final class JvmTypes {
    private JvmTypes() {
    }

    /**
     * The JVM type of a wasm value: i32 {@code int}, i64 {@code long}, f32 {@code float}, f64
     * {@code double}, a reference the {@code Object} itself (DESIGN §5); a {@code v128} is two
     * {@code long}s (low half, then high), which {@link #params} gives.
     */
    public static Class<?> of(ValType type) {
        return switch (type.kind()) {
            case I32 -> int.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case I64 -> long.class;
            case REF -> Object.class;
            case V128 -> throw new IllegalArgumentException("a v128 is two longs");
        };
    }

    /**
     * The return type for {@code results}: {@code void}, the one value's type, or {@code long[]} slots
     * (paired, {@link org.wasmvm.core.runtime.PairedSlots}) for several or a {@code v128}; the references
     * among several results travel in the store's {@code resultRefs}.
     */
    public static Class<?> returnType(List<ValType> results) {
        return returnsSlots(results) ? long[].class : results.isEmpty() ? void.class : of(results.get(0));
    }

    /** Whether a function with {@code results} returns them as a {@code long[]}: several, or a {@code v128}. */
    public static boolean returnsSlots(List<ValType> results) {
        return results.size() > 1 || results.contains(ValType.V128);
    }

    /** The JVM parameter types of {@code params}: one each, two {@code long}s for a {@code v128}. */
    public static List<Class<?>> params(List<ValType> params) {
        List<Class<?>> types = new ArrayList<>();
        for (ValType param : params) {
            if (param == ValType.V128) {
                types.add(long.class);
                types.add(long.class);
            } else {
                types.add(of(param));
            }
        }
        return types;
    }

    /**
     * The type of a compiled function: {@code (params…, int depthLeft, ModuleInstance) → result}.
     * {@code depthLeft} is how many more frames the call-depth limit allows, this one included: the
     * depth travels in a register from call to call instead of through a counter in memory, which
     * every call would have to update twice.
     */
    public static MethodType methodType(FuncType type) {
        List<Class<?>> params = params(type.params());
        params.add(int.class);
        params.add(ModuleInstance.class);
        return MethodType.methodType(returnType(type.results()), params);
    }
}
