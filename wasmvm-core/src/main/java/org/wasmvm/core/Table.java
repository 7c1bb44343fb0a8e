package org.wasmvm.core;

import org.wasmvm.core.model.TableType;
import org.wasmvm.core.runtime.TableInstance;

/**
 * A table of references (function handles or externref handles, {@link Value#NULL_REF} for null).
 * Out-of-range indices throw a {@link WasmTrap} of kind {@link TrapKind#TABLE_OUT_OF_BOUNDS}.
 */
public interface Table {
    /** A new table of the given type filled with null, for use as an import. */
    static Table create(TableType type) {
        return new TableInstance(type, Value.NULL_REF, Long.MAX_VALUE);
    }

    TableType type();

    long size();

    /** The reference handle at {@code index}. */
    long get(long index);

    void set(long index, long handle);

    /** Grows by {@code delta} entries set to {@code init}; returns the old size or -1. */
    long grow(long delta, long init);
}
