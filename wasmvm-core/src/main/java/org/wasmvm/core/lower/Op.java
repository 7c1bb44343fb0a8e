package org.wasmvm.core.lower;

/**
 * Opcodes of the lowered, register-style code. Every operand is a frame slot (fp-relative): locals
 * first, then operand slots, then the function's constants, so {@code local.get}, constants and
 * {@code local.set} mostly vanish into the instructions that use them. Numeric instructions keep
 * their wasm byte; the 0xFC family moves to 0xE0 + subopcode; control flow and fused forms use the
 * free bytes, so every opcode is below 0x100 and the dispatch's switches compile to jump tables.
 *
 * <p>Immediates, in order, after each opcode in the {@code int[]} code ({@code d} = destination slot):
 * <ul>
 * <li>numeric unary {@code d a}; binary {@code d a b}; {@code COPY d a}; {@code CONST d low high}
 * <li>{@code BR target}, {@code BR_LOOP target}, {@code BR_IF cond target}, {@code BR_IF_LOOP cond target},
 *     {@code IF cond elseTarget}
 * <li>{@code BR_UNWIND src target dst arity}, {@code BR_IF_UNWIND cond src target dst arity}: copy
 *     {@code arity} slots from {@code src} to {@code dst} before jumping
 * <li>{@code BR_TABLE index src count (target dst arity) × (count + 1)}, the last entry the default
 * <li>fused compare-and-branch {@code BR_IF_CMP + k a b target} and {@code IF_NOT_CMP + k a b target}
 *     (jump when the i32 comparison {@code k} = wasm opcode - i32.eqz is true / false; eqz ignores b);
 *     a BR_IF_CMP target to a loop header is stored complemented ({@code ~pc}), marking a back-edge
 * <li>{@code CALL function base}, {@code CALL_INDIRECT typeIndex table index base}: the arguments
 *     are in slots {@code base…}, which become the callee's first locals and receive the results
 * <li>{@code CALL_REF ref base}, {@code RETURN_CALL_REF ref base}: like CALL and RETURN_CALL, the callee the
 *     function reference in slot {@code ref}
 * <li>{@code RETURN_CALL function base}, {@code RETURN_CALL_INDIRECT typeIndex table index base}: as the
 *     calls, but the callee replaces the frame (its arguments move to slot 0) and returns to the caller's caller
 * <li>{@code RETURN src}: the results are in slots {@code src…}
 * <li>loads {@code d address memory offsetLow offsetHigh}; stores {@code address value memory offsetLow offsetHigh};
 *     bit 31 of {@code memory} marks a 64-bit memory
 * <li>{@code SELECT d a b cond}, {@code GLOBAL_GET d g}, {@code GLOBAL_SET src g},
 *     {@code MEMORY_SIZE d memory}, {@code MEMORY_GROW d delta memory}, {@code REF_IS_NULL d a}, {@code REF_FUNC d f}
 * <li>{@code TABLE_GET d index table}, {@code TABLE_SET index value table}; bit 31 of a table marks table64
 * <li>0xFC family (at {@code FC_BASE + subopcode}): saturating truncations {@code d a}, the bulk family {@code imm1 imm2 a b c},
 * {@code DATA_DROP}/{@code ELEM_DROP index}, {@code TABLE_GROW d init delta table}, {@code TABLE_SIZE d table}
 * </ul>
 *
 * <p>References live in the interpreter's {@code Object[]} at the same slot numbers. Only functions
 * that use references ({@link ValueUse}) have them, and only their code contains the
 * ref-handling forms: {@code REF_NULL d}, {@code REF_FUNC}, {@code REF_AS_NON_NULL}, {@code TABLE_GET}
 * write the reference of {@code d}; {@code REF_IS_NULL}, {@code TABLE_SET}, {@code CALL_REF} and the
 * table family read theirs from it; {@code GLOBAL_GET_REF d g}, {@code GLOBAL_SET_REF src g}; the
 * both-array moves {@code COPY_BOTH d a}, {@code SELECT_BOTH d a b cond}, {@code MOVE_REFS src dst
 * count} (before a {@code BR_UNWIND}); {@code CLEAR_REFS from frameEnd} first, and {@code
 * RETURN_REFS src results frameEnd} before each {@code RETURN}. These all run outside the hot loop.
 *
 * <p>The high halves of {@code v128} values live in the interpreter's second {@code long[]}, again at the
 * same slot numbers, in functions that use vectors ({@link ValueUse}). Their values move in all three
 * arrays: they are lowered as functions with references are, and start with {@code CLEAR_HIGH from to}
 * (the declared locals start at zero). The SIMD instructions are at {@code SIMD_BASE + subopcode},
 * beyond the dispatch's jump tables: the forms without immediates {@code d a [b [c]]}, {@code
 * v128.const d lo hi} and {@code i8x16.shuffle d a b lo hi} (each 64-bit immediate as two words, low
 * first), {@code extract_lane d a lane}, {@code replace_lane d a scalar lane}, and the memory forms
 * of {@code SimdMemoryHandlers}; {@code GLOBAL_GET_V128 d g} and {@code GLOBAL_SET_V128 src g} follow them.
 */
