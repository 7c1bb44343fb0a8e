package org.wasmvm.core.runtime;

import java.util.Arrays;

/**
 * A tail call that compiled code has asked for but not made (DESIGN §5): instead of calling, the
 * tail-calling function stores the callee and its arguments here and returns, so its JVM frame is
 * gone before the callee runs; whoever called it (a trampoline, or the interpreter) makes the call.
 * One per store, reused: asking for a tail call allocates nothing once {@link #args} is large enough.
 */
public final class PendingTailCall {
    /** The function to call next, or null when no tail call is pending. */
    public FunctionInstance callee;
    /** The instance that made the tail call: a host callee sees it as its caller. */
    public ModuleInstance caller;
    /** The arguments in raw slots, paired ({@link PairedSlots}); the call's results are written over them. */
    public long[] args = new long[16];
    /** The references among the arguments (and results), at their index in {@link #args}. */
    public Object[] refs = new Object[16];

    /** Grows {@link #args} and {@link #refs} to hold at least {@code slots} values, keeping those stored. */
    public long[] ensure(int slots) {
        if (slots > args.length) {
            args = Arrays.copyOf(args, Math.max(slots, 2 * args.length));
            refs = Arrays.copyOf(refs, args.length);
        }
        return args;
    }

    /** Marks the call pending once its arguments are stored; the slots must hold its results too. */
    public void request(FunctionInstance function, ModuleInstance from) {
        ensure(PairedSlots.count(function.type().results()));
        callee = function;
        caller = from;
    }

    /** The pending callee, which is no longer pending; null if there is none. */
    public FunctionInstance take() {
        FunctionInstance function = callee;
        callee = null;
        return function;
    }
}
