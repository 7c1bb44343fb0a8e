package org.wasmvm.core;

import org.wasmvm.core.model.TableType;
import org.wasmvm.core.runtime.TableInstance;

/**
 * A table of references: {@link ExportedFunction}s in a funcref table, any host objects in an
 * externref table, Java {@code null} for the null reference.
 * Out-of-range indices throw a {@link WasmTrap} of kind {@link TrapKind#TABLE_OUT_OF_BOUNDS}.
 * Two {@code Table} objects are equal when they are views of the same table.
 */
public final class Table extends RuntimeView<TableInstance> {
    Table(TableInstance table) {
        super(table);
    }

    /** A new table of the given type filled with null, for use as an import. */
    public static Table create(TableType type) {
        return new Table(new TableInstance(type, null, Long.MAX_VALUE));
    }

    public TableType type() {
        return runtime.type();
    }

    public long size() {
        return runtime.size();
    }

    /** The reference at {@code index}. */
    public Object get(long index) {
        return runtime.get(index);
    }

    /** @throws IllegalArgumentException when a funcref table is given something other than a function of a store */
    public void set(long index, Object ref) {
        runtime.set(index, ref);
    }

    /** Grows by {@code delta} entries set to {@code init}; returns the old size or -1. */
    public long grow(long delta, Object init) {
        return runtime.grow(delta, init);
    }
}
