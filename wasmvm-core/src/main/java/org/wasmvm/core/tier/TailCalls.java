package org.wasmvm.core.tier;

import java.util.Arrays;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.HostFunctionInstance;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.runtime.PendingTailCall;
import org.wasmvm.core.runtime.WasmFunction;

/**
 * The trampoline of compiled tail calls (DESIGN §5, docs/RATIONALE.md). A compiled {@code return_call}
 * leaves its callee and arguments in the store's {@link PendingTailCall} and returns; the entry of
 * a function that makes tail calls then finds the call pending and makes it here, and every tail
 * call that callee makes in turn, one after the other in this loop: the Java stack stays as deep
 * as it was however long the chain. Functions without tail calls have no such entry and pay nothing.
 */
public final class TailCalls {
    private TailCalls() {
    }

    /**
     * Makes the pending tail call and those that follow it, each callee in the place of the frame
     * that tail-called it ({@code depthLeft} frames left, as that frame had); returns the slots that
     * hold the last callee's results (their references in the store's {@code resultRefs}). Public
     * because generated classes call it; not an API.
     */
    public static long[] finish(int depthLeft, ModuleInstance instance) {
        PendingTailCall pending = instance.context().tailCall;
        while (true) {
            FunctionInstance callee = pending.take();
            long[] slots = pending.args;
            if (callee instanceof HostFunctionInstance host) {
                long[] args = Arrays.copyOf(slots, PairedSlots.count(host.type().params()));
                long[] results = Bridges.callHost(host, args, pending.refs, depthLeft, pending.caller);
                System.arraycopy(results, 0, slots, 0, results.length);
                return slots;
            }
            FunctionTiers.enterTail((WasmFunction) callee, slots, pending.refs, depthLeft);
            if (pending.callee == null) {
                return slots;
            }
        }
    }
}
