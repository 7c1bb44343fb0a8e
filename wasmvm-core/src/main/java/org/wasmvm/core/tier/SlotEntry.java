package org.wasmvm.core.tier;

import org.wasmvm.core.runtime.ModuleInstance;

/** A compiled function called with raw value slots, as the interpreter holds them. */
public interface SlotEntry {
    /** Runs the function with its arguments in {@code slots[base…]}; its results are written there. */
    void call(long[] slots, int base, ModuleInstance instance);
}
