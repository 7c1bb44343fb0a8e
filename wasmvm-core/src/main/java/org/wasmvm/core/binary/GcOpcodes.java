package org.wasmvm.core.binary;

/**
 * The GC instructions: prefix {@code 0xFB} ({@link Opcodes#PREFIX_FB}), then a sub-opcode as a u32 LEB128.
 * {@code ref.eq} is the one-byte {@link Opcodes#REF_EQ}.
 */
public final class GcOpcodes {
    public static final int STRUCT_NEW = 0x00, STRUCT_NEW_DEFAULT = 0x01, STRUCT_GET = 0x02, STRUCT_GET_S = 0x03,
            STRUCT_GET_U = 0x04, STRUCT_SET = 0x05;
    public static final int ARRAY_NEW = 0x06, ARRAY_NEW_DEFAULT = 0x07, ARRAY_NEW_FIXED = 0x08, ARRAY_NEW_DATA = 0x09,
            ARRAY_NEW_ELEM = 0x0A, ARRAY_GET = 0x0B, ARRAY_GET_S = 0x0C, ARRAY_GET_U = 0x0D, ARRAY_SET = 0x0E,
            ARRAY_LEN = 0x0F, ARRAY_FILL = 0x10, ARRAY_COPY = 0x11, ARRAY_INIT_DATA = 0x12, ARRAY_INIT_ELEM = 0x13;
    public static final int REF_TEST = 0x14, REF_TEST_NULL = 0x15, REF_CAST = 0x16, REF_CAST_NULL = 0x17,
            BR_ON_CAST = 0x18, BR_ON_CAST_FAIL = 0x19;
    public static final int ANY_CONVERT_EXTERN = 0x1A, EXTERN_CONVERT_ANY = 0x1B, REF_I31 = 0x1C, I31_GET_S = 0x1D,
            I31_GET_U = 0x1E, LAST = 0x1E;

    /** The bits of {@code br_on_cast}'s flags byte: the source and the target type are nullable. */
    public static final int CAST_SOURCE_NULLABLE = 1, CAST_TARGET_NULLABLE = 2;

    /** The immediates that follow a sub-opcode. */
    public enum Immediate {
        NONE,
        /** A type index. */
        TYPE,
        /** A type index, then a field index, a count, a data or element segment index, or a second type index. */
        TYPE_AND_INDEX,
        /** A heap type ({@code ref.test}, {@code ref.cast}). */
        HEAP_TYPE,
        /** {@code br_on_cast(_fail)}: a flags byte, a label, two heap types. */
        CAST
    }

    private GcOpcodes() {
    }

    public static boolean isDefined(int sub) {
        return sub >= 0 && sub <= LAST;
    }

    public static Immediate immediate(int sub) {
        return switch (sub) {
            case STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U,
                    ARRAY_SET, ARRAY_FILL -> Immediate.TYPE;
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U, STRUCT_SET, ARRAY_NEW_FIXED, ARRAY_NEW_DATA, ARRAY_NEW_ELEM,
                    ARRAY_COPY, ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> Immediate.TYPE_AND_INDEX;
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> Immediate.HEAP_TYPE;
            case BR_ON_CAST, BR_ON_CAST_FAIL -> Immediate.CAST;
            default -> Immediate.NONE;
        };
    }

    /** Whether the instruction names a data segment (a module that has one needs a data count section). */
    public static boolean usesDataIndex(int sub) {
        return sub == ARRAY_NEW_DATA || sub == ARRAY_INIT_DATA;
    }

    /** Steps over the immediates of a scanned instruction, from after its sub-opcode. */
    public static void skipImmediates(int sub, ByteReader in) {
        switch (immediate(sub)) {
            case NONE -> {
            }
            case TYPE -> in.u32();
            case TYPE_AND_INDEX -> {
                in.u32();
                in.u32();
            }
            case HEAP_TYPE -> in.s33();
            case CAST -> {
                in.u8();
                in.u32();
                in.s33();
                in.s33();
            }
        }
    }
}
