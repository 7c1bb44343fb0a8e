package org.wasmvm.core.tier;

import java.lang.invoke.MethodType;
import java.util.List;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.ModuleInstance;

/** How wasm values look in compiled code (DESIGN §5): the one mapping both the runtime and the compiler use. */
public final class JvmTypes {
    private JvmTypes() {
    }

    /** The JVM type of a wasm value: i32 {@code int}, i64 and references {@code long}, f32 {@code float}, f64 {@code double}. */
    public static Class<?> of(ValType type) {
        return switch (type.kind()) {
            case I32 -> int.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case I64, REF -> long.class;
            case V128 -> throw new UnsupportedOperationException("v128 is not implemented");
        };
    }

    /** The return type for {@code results}: {@code void}, the one value's type, or {@code long[]} slots for several. */
    public static Class<?> returnType(List<ValType> results) {
        return switch (results.size()) {
            case 0 -> void.class;
            case 1 -> of(results.get(0));
            default -> long[].class;
        };
    }

    /**
     * The type of a compiled function: {@code (params…, int depthLeft, ModuleInstance) → result}.
     * {@code depthLeft} is how many more frames the call-depth limit allows, this one included: the
     * depth travels in a register from call to call instead of through a counter in memory, which
     * every call would have to update twice.
     */
    public static MethodType methodType(FuncType type) {
        int n = type.params().size();
        Class<?>[] params = new Class<?>[n + 2];
        for (int i = 0; i < n; i++) {
            params[i] = of(type.params().get(i));
        }
        params[n] = int.class;
        params[n + 1] = ModuleInstance.class;
        return MethodType.methodType(returnType(type.results()), params);
    }
}
