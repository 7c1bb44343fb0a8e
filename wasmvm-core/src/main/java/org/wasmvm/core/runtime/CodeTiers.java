package org.wasmvm.core.runtime;

import org.wasmvm.core.Engine;

/**
 * The compiled tier of one module's defined functions, as interpreted code finds and feeds it:
 * the compiled code of a function once there is some, and the tier-up signals (a function ran hot,
 * a long loop wants on-stack replacement). The compiler tier implements it ({@code
 * org.wasmvm.core.tier.FunctionTiers}); a store that only interprets has none.
 */
public interface CodeTiers {
    /** The compiled code of the defined function {@code functionIndex}, or null while it is interpreted. */
    JvmCode code(int functionIndex);

    /** The code a call runs on {@code engine}, compiling it now where the engine says so; null means interpret. */
    JvmCode codeFor(int functionIndex, Engine engine);

    /** The function was seen running when a slice ended: once hot, it gets compiled. */
    void heat(int functionIndex);

    /** The function's code with on-stack-replacement entries, or null until it is ready (asking starts its compilation). */
    JvmCode osrCode(int functionIndex);

    /** An interpreted frame moved to compiled code (for the tier's statistics). */
    void frameReplaced();
}
