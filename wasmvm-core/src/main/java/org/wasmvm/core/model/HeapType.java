package org.wasmvm.core.model;

/**
 * Heap types as ints: a type index ({@code >= 0}, relative to the module that declares it) or one of
 * the abstract heap types, whose values are exactly their binary encodings read as a signed LEB128
 * ({@code func} is the byte 0x70, that is -0x10), so a decoder can take the s33 it read as is.
 */
public final class HeapType {
    public static final int NOEXN = -0x0C;
    public static final int NOFUNC = -0x0D;
    public static final int NOEXTERN = -0x0E;
    public static final int NONE = -0x0F;
    public static final int FUNC = -0x10;
    public static final int EXTERN = -0x11;
    public static final int ANY = -0x12;
    public static final int EQ = -0x13;
    public static final int I31 = -0x14;
    public static final int STRUCT = -0x15;
    public static final int ARRAY = -0x16;
    public static final int EXN = -0x17;

    private HeapType() {
    }

    /** Whether {@code heapType} is one of the abstract heap types (the s33 {@code code} of a one-byte encoding). */
    public static boolean isAbstract(int heapType) {
        return heapType >= EXN && heapType <= NOEXN;
    }

    /** The text-format name: {@code func}, {@code noextern}, ... or the type index. */
    public static String name(int heapType) {
        return switch (heapType) {
            case NOEXN -> "noexn";
            case NOFUNC -> "nofunc";
            case NOEXTERN -> "noextern";
            case NONE -> "none";
            case FUNC -> "func";
            case EXTERN -> "extern";
            case ANY -> "any";
            case EQ -> "eq";
            case I31 -> "i31";
            case STRUCT -> "struct";
            case ARRAY -> "array";
            case EXN -> "exn";
            default -> Integer.toString(heapType);
        };
    }
}
