package org.wasmvm.core.binary;

/**
 * The atomic instructions of the threads proposal: prefix {@code 0xFE} ({@link Opcodes#PREFIX_FE}), then a
 * sub-opcode as a u32 LEB128. Every one but {@code atomic.fence} (whose immediate is a reserved zero byte) takes
 * a memarg, whose alignment must equal the access's natural alignment.
 */
public final class AtomicOpcodes {
    public static final int MEMORY_ATOMIC_NOTIFY = 0x00, MEMORY_ATOMIC_WAIT32 = 0x01, MEMORY_ATOMIC_WAIT64 = 0x02,
            ATOMIC_FENCE = 0x03;
    public static final int I32_ATOMIC_LOAD = 0x10, I64_ATOMIC_LOAD = 0x11, I32_ATOMIC_LOAD8_U = 0x12,
            I32_ATOMIC_LOAD16_U = 0x13, I64_ATOMIC_LOAD8_U = 0x14, I64_ATOMIC_LOAD16_U = 0x15, I64_ATOMIC_LOAD32_U = 0x16;
    public static final int I32_ATOMIC_STORE = 0x17, I64_ATOMIC_STORE = 0x18, I32_ATOMIC_STORE8 = 0x19,
            I32_ATOMIC_STORE16 = 0x1A, I64_ATOMIC_STORE8 = 0x1B, I64_ATOMIC_STORE16 = 0x1C, I64_ATOMIC_STORE32 = 0x1D;
    /** The first read-modify-write ({@code i32.atomic.rmw.add}); seven per operation, {@code cmpxchg} last. */
    public static final int FIRST_RMW = 0x1E, FIRST_CMPXCHG = 0x48, LAST = 0x4E;

    /** What an atomic instruction pops and pushes. */
    public enum Shape {
        /** {@code memory.atomic.notify}: [addr i32] -> [i32]. */
        NOTIFY,
        /** {@code memory.atomic.wait32/64}: [addr t i64] -> [i32]. */
        WAIT,
        /** {@code atomic.fence}: [] -> []. */
        FENCE,
        /** [addr] -> [t]. */
        LOAD,
        /** [addr t] -> []. */
        STORE,
        /** [addr t] -> [t]. */
        RMW,
        /** [addr t t] -> [t]. */
        CMPXCHG
    }

    private static final String[] RMW_NAMES = {"add", "sub", "and", "or", "xor", "xchg", "cmpxchg"};
    /** Within a group of seven: i32, i64, i32 8, i32 16, i64 8, i64 16, i64 32. */
    private static final boolean[] GROUP_I64 = {false, true, false, false, true, true, true};
    private static final int[] GROUP_ALIGN = {2, 3, 0, 1, 0, 1, 2};
    private static final String[] GROUP_WIDTH = {"", "", "8", "16", "8", "16", "32"};

    private AtomicOpcodes() {
    }

    /** Whether {@code sub} is an atomic instruction. */
    public static boolean isDefined(int sub) {
        return (sub >= MEMORY_ATOMIC_NOTIFY && sub <= ATOMIC_FENCE) || (sub >= I32_ATOMIC_LOAD && sub <= LAST);
    }

    public static Shape shape(int sub) {
        return switch (sub) {
            case MEMORY_ATOMIC_NOTIFY -> Shape.NOTIFY;
            case MEMORY_ATOMIC_WAIT32, MEMORY_ATOMIC_WAIT64 -> Shape.WAIT;
            case ATOMIC_FENCE -> Shape.FENCE;
            default -> sub < I32_ATOMIC_STORE ? Shape.LOAD
                    : sub < FIRST_RMW ? Shape.STORE
                    : sub < FIRST_CMPXCHG ? Shape.RMW : Shape.CMPXCHG;
        };
    }

    /** Whether the value operated on is an i64 (for wait, the expected value). */
    public static boolean isI64(int sub) {
        return switch (sub) {
            case MEMORY_ATOMIC_NOTIFY, MEMORY_ATOMIC_WAIT32, ATOMIC_FENCE -> false;
            case MEMORY_ATOMIC_WAIT64 -> true;
            default -> GROUP_I64[groupIndex(sub)];
        };
    }

    /** log2 of the access size, which the memarg's alignment must equal ({@code atomic.fence}: none, -1). */
    public static int naturalAlignment(int sub) {
        return switch (sub) {
            case MEMORY_ATOMIC_NOTIFY, MEMORY_ATOMIC_WAIT32 -> 2;
            case MEMORY_ATOMIC_WAIT64 -> 3;
            case ATOMIC_FENCE -> -1;
            default -> GROUP_ALIGN[groupIndex(sub)];
        };
    }

    /** The text-format name, e.g. {@code i64.atomic.rmw32.cmpxchg_u}. */
    public static String name(int sub) {
        switch (sub) {
            case MEMORY_ATOMIC_NOTIFY:
                return "memory.atomic.notify";
            case MEMORY_ATOMIC_WAIT32:
                return "memory.atomic.wait32";
            case MEMORY_ATOMIC_WAIT64:
                return "memory.atomic.wait64";
            case ATOMIC_FENCE:
                return "atomic.fence";
            default:
                break;
        }
        if (!isDefined(sub)) {
            return "0xfe 0x" + Integer.toHexString(sub);
        }
        int g = groupIndex(sub);
        String type = GROUP_I64[g] ? "i64" : "i32";
        String width = GROUP_WIDTH[g];
        String narrow = width.isEmpty() ? "" : "_u";
        return switch (shape(sub)) {
            case LOAD -> type + ".atomic.load" + width + narrow;
            case STORE -> type + ".atomic.store" + width;
            default -> type + ".atomic.rmw" + width + "." + RMW_NAMES[(sub - FIRST_RMW) / 7] + narrow;
        };
    }

    private static int groupIndex(int sub) {
        return sub < FIRST_RMW ? (sub - I32_ATOMIC_LOAD) % 7 : (sub - FIRST_RMW) % 7;
    }
}
