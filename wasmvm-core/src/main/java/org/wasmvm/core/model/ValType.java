package org.wasmvm.core.model;

/**
 * A WebAssembly value type: a number, a vector, or a reference {@code (ref null? heaptype)}. A reference
 * to a defined type names it by its index in the declaring module ({@link HeapType}), so two modules'
 * {@code (ref 0)} may differ; the runtime compares such types by their canonical ids.
 *
 * <p>The constants are the only instances of the types without a heap type, and decoding yields the
 * constants for the shorthand reference types, so {@code ==} compares those; {@link #equals} compares all.
 *
 * @param kind what kind of value
 * @param nullable whether a reference may be null (false for the other kinds)
 * @param heapType the heap type of a reference (0 for the other kinds)
 */
public record ValType(Kind kind, boolean nullable, int heapType) {
    /** What kind of value a type describes. */
    public enum Kind {
        I32, I64, F32, F64, V128, REF
    }

    public static final ValType I32 = new ValType(Kind.I32, false, 0);
    public static final ValType I64 = new ValType(Kind.I64, false, 0);
    public static final ValType F32 = new ValType(Kind.F32, false, 0);
    public static final ValType F64 = new ValType(Kind.F64, false, 0);
    public static final ValType V128 = new ValType(Kind.V128, false, 0);
    public static final ValType FUNCREF = new ValType(Kind.REF, true, HeapType.FUNC);
    public static final ValType EXTERNREF = new ValType(Kind.REF, true, HeapType.EXTERN);
    public static final ValType EXNREF = new ValType(Kind.REF, true, HeapType.EXN);
    public static final ValType ANYREF = new ValType(Kind.REF, true, HeapType.ANY);
    public static final ValType EQREF = new ValType(Kind.REF, true, HeapType.EQ);
    public static final ValType I31REF = new ValType(Kind.REF, true, HeapType.I31);
    public static final ValType STRUCTREF = new ValType(Kind.REF, true, HeapType.STRUCT);
    public static final ValType ARRAYREF = new ValType(Kind.REF, true, HeapType.ARRAY);
    public static final ValType NULLREF = new ValType(Kind.REF, true, HeapType.NONE);
    public static final ValType NULLFUNCREF = new ValType(Kind.REF, true, HeapType.NOFUNC);
    public static final ValType NULLEXTERNREF = new ValType(Kind.REF, true, HeapType.NOEXTERN);
    public static final ValType NULLEXNREF = new ValType(Kind.REF, true, HeapType.NOEXN);

    /** The binary prefixes of {@code (ref ht)} and {@code (ref null ht)}. */
    public static final int REF_CODE = 0x64, REF_NULL_CODE = 0x63;

    public ValType {
        if (kind != Kind.REF && (nullable || heapType != 0)) {
            throw new IllegalArgumentException(kind + " has no heap type");
        }
    }

    /** {@code (ref null? heapType)}; the shorthand constant where there is one. */
    public static ValType ref(boolean nullable, int heapType) {
        if (nullable && HeapType.isAbstract(heapType)) {
            return fromCode(heapType & 0x7F);
        }
        return new ValType(Kind.REF, nullable, heapType);
    }

    /** Whether this is a reference type. */
    public boolean isReference() {
        return kind == Kind.REF;
    }

    /** Whether this is a numeric type (i32, i64, f32, f64). */
    public boolean isNumeric() {
        return kind != Kind.V128 && kind != Kind.REF;
    }

    /** Whether a local of this type has a default value (every type but a non-nullable reference). */
    public boolean defaultable() {
        return kind != Kind.REF || nullable;
    }

    /**
     * The byte that encodes this type in the binary format, for the types that take one byte (numbers,
     * vectors, the shorthand reference types); -1 for the others.
     */
    public int code() {
        return switch (kind) {
            case I32 -> 0x7F;
            case I64 -> 0x7E;
            case F32 -> 0x7D;
            case F64 -> 0x7C;
            case V128 -> 0x7B;
            case REF -> nullable && HeapType.isAbstract(heapType) ? heapType & 0x7F : -1;
        };
    }

    /** The type encoded by the single byte {@code code}, or {@code null} when that byte encodes no value type. */
    public static ValType fromCode(int code) {
        return switch (code) {
            case 0x7F -> I32;
            case 0x7E -> I64;
            case 0x7D -> F32;
            case 0x7C -> F64;
            case 0x7B -> V128;
            case 0x70 -> FUNCREF;
            case 0x6F -> EXTERNREF;
            case 0x69 -> EXNREF;
            case 0x6E -> ANYREF;
            case 0x6D -> EQREF;
            case 0x6C -> I31REF;
            case 0x6B -> STRUCTREF;
            case 0x6A -> ARRAYREF;
            case 0x71 -> NULLREF;
            case 0x73 -> NULLFUNCREF;
            case 0x72 -> NULLEXTERNREF;
            case 0x74 -> NULLEXNREF;
            default -> null;
        };
    }

    @Override
    public String toString() {
        if (kind != Kind.REF) {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (nullable && HeapType.isAbstract(heapType)) {
            return switch (heapType) {
                case HeapType.NONE -> "nullref";
                case HeapType.NOFUNC -> "nullfuncref";
                case HeapType.NOEXTERN -> "nullexternref";
                case HeapType.NOEXN -> "nullexnref";
                default -> HeapType.name(heapType) + "ref";
            };
        }
        return "(ref " + (nullable ? "null " : "") + HeapType.name(heapType) + ")";
    }

    // equals and hashCode written out for a cold start's sake, as in SubType
    @Override
    public boolean equals(Object other) {
        return other instanceof ValType that && kind == that.kind && nullable == that.nullable
                && heapType == that.heapType;
    }

    @Override
    public int hashCode() {
        return (kind.ordinal() * 31 + Boolean.hashCode(nullable)) * 31 + heapType;
    }
}