public final class Op {
    private Op() {
    }

    /** Marks a 64-bit memory or table in an index immediate. */
    public static final int INDEX_64 = 0x8000_0000;

    public static final int IF = 0x04;
    public static final int BR_UNWIND = 0x06;
    public static final int BR_IF_UNWIND = 0x07;
    /** Branches back to a loop header: like BR / BR_IF, but they also count down the fuel slice. */
    public static final int BR_LOOP = 0x08;
    public static final int BR_IF_LOOP = 0x09;
    public static final int COPY = 0x1D;
    public static final int CONST = 0x1E;
    /** i32 comparison k (0 = eqz, 1 = eq … 10 = ge_u, as wasm 0x45 + k) fused with br_if. */
    public static final int BR_IF_CMP = 0xC5;
    /** i32 comparison k fused with if: jumps to the else branch when the comparison is false. */
    public static final int IF_NOT_CMP = 0xD3;
    /** {@code ref.as_non_null d a} (its wasm byte 0xD4 is taken by IF_NOT_CMP). */
    public static final int REF_AS_NON_NULL = 0xDE;
    /** The reference forms (free bytes: the wasm instructions there are never lowered as themselves). */
    public static final int CLEAR_REFS = 0x16;
    public static final int GLOBAL_GET_REF = 0x17;
    public static final int GLOBAL_SET_REF = 0x18;
    public static final int MOVE_REFS = 0x0A;
    public static final int RETURN_REFS = 0x0B;
    public static final int SELECT_BOTH = 0x1C;
    public static final int COPY_BOTH = 0x1F;
    public static final int REF_NULL = 0xD0;
    /** Offset of the 0xFC-prefixed family: lowered opcode = FC_BASE + subopcode. */
    public static final int FC_BASE = 0xE0;
    /** Offset of the SIMD family: lowered opcode = SIMD_BASE + subopcode (up to 0x113). */
    public static final int SIMD_BASE = 0x100;
    /** The v128 forms that are not SIMD instructions, after the last one. */
    public static final int GLOBAL_GET_V128 = SIMD_BASE + 0x114, GLOBAL_SET_V128 = SIMD_BASE + 0x115,
            CLEAR_HIGH = SIMD_BASE + 0x116;
    /**
     * Exception handling, after those: {@code THROW tag base} (the payload in slots {@code base…}) and
     * {@code THROW_REF ref} (also {@code rethrow}, whose exception waits in a slot of its catch). Handlers
     * are not instructions but a table beside the code ({@link LoweredFunction#handlers()}).
     */
    public static final int THROW = SIMD_BASE + 0x117, THROW_REF = SIMD_BASE + 0x118;
    /**
     * The atomic instructions (threads) at {@code ATOMIC_BASE + subopcode} (up to {@code 0x4E}): loads {@code d
     * address}, stores {@code address value}, read-modify-writes and {@code memory.atomic.notify} {@code d address
     * operand}, {@code cmpxchg} and {@code memory.atomic.wait32/64} {@code d address operand operand}, each followed
     * by {@code memory offsetLow offsetHigh} as the loads' are; {@code atomic.fence} has no immediates.
     */
    public static final int ATOMIC_BASE = SIMD_BASE + 0x120;

