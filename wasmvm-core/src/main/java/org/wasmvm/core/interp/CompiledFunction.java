package org.wasmvm.core.interp;

/**
 * A function body lowered for the interpreter: {@code int[]} code whose branches hold resolved
 * targets and stack heights, plus the frame shape. Immutable; shared by all instances of a module.
 *
 * @param code the lowered instructions (see {@link Op})
 * @param paramCount slots taken by the parameters (the frame's first slots)
 * @param localCount slots taken by parameters and declared locals together
 * @param resultCount slots the function returns
 * @param maxHeight the most slots the frame ever uses, locals included
 * @param sourceMap pairs of (lowered pc, wasm byte offset), ascending, for stack traces
 */
public record CompiledFunction(int[] code, int paramCount, int localCount, int resultCount, int maxHeight, int[] sourceMap) {

    /** The wasm byte offset of the instruction at lowered {@code pc} (or the nearest before it). */
    public int sourceOffset(int pc) {
        int best = -1;
        for (int i = 0; i < sourceMap.length; i += 2) {
            if (sourceMap[i] > pc) {
                break;
            }
            best = sourceMap[i + 1];
        }
        return best;
    }
}
