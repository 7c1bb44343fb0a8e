package org.wasmvm.core.runtime;

import java.util.Arrays;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.TrapKind;

/**
 * The runtime side of a store: the function handle table (a funcref is an index into it), the
 * limits, the current call depth, and the execution budget (fuel, deadline, interruption) that the
 * interpreter draws from in slices so that its loop only counts down a local.
 */
public final class StoreContext {
    /** Loop iterations and calls between two looks at the clock and the interrupt flag. */
    public static final int SLICE = 10_000;

    private final RuntimeLimits limits;
    private FunctionInstance[] functions = new FunctionInstance[64];
    private int functionCount;
    /** Wasm frames active on this store's thread, across nested host → wasm calls. */
    public int callDepth;
    private long fuelLeft;
    private long deadline;
    private volatile boolean interrupted;

    public StoreContext(RuntimeLimits limits) {
        this.limits = limits;
        this.fuelLeft = limits.fuel();
    }

    public RuntimeLimits limits() {
        return limits;
    }

    /** Gives {@code function} a handle in this store, unless it already has one. */
    public void register(FunctionInstance function) {
        if (function.handle >= 0) {
            return;
        }
        if (functionCount == functions.length) {
            functions = Arrays.copyOf(functions, functionCount * 2);
        }
        function.handle = functionCount;
        functions[functionCount++] = function;
    }

    /** The function a funcref handle denotes. */
    public FunctionInstance function(long handle) {
        return functions[(int) handle];
    }

    /** Asks running code to stop at its next check (from any thread): it traps with {@code timeout}. */
    public void interrupt() {
        interrupted = true;
    }

    /** Starts the clock of an outermost call from the host. */
    public void startCall() {
        if (callDepth == 0 && limits.timeout() != null) {
            deadline = System.nanoTime() + limits.timeout().toNanos();
        }
    }

    /**
     * Checks the interrupt flag and the deadline, then hands out the next slice of fuel.
     *
     * @throws Trap when interrupted, past the deadline, or out of fuel
     */
    public int nextSlice() {
        if (interrupted) {
            interrupted = false;
            throw new Trap(TrapKind.TIMEOUT, "interrupted");
        }
        if (limits.timeout() != null && System.nanoTime() - deadline > 0) {
            throw new Trap(TrapKind.TIMEOUT, "ran longer than " + limits.timeout());
        }
        if (fuelLeft == RuntimeLimits.UNLIMITED) {
            return SLICE;
        }
        if (fuelLeft == 0) {
            throw new Trap(TrapKind.FUEL_EXHAUSTED);
        }
        int slice = (int) Math.min(SLICE, fuelLeft);
        fuelLeft -= slice;
        return slice;
    }

    /** Returns the unused part of a slice when execution leaves the interpreter. */
    public void returnSlice(int unused) {
        if (fuelLeft != RuntimeLimits.UNLIMITED) {
            fuelLeft += unused;
        }
    }

    /** The fuel not yet consumed, or {@link RuntimeLimits#UNLIMITED}. */
    public long fuelLeft() {
        return fuelLeft;
    }
}
