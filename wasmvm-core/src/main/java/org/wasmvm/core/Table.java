package org.wasmvm.core;

import org.wasmvm.core.model.TableType;
import org.wasmvm.core.runtime.TableInstance;

/**
 * A table of references: {@link ExportedFunction}s in a funcref table, any host objects in an
 * externref table, Java {@code null} for the null reference.
 * Out-of-range indices throw a {@link WasmTrap} of kind {@link TrapKind#TABLE_OUT_OF_BOUNDS}.
 */
public interface Table {
    /** A new table of the given type filled with null, for use as an import. */
    static Table create(TableType type) {
        return new TableInstance(type, null, Long.MAX_VALUE);
    }

    TableType type();

    long size();

    /** The reference at {@code index}. */
    Object get(long index);

    /** @throws IllegalArgumentException when a funcref table is given something other than a function of a store */
    void set(long index, Object ref);

    /** Grows by {@code delta} entries set to {@code init}; returns the old size or -1. */
    long grow(long delta, Object init);
}
