package org.wasmvm.core.runtime;


/**
 * A compiled function called with raw value slots, as the interpreter holds them: a value's bits in
 * {@code slots}, a {@code v128}'s high half in {@code high} and a reference in {@code refs}, both at
 * the same index ({@code high} may be null where no value is a vector, {@code refs} where none is a
 * reference: a callee ignores the arrays its signature does not need).
 */
public interface SlotEntry {
    /** Runs the function with its arguments in {@code slots[base…]}; its results are written there. */
    void call(long[] slots, long[] high, Object[] refs, int base, ModuleInstance instance);

    /**
     * As {@link #call}, but a tail call the function makes is left pending in the store's
     * {@link org.wasmvm.core.runtime.PendingTailCall} (the results are then not written): the
     * caller, which replaces the function's frame by the callee's, makes it.
     */
    default void tailCall(long[] slots, long[] high, Object[] refs, int base, ModuleInstance instance) {
        call(slots, high, refs, base, instance);
    }

    /**
     * On-stack replacement: continues an interpreter frame at {@code fp} (its locals, and at the
     * header of loop {@code loop} its operands) in compiled code; the results are written at {@code fp}.
     */
    default void osr(long[] slots, long[] high, Object[] refs, int fp, int loop, ModuleInstance instance) {
        throw new UnsupportedOperationException("compiled without on-stack-replacement entries");
    }
}
