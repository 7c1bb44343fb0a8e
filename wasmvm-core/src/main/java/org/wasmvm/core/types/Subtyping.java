package org.wasmvm.core.types;

import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.CompositeType;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.ValType;

/**
 * The subtype relation of Wasm 3.0 on canonical types: heap types are abstract ({@link HeapType}) or
 * canonical ids of {@link TypeRegistry}. The abstract types form four hierarchies, each with a bottom:
 * {@code any ⊇ eq ⊇ i31, struct, array ⊇ none}, {@code func ⊇ nofunc}, {@code extern ⊇ noextern},
 * {@code exn ⊇ noexn}; a defined type sits under the abstract type of its kind.
 */
public final class Subtyping {
    private Subtyping() {
    }

    /** {@code sub <: sup} for canonical value types. */
    public static boolean isSubtype(ValType sub, ValType sup) {
        if (sub.equals(sup)) {
            return true;
        }
        if (!sub.isReference() || !sup.isReference()) {
            return false;
        }
        return (!sub.nullable() || sup.nullable()) && isHeapSubtype(sub.heapType(), sup.heapType());
    }

    /** {@code sub <: sup} for canonical heap types. */
    public static boolean isHeapSubtype(int sub, int sup) {
        if (sub == sup) {
            return true;
        }
        if (sub >= 0 && sup >= 0) {
            return TypeRegistry.isSubtype(sub, sup);
        }
        int top = top(sub);
        if (top != top(sup)) {
            return false;
        }
        if (sub == bottom(top)) {
            return true;
        }
        if (sup >= 0) {
            return false; // only the bottom is below a defined type, among abstract types
        }
        int kind = sub >= 0 ? kind(sub) : sub;
        return switch (sup) {
            case HeapType.ANY -> true;
            case HeapType.EQ -> kind == HeapType.I31 || kind == HeapType.STRUCT || kind == HeapType.ARRAY;
            case HeapType.FUNC, HeapType.EXTERN, HeapType.EXN -> true;
            default -> kind == sup && sub >= 0; // struct, array: the defined types of that kind
        };
    }

    /** The abstract heap type a defined type's kind sits under: func, struct or array. */
    public static int kind(int canonicalId) {
        CompositeType composite = TypeRegistry.composite(canonicalId);
        if (composite instanceof FuncType) {
            return HeapType.FUNC;
        }
        return composite instanceof StructType ? HeapType.STRUCT : HeapType.ARRAY;
    }

    /** The top of the hierarchy {@code heap} belongs to: any, func, extern or exn. */
    public static int top(int heap) {
        if (heap >= 0) {
            return kind(heap) == HeapType.FUNC ? HeapType.FUNC : HeapType.ANY;
        }
        return switch (heap) {
            case HeapType.FUNC, HeapType.NOFUNC -> HeapType.FUNC;
            case HeapType.EXTERN, HeapType.NOEXTERN -> HeapType.EXTERN;
            case HeapType.EXN, HeapType.NOEXN -> HeapType.EXN;
            default -> HeapType.ANY;
        };
    }

    /** The bottom of the hierarchy whose top is {@code top}. */
    public static int bottom(int top) {
        return switch (top) {
            case HeapType.FUNC -> HeapType.NOFUNC;
            case HeapType.EXTERN -> HeapType.NOEXTERN;
            case HeapType.EXN -> HeapType.NOEXN;
            default -> HeapType.NONE;
        };
    }

    /**
     * Whether a type may declare {@code sup} as its supertype: same kind, a function with contravariant
     * parameters and covariant results, a struct that extends the fields (immutable ones covariantly,
     * mutable ones unchanged), an array likewise.
     */
    public static boolean matches(CompositeType sub, CompositeType sup) {
        if (sub instanceof FuncType f && sup instanceof FuncType g) {
            return f.params().size() == g.params().size() && f.results().size() == g.results().size()
                    && all(g.params().toArray(ValType[]::new), f.params().toArray(ValType[]::new))
                    && all(f.results().toArray(ValType[]::new), g.results().toArray(ValType[]::new));
        }
        if (sub instanceof StructType s && sup instanceof StructType t) {
            if (s.fields().size() < t.fields().size()) {
                return false;
            }
            for (int i = 0; i < t.fields().size(); i++) {
                if (!matches(s.fields().get(i), t.fields().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (sub instanceof ArrayType a && sup instanceof ArrayType b) {
            return matches(a.element(), b.element());
        }
        return false;
    }

    private static boolean all(ValType[] subs, ValType[] sups) {
        for (int i = 0; i < subs.length; i++) {
            if (!isSubtype(subs[i], sups[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(FieldType sub, FieldType sup) {
        if (sub.mutable() != sup.mutable() || sub.packedBits() != sup.packedBits()) {
            return false;
        }
        return sup.mutable() ? sub.type().equals(sup.type()) : isSubtype(sub.type(), sup.type());
    }
}
