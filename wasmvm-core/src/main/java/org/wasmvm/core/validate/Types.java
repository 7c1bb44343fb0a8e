package org.wasmvm.core.validate;

import java.util.List;
import org.wasmvm.core.model.ValType;

/**
 * Value types as small ints, so that the validator's operand stack is a plain {@code int[]}.
 * {@link #UNKNOWN} is the bottom type of the spec's validation algorithm (a value of the
 * polymorphic stack after an unconditional branch).
 */
final class Types {
    static final int UNKNOWN = 0, I32 = 1, I64 = 2, F32 = 3, F64 = 4, V128 = 5, FUNCREF = 6, EXTERNREF = 7;
    /** Marks "no operand" in the numeric operator table. */
    static final int NONE = 15;

    static final int[] EMPTY = {};
    /** One-element arrays per type, shared by every single-result block type. */
    private static final int[][] SINGLE = {
        {UNKNOWN}, {I32}, {I64}, {F32}, {F64}, {V128}, {FUNCREF}, {EXTERNREF}};

    private static final String[] NAMES = {"unknown", "i32", "i64", "f32", "f64", "v128", "funcref", "externref"};

    private Types() {
    }

    static int of(ValType type) {
        return type.ordinal() + 1;
    }

    static int[] of(List<ValType> types) {
        if (types.isEmpty()) {
            return EMPTY;
        }
        if (types.size() == 1) {
            return single(of(types.get(0)));
        }
        int[] out = new int[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(types.get(i));
        }
        return out;
    }

    static int[] single(int type) {
        return SINGLE[type];
    }

    /** The type encoded by a value-type byte, or -1. */
    static int fromCode(int code) {
        ValType t = ValType.fromCode(code);
        return t == null ? -1 : of(t);
    }

    static boolean isNumeric(int t) {
        return t >= I32 && t <= F64;
    }

    static boolean isReference(int t) {
        return t == FUNCREF || t == EXTERNREF;
    }

    static String name(int t) {
        return t >= 0 && t < NAMES.length ? NAMES[t] : "?";
    }
}
