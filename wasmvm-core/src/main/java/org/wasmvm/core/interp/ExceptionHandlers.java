package org.wasmvm.core.interp;

import org.wasmvm.core.ThrownException;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.TagInstance;

/**
 * Exception handling in the interpreter: the exception {@code throw} and {@code throw_ref} raise, and
 * the search of a function's handler table ({@link org.wasmvm.core.lower.LoweredFunction#handlers()})
 * for the clause that catches one. Nothing here runs unless something is thrown: handlers are data
 * beside the code, so entering a {@code try_table} costs nothing.
 */
final class ExceptionHandlers {
    /** Where the parts of a clause are, from its offset in the table. */
    static final int TARGET = 1, DESTINATION = 2, EXCEPTION_SLOT = 3;

    private ExceptionHandlers() {
    }

    /** The exception that {@code THROW} or {@code THROW_REF} (immediates at {@code pc}) raises in the frame at {@code fp}. */
    static ThrownException thrown(int op, long[] s, long[] high, Object[] refs, int fp, int[] c, int pc,
            ModuleInstance instance) {
        if (op == Op.THROW) {
            return ThrownException.fromSlots(instance.tags[c[pc]], s, high, refs, fp + c[pc + 1]);
        }
        return ThrownException.ofReference(refs[fp + c[pc]]);
    }

    /**
     * The offset in {@code handlers} of the clause that catches an exception of {@code tag} raised at
     * {@code pc}, or -1: the innermost handler whose range covers {@code pc} (the last in the table),
     * then the handlers an unmatched exception goes on to.
     */
    static int find(int[] handlers, int pc, TagInstance tag, TagInstance[] tags) {
        int handler = -1;
        for (int at = 0; at < handlers.length; at += 4 + 4 * handlers[at + 3]) {
            if (handlers[at] <= pc && pc < handlers[at + 1]) {
                handler = at;
            }
        }
        while (handler >= 0) {
            int end = handler + 4 + 4 * handlers[handler + 3];
            for (int clause = handler + 4; clause < end; clause += 4) {
                int clauseTag = handlers[clause];
                if (clauseTag < 0 || tags[clauseTag] == tag) {
                    return clause;
                }
            }
            handler = handlers[handler + 2];
        }
        return -1;
    }
}