    /**
     * GC, after those ({@code GcHandlers}); {@code type} is a module's type index, {@code typeId} a canonical id,
     * {@code storage} a {@link org.wasmvm.core.gc.Storage} ordinal, {@code slot} a field's slot in its struct
     * ({@link org.wasmvm.core.gc.StructLayout}):
     * <ul>
     * <li>{@code STRUCT_NEW d base type} (the fields in slots {@code base…}), {@code STRUCT_NEW_DEFAULT d type}
     * <li>{@code STRUCT_GET d ref slot} (a number; a packed field zero-extended), {@code STRUCT_GET_S d ref slot
     *     shift} (a packed field sign-extended: {@code shift} = 64 - its bits), {@code STRUCT_GET_REF d ref slot},
     *     {@code STRUCT_GET_V128 d ref slot}
     * <li>{@code STRUCT_SET ref value slot mask} (a number, masked to its width), {@code STRUCT_SET_REF ref value
     *     slot}, {@code STRUCT_SET_V128 ref value slot}
     * <li>{@code ARRAY_NEW d value length typeId storage}, {@code ARRAY_NEW_DEFAULT d length typeId storage},
     *     {@code ARRAY_NEW_FIXED d base count typeId storage}, {@code ARRAY_NEW_DATA d offset length typeId storage
     *     data}, {@code ARRAY_NEW_ELEM d offset length typeId elem}
     * <li>{@code ARRAY_GET d ref index storage} (packed elements sign-extended), {@code ARRAY_GET_U d ref index
     *     storage}, {@code ARRAY_SET ref index value storage}, {@code ARRAY_LEN d ref}, {@code ARRAY_FILL ref offset
     *     value length storage}, {@code ARRAY_COPY dst dstOffset src srcOffset length storage},
     *     {@code ARRAY_INIT_DATA ref dstOffset srcOffset length storage data}, {@code ARRAY_INIT_ELEM ref dstOffset
     *     srcOffset length elem}
     * <li>{@code REF_TEST d ref heap nullable} and {@code REF_CAST d ref heap nullable} ({@code heap} abstract or a
     *     canonical id, {@code nullable} 0 or 1; {@code br_on_cast} is a {@code REF_TEST} and a branch),
     *     {@code REF_I31 d a}, {@code I31_GET_S d a}, {@code I31_GET_U d a}, {@code REF_EQ d a b}; the extern
     *     conversions leave the reference where it is
     * </ul>
     */
    public static final int GC_BASE = ATOMIC_BASE + 0x4F;
    public static final int STRUCT_NEW = GC_BASE, STRUCT_NEW_DEFAULT = GC_BASE + 1, STRUCT_GET = GC_BASE + 2,
            STRUCT_GET_S = GC_BASE + 3, STRUCT_GET_REF = GC_BASE + 4, STRUCT_GET_V128 = GC_BASE + 5,
            STRUCT_SET = GC_BASE + 6, STRUCT_SET_REF = GC_BASE + 7, STRUCT_SET_V128 = GC_BASE + 8;
    public static final int ARRAY_NEW = GC_BASE + 9, ARRAY_NEW_DEFAULT = GC_BASE + 10, ARRAY_NEW_FIXED = GC_BASE + 11,
            ARRAY_NEW_DATA = GC_BASE + 12, ARRAY_NEW_ELEM = GC_BASE + 13, ARRAY_GET = GC_BASE + 14,
            ARRAY_GET_U = GC_BASE + 15, ARRAY_SET = GC_BASE + 16, ARRAY_LEN = GC_BASE + 17, ARRAY_FILL = GC_BASE + 18,
            ARRAY_COPY = GC_BASE + 19, ARRAY_INIT_DATA = GC_BASE + 20, ARRAY_INIT_ELEM = GC_BASE + 21;
    public static final int REF_TEST = GC_BASE + 22, REF_CAST = GC_BASE + 23, REF_I31 = GC_BASE + 24,
            I31_GET_S = GC_BASE + 25, I31_GET_U = GC_BASE + 26, REF_EQ = GC_BASE + 27;
}
