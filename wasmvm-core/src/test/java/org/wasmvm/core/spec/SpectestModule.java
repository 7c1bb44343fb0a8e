package org.wasmvm.core.spec;

import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.Global;
import org.wasmvm.core.HostFunction;
import org.wasmvm.core.Memory;
import org.wasmvm.core.Store;
import org.wasmvm.core.Table;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.ValType;

/**
 * The {@code spectest} host module the spec tests import from, as the reference interpreter provides it:
 * no-op print functions, immutable globals of value 666 / 666.6, a funcref table (10, max 20) and a
 * memory (1 page, max 2). With memory64 there is also {@code table64}, the same table with i64 indices (as in
 * the memory64 proposal's reference interpreter; memory64's {@code table.wast} imports it).
 */
final class SpectestModule {
    static final String NAME = "spectest";
    private static final HostFunction NO_OP = (caller, args) -> new long[0];

    private SpectestModule() {
    }

    /** Defines a fresh {@code spectest} module (its own table, memory and globals) in {@code store}. */
    static void define(Store store, Features features) {
        print(store, "print");
        print(store, "print_i32", ValType.I32);
        print(store, "print_i64", ValType.I64);
        print(store, "print_f32", ValType.F32);
        print(store, "print_f64", ValType.F64);
        print(store, "print_i32_f32", ValType.I32, ValType.F32);
        print(store, "print_f64_f64", ValType.F64, ValType.F64);
        store.define(NAME, "global_i32", global(Value.i32(666)));
        store.define(NAME, "global_i64", global(Value.i64(666)));
        store.define(NAME, "global_f32", global(Value.f32(666.6f)));
        store.define(NAME, "global_f64", global(Value.f64(666.6)));
        store.define(NAME, "table", Table.create(new TableType(ValType.FUNCREF, new Limits(10, 20, false))));
        if (features.memory64()) {
            store.define(NAME, "table64", Table.create(new TableType(ValType.FUNCREF, new Limits(10, 20, true))));
        }
        store.define(NAME, "memory", Memory.create(1, 2));
        if (features.threads()) {
            store.define(NAME, "shared_memory", Memory.create(new MemoryType(new Limits(1, 2, false), true)));
        }
    }

    private static void print(Store store, String name, ValType... params) {
        store.define(NAME, name, FuncType.of(List.of(params), List.of()), NO_OP);
    }

    private static Global global(Value value) {
        return Global.create(new GlobalType(value.type(), false), value);
    }
}
