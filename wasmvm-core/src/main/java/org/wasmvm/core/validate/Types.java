package org.wasmvm.core.validate;

import java.util.List;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.types.Subtyping;
import org.wasmvm.core.types.TypeRegistry;

/**
 * Value types as ints, so that the validator's operand stack is a plain {@code int[]}. Numbers and
 * vectors are small ints; a reference sets {@link #REF}, {@link #NULLABLE} for {@code ref null}, and a
 * heap code in the low bits: an abstract heap type {@code h} is {@code h + 0x20}, a defined type its
 * canonical id ({@link TypeRegistry}) plus {@link #DEFINED}, and 0 is the bottom heap type of values
 * popped from an unreachable stack. Equal types are equal ints; {@link #isSubtype} does the rest.
 * {@link #UNKNOWN} is the bottom type of the spec's validation algorithm.
 */
final class Types {
    static final int UNKNOWN = 0, I32 = 1, I64 = 2, F32 = 3, F64 = 4, V128 = 5;
    /** Marks "no operand" in the numeric operator table. */
    static final int NONE = 15;
    static final int REF = 1 << 30, NULLABLE = 1 << 29;
    private static final int HEAP_MASK = NULLABLE - 1, ABSTRACT_BIAS = 0x20, DEFINED = 0x40;
    /** The bottom heap type (as in the spec's algorithm: {@code ref.as_non_null} of an unknown value). */
    static final int BOTTOM_HEAP = 0;
    static final int FUNCREF = ref(true, HeapType.FUNC), EXTERNREF = ref(true, HeapType.EXTERN);
    /** {@code exnref} and the caught exception's {@code (ref exn)} (exception handling). */
    static final int EXNREF = ref(true, HeapType.EXN), REF_EXN = ref(false, HeapType.EXN);

    static final int[] EMPTY = {};
    /** One-element arrays per number type, shared by every single-result block type. */
    private static final int[][] SINGLE = {{UNKNOWN}, {I32}, {I64}, {F32}, {F64}, {V128}};

    private static final String[] NAMES = {"unknown", "i32", "i64", "f32", "f64", "v128"};

    private Types() {
    }

    /** A reference type with an abstract heap type (or {@link #BOTTOM_HEAP} given as is). */
    static int ref(boolean nullable, int abstractHeap) {
        return REF | (nullable ? NULLABLE : 0) | (abstractHeap + ABSTRACT_BIAS);
    }

    /** The int of a value type whose type index, if any, is already a canonical id. */
    static int of(ValType type) {
        return switch (type.kind()) {
            case I32 -> I32;
            case I64 -> I64;
            case F32 -> F32;
            case F64 -> F64;
            case V128 -> V128;
            case REF -> REF | (type.nullable() ? NULLABLE : 0) | heapCode(type.heapType());
        };
    }

    private static int heapCode(int heap) {
        return heap < 0 ? heap + ABSTRACT_BIAS : heap + DEFINED;
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
        return type < SINGLE.length ? SINGLE[type] : new int[] {type};
    }

    static boolean isReference(int t) {
        return (t & REF) != 0;
    }

    static boolean nullable(int ref) {
        return (ref & NULLABLE) != 0;
    }

    /** The same reference type, nullable or not. */
    static int withNullable(int ref, boolean on) {
        return on ? ref | NULLABLE : ref & ~NULLABLE;
    }

    /** The heap type of a reference: abstract ({@link HeapType}), a canonical id, or {@link Integer#MIN_VALUE} for bottom. */
    static int heap(int ref) {
        int code = ref & HEAP_MASK;
        if (code == BOTTOM_HEAP) {
            return Integer.MIN_VALUE;
        }
        return code < DEFINED ? code - ABSTRACT_BIAS : code - DEFINED;
    }

    /** The nullable top of the reference's hierarchy: {@code anyref}, {@code funcref}, {@code externref} or {@code exnref}. */
    static int topOf(int ref) {
        return ref(true, Subtyping.top(heap(ref)));
    }

    /** Whether the reference's heap type is a defined type (a canonical id). */
    static boolean isDefined(int ref) {
        return (ref & HEAP_MASK) >= DEFINED;
    }

    /** {@code sub <: sup}; the unknown type and the bottom heap type are below everything. */
    static boolean isSubtype(int sub, int sup) {
        if (sub == sup || sub == UNKNOWN || sup == UNKNOWN) {
            return true;
        }
        if (!isReference(sub) || !isReference(sup) || (nullable(sub) && !nullable(sup))) {
            return false;
        }
        int subHeap = heap(sub);
        return subHeap == Integer.MIN_VALUE || Subtyping.isHeapSubtype(subHeap, heap(sup));
    }

    /** A result type as the reference interpreter writes it in its messages: {@code [i32 f64]}. */
    static String names(int[] types, int from, int to) {
        var out = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            out.append(i > from ? " " : "").append(name(types[i]));
        }
        return out.append(']').toString();
    }

    static String name(int t) {
        if (!isReference(t)) {
            return t >= 0 && t < NAMES.length ? NAMES[t] : "?";
        }
        int heap = heap(t);
        String heapName = heap == Integer.MIN_VALUE ? "bot" : isDefined(t) ? "$" + heap : HeapType.name(heap);
        return "(ref " + (nullable(t) ? "null " : "") + heapName + ")";
    }
}
