package org.wasmvm.core.validate;

import java.util.Arrays;
import org.wasmvm.core.model.ValType;

/**
 * The locals of the function being walked: their types, and which hold a value. All but
 * non-nullable references start set; {@code local.set} and {@code local.tee} set one for the rest of
 * its block. A log lists the locals set since each open block began, so that {@link TypeStack} can
 * unset them when the block ends. The arrays are reused across functions.
 */
final class Locals {
    private final ValidationContext ctx;
    private int[] types = new int[16];
    private int count;
    private boolean[] set = new boolean[16];
    /** False in the common case of no non-nullable reference locals: then every local is set. */
    private boolean hasUnset;
    private int[] log = new int[16];
    private int logSize;

    Locals(ValidationContext ctx) {
        this.ctx = ctx;
    }

    /** The parameters, set, then the declared locals, set unless they are non-nullable references. */
    void begin(int[] params, ValType[] declared) {
        count = params.length + declared.length;
        if (types.length < count) {
            types = new int[count];
        }
        if (set.length < count) {
            set = new boolean[count];
        }
        System.arraycopy(params, 0, types, 0, params.length);
        Arrays.fill(set, 0, params.length, true);
        hasUnset = false;
        for (int i = 0; i < declared.length; i++) {
            DefinedTypes.checkKnown(declared[i], ctx.types.count());
            types[params.length + i] = ctx.of(declared[i]);
            boolean defaultable = declared[i].defaultable();
            set[params.length + i] = defaultable;
            hasUnset |= !defaultable;
        }
        logSize = 0;
    }

    int count() {
        return count;
    }

    int type(int l) {
        return types[l];
    }

    boolean isSet(int l) {
        return !hasUnset || set[l];
    }

    /** A {@code local.set} or {@code local.tee}: the local holds a value until its block ends. */
    void set(int l) {
        if (!set[l]) {
            set[l] = true;
            if (logSize == log.length) {
                log = Arrays.copyOf(log, logSize * 2);
            }
            log[logSize++] = l;
        }
    }

    /** Where the log stands, taken when a block begins. */
    int mark() {
        return logSize;
    }

    /** Unsets the locals set since {@code mark}: their block has ended. */
    void unsetSince(int mark) {
        while (logSize > mark) {
            set[log[--logSize]] = false;
        }
    }
}
