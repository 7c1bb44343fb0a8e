package org.wasmvm.core.runtime;

import java.lang.invoke.MethodHandle;

/**
 * One compiled function.
 *
 * @param handle the typed entry {@code (params…, int depthLeft, ModuleInstance) → result} (see
 *     {@code org.wasmvm.core.tier.JvmTypes#methodType}): i32 as {@code int},
 *     i64 and references as {@code long}, f32 as {@code float}, f64 as {@code double}; no result is
 *     {@code void}, several are a {@code long[]} of raw slots
 * @param slots the entry for callers holding raw slots (the interpreter, the host)
 * @param osrLoops for code compiled with on-stack-replacement entries: which loops (by ordinal in
 *     the body) {@link SlotEntry#osr} can enter; null otherwise
 */
public record JvmCode(MethodHandle handle, SlotEntry slots, boolean[] osrLoops) {
    /** Whether {@link SlotEntry#osr} can enter the loop with this ordinal. */
    public boolean entersLoop(int loop) {
        return osrLoops != null && loop < osrLoops.length && osrLoops[loop];
    }
}
