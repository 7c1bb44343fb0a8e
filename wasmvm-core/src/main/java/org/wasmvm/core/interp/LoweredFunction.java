package org.wasmvm.core.interp;

/**
 * A function body lowered for the interpreter: register-style {@code int[]} code over frame slots,
 * plus the frame shape. Immutable; shared by all instances of a module.
 *
 * <p>Frame layout: parameters, then declared locals ({@code localCount} slots in all), then the
 * function's constants (copied in at every call, so instructions read constants like any other
 * slot), then the operand slots; {@code frameSize} slots in all.
 *
 * @param code the lowered instructions (see {@link Op})
 * @param paramCount slots taken by the parameters (the frame's first slots)
 * @param localCount slots taken by parameters and declared locals together
 * @param resultCount slots the function returns
 * @param constants the values of the constant slots, which start at slot {@code localCount}
 * @param frameSize the slots the frame needs, constants included
 * @param sourceMap pairs of (lowered pc, wasm byte offset), ascending, for stack traces
 */
public record LoweredFunction(int[] code, int paramCount, int localCount, int resultCount, long[] constants,
        int frameSize, int[] sourceMap) {

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
