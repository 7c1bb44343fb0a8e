package org.wasmvm.core.runtime;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.LockSupport;
import org.wasmvm.core.Engine;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.TrapKind;

/**
 * The runtime side of a store: the limits, the engine, the current call depth, and the execution budget (fuel, deadline,
 * interruption) that both tiers draw from in slices: the interpreter counts a slice down in a local,
 * compiled code in {@link #budget}.
 */
public final class StoreContext {
    /** Loop iterations and calls between two looks at the clock and the interrupt flag. */
    public static final int SLICE = 10_000;

    private final RuntimeLimits limits;
    private final Engine engine;
    /** {@code limits.maxCallDepth()}, read by every compiled call. */
    public final int maxCallDepth;
    /** Wasm frames active on this store's thread, across nested host → wasm calls. */
    public int callDepth;
    /**
     * The rest of the slice that running code draws from (1…{@link #SLICE}), or 0 when none is
     * drawn: compiled code counts it down in place, the interpreter takes it into a local and puts
     * the rest back when it returns to compiled code.
     */
    public int budget;
    private long fuelLeft;
    private long deadline;
    private volatile boolean interrupted;
    /**
     * Raised by {@link #interrupt()} and when an outermost call's time is up, together with the
     * {@link ModuleInstance#entryFloor} of every instance of this store, which compiled code that does
     * not meter fuel tests at calls (a read, no counter to update); the bridge from compiled code into
     * the interpreter and a waiting thread look at this flag, and loops check the clock every
     * {@link #SLICE} iterations.
     */
    public volatile boolean stop;
    /**
     * This store's instances, whose entry floors a stop raises and lowers (guarded by {@code this});
     * weakly held, so that the store keeps no instance alive that its user dropped.
     */
    private final Set<ModuleInstance> instances = Collections.newSetFromMap(new WeakHashMap<>());
    private ScheduledFuture<?> alarm;
    /** The thread of this store blocked in {@code memory.atomic.wait}, if any: the interrupt and the alarm wake it. */
    private volatile Thread waiting;
    /**
     * The array elements held by the active compiled frames whose locals live in arrays: counted
     * against the value-stack limit, as the interpreter counts its frames, so that a deep recursion of
     * a function with huge frames traps instead of filling the heap.
     */
    public int arrayFrameSlots;
    /**
     * Where a wasm exception left a region method of a split compiled function: the function's own
     * method names its frame at this offset, unless a handler of its own catches the exception first.
     */
    public int thrownSite;
    /** The tail call compiled code asked for and its caller has still to make. */
    public final PendingTailCall tailCall = new PendingTailCall();
    /**
     * The references among the results of a call that returns a {@code long[]} (several results) in
     * compiled code's layout ({@link PairedSlots}), at their index there: written just before the
     * return, read by the caller right after it. A JVM method returns one value; this keeps numeric
     * results out of boxes.
     */
    private Object[] resultRefs = new Object[8];
    /**
     * The interpreter's spare interpreters for calls from compiled code into interpreted functions,
     * kept so each call need not allocate one (typed {@code Object}: the runtime does not know the interpreter).
     */
    public final ArrayDeque<Object> spareInterpreters = new ArrayDeque<>();
    private final WasmEntry entry;

    /** @param entry how calls from Java enter wasm code in this store */
    public StoreContext(RuntimeLimits limits, Engine engine, WasmEntry entry) {
        this.limits = limits;
        this.engine = engine;
        this.entry = entry;
        this.maxCallDepth = limits.maxCallDepth();
        this.fuelLeft = limits.fuel();
    }

    /** {@link #resultRefs}, grown to hold at least {@code count} (keeping what it holds). */
    public Object[] resultRefs(int count) {
        if (count > resultRefs.length) {
            resultRefs = Arrays.copyOf(resultRefs, Math.max(count, 2 * resultRefs.length));
        }
        return resultRefs;
    }

    public RuntimeLimits limits() {
        return limits;
    }

    public Engine engine() {
        return engine;
    }

    public WasmEntry entry() {
        return entry;
    }

    /** Asks running code to stop at its next check (from any thread): it traps with {@code timeout}. */
    public void interrupt() {
        interrupted = true;
        raiseStop();
    }

    /** The current thread starts waiting ({@code memory.atomic.wait}): until {@link #endWait()}, a stop unparks it. */
    public void beginWait() {
        waiting = Thread.currentThread();
    }

    public void endWait() {
        waiting = null;
    }

    /** Raises {@link #stop} when an outermost call's time is up. */
    private void timeUp() {
        raiseStop();
    }

    /**
     * A new instance of this store: a stop reaches its code too. Raising and lowering the flag are
     * synchronized with this, so that no floor stays raised (or lowered) against the flag.
     */
    synchronized void adopt(ModuleInstance instance) {
        instances.add(instance);
        instance.entryFloor = stop ? Integer.MAX_VALUE : 0;
    }

    private synchronized void raiseStop() {
        stop = true;
        setFloors(Integer.MAX_VALUE);
        Thread thread = waiting;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Whether fuel is limited: then compiled code counts it exactly, as the interpreter does. */
    public boolean metered() {
        return limits.fuel() != RuntimeLimits.UNLIMITED;
    }

    /** Starts the clock of an outermost call from the host; with a timeout, an alarm raises {@link #stop} when it is up. */
    public void startCall() {
        if (callDepth == 0 && limits.timeout() != null) {
            long nanos = limits.timeout().toNanos();
            deadline = System.nanoTime() + nanos;
            alarm = Alarms.schedule(this::timeUp, nanos);
        }
    }

    /** Ends an outermost call: its alarm is cancelled. */
    public void endCall() {
        if (callDepth == 0 && alarm != null) {
            alarm.cancel(false);
            alarm = null;
        }
    }

    /**
     * Traps if the code was interrupted or its time is up; otherwise returns (a raised {@link #stop}
     * of an earlier call's alarm is cleared).
     */
    public void checkStop() {
        if (interrupted) {
            interrupted = false;
            lowerStop();
            throw new Trap(TrapKind.TIMEOUT, "interrupted");
        }
        if (limits.timeout() != null && System.nanoTime() - deadline > 0) {
            throw new Trap(TrapKind.TIMEOUT, "ran longer than " + limits.timeout());
        }
        if (stop) {
            lowerStop();
        }
    }

    private synchronized void lowerStop() {
        stop = false;
        setFloors(0);
    }

    private void setFloors(int floor) {
        for (ModuleInstance instance : instances) {
            instance.entryFloor = floor;
        }
    }

    /**
     * Checks the interrupt flag and the deadline, then hands out the next slice of fuel.
     *
     * @throws Trap when interrupted, past the deadline, or out of fuel
     */
    public int nextSlice() {
        checkStop();
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

    /** The slice running code continues with: the one already drawn, else a new one. */
    public int takeBudget() {
        return budget > 0 ? budget : nextSlice();
    }

    /** Compiled code's budget ran out: draws the next slice. */
    public void refillBudget() {
        budget = nextSlice();
    }

    /** Returns the unused part of a slice when execution leaves wasm code. */
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
