package org.wasmvm.core.lower;

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
 * @param loopHeaders the pc of each wasm {@code loop} in body order (-1 where unreachable): where
 *     on-stack replacement can enter compiled code; the code ends with a {@code RETURN} that leaves
 *     a frame whose results compiled code has written
 * @param usesReferences whether the function uses references ({@link ValueUse}): its values move in
 *     the reference array too, and the compiler leaves it to the interpreter for now
 * @param usesVectors whether it uses {@code v128} values ({@link ValueUse}): its values move in the
 *     array of high halves and the reference array too, and the compiler leaves it to the interpreter for now
 * @param handlers the exception handlers, in the order their ranges open (so the last that covers a pc is
 *     the innermost): per handler {@code start end next clauseCount} (it covers the pcs from {@code start} to
 *     before {@code end}; {@code next} is the offset of the handler that an exception no clause matches goes
 *     on to, -1 for the caller), then per clause {@code tag target dst exceptionSlot}: the tag index ({@code -1}
 *     catches all), where the catch continues, where the payload goes, and where the exception goes as a
 *     reference ({@code -1}: nowhere). A legacy {@code delegate} is a handler without clauses whose {@code next}
 *     is the handler of its label.
 * @param exceptionSlots slots after the constants where legacy catches keep the exception for {@code rethrow}
 */
public record LoweredFunction(int[] code, int paramCount, int localCount, int resultCount, long[] constants,
        int frameSize, int[] sourceMap, int[] loopHeaders, boolean usesReferences, boolean usesVectors, int[] handlers,
        int exceptionSlots) {

    /** Whether its values move in more than the {@code long[]} (references or vectors). */
    public boolean movesWideValues() {
        return usesReferences || usesVectors;
    }

    /** Where the operand slots start: the value at wasm stack height {@code h} is in slot {@code operandBase() + h} at a loop header. */
    public int operandBase() {
        return localCount + constants.length + exceptionSlots;
    }

    /**
     * The pc of the final return that on-stack replacement and tail calls that ran elsewhere leave
     * through: {@code RETURN 0}, after {@code RETURN_REFS 0 results frameSize} when it moves wide values.
     */
    public int osrExit() {
        return code.length - (movesWideValues() ? 6 : 2);
    }

    /** The ordinal of the loop whose header is at {@code pc}, or -1. */
    public int loopAt(int pc) {
        for (int i = 0; i < loopHeaders.length; i++) {
            if (loopHeaders[i] == pc) {
                return i;
            }
        }
        return -1;
    }

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
