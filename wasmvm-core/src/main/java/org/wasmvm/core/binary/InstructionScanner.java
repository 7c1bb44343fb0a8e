package org.wasmvm.core.binary;

import java.util.Arrays;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;

/**
 * Steps over an instruction sequence without building anything, checking only what makes it
 * malformed: unknown opcodes, badly encoded immediates, reserved bytes and block structure
 * ({@code else} outside an {@code if}, {@code catch} outside a {@code try}, a missing {@code end}).
 * Typing is left to the validator, which walks the same bytes again; the decoder only needs to know
 * where an expression ends.
 */
final class InstructionScanner {
    /** What an open block accepts next: {@code else} after {@code if}; handlers or {@code delegate} after {@code try}. */
    private static final int FRAME_BLOCK = 0, FRAME_IF = 1, FRAME_ELSE = 2, FRAME_TRY = 3, FRAME_CATCH = 4,
            FRAME_CATCH_ALL = 5;

    private final ByteReader in;
    private final Features features;
    private final TypeReader types;
    private boolean usesDataIndex;
    private int[] frames = new int[16];

    InstructionScanner(ByteReader in, Features features) {
        this.in = in;
        this.features = features;
        this.types = new TypeReader(in, features);
    }

    /** Whether a scanned sequence used {@code memory.init} or {@code data.drop} (needs a data count section). */
    boolean usesDataIndex() {
        return usesDataIndex;
    }

    /**
     * Steps over instructions up to and including the {@code end} that closes the sequence. Like the
     * reference interpreter, reading is not bounded by the enclosing function or section: a missing
     * {@code end} is reported by whatever the following bytes turn out to be, or by the caller's size check.
     */
    void scanExpression() {
        int depth = 0;
        while (true) {
            int start = in.position();
            int op = in.u8();
            switch (op) {
                case Opcodes.END -> {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                case Opcodes.ELSE -> {
                    if (depth == 0 || frames[depth - 1] != FRAME_IF) {
                        throw new MalformedModuleException(start, "END opcode expected");
                    }
                    frames[depth - 1] = FRAME_ELSE;
                }
                case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> {
                    blockType();
                    open(depth++, op == Opcodes.IF ? FRAME_IF : FRAME_BLOCK);
                }
                case Opcodes.TRY, Opcodes.TRY_TABLE -> {
                    require(features.exceptions(), start, op);
                    blockType();
                    if (op == Opcodes.TRY_TABLE) {
                        CatchClause.skipAll(in);
                    }
                    open(depth++, op == Opcodes.TRY ? FRAME_TRY : FRAME_BLOCK);
                }
                case Opcodes.CATCH, Opcodes.CATCH_ALL -> {
                    require(features.exceptions(), start, op);
                    int frame = depth == 0 ? FRAME_BLOCK : frames[depth - 1];
                    if (frame != FRAME_TRY && frame != FRAME_CATCH) {
                        throw new MalformedModuleException(start, "END opcode expected");
                    }
                    if (op == Opcodes.CATCH) {
                        in.u32();
                    }
                    frames[depth - 1] = op == Opcodes.CATCH ? FRAME_CATCH : FRAME_CATCH_ALL;
                }
                case Opcodes.DELEGATE -> {
                    require(features.exceptions(), start, op);
                    if (depth == 0 || frames[depth - 1] != FRAME_TRY) {
                        throw new MalformedModuleException(start, "END opcode expected");
                    }
                    in.u32();
                    depth--; // delegate closes its try like end
                }
                default -> immediates(op, start);
            }
        }
    }

    private void open(int depth, int frame) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth] = frame;
    }

    /** The empty type (0x40), a single value type (one byte 0x40..0x7F), or an s33 type index. */
    private void blockType() {
        int start = in.position();
        int b = in.u8();
        if (b == 0x40) {
            return;
        }
        in.position(start);
        if ((b & 0xC0) == 0x40) {
            types.valType();
        } else {
            in.s33();
        }
    }

    private void immediates(int op, int start) {
        switch (op) {
            case Opcodes.UNREACHABLE, Opcodes.NOP, Opcodes.RETURN, Opcodes.DROP, Opcodes.SELECT, Opcodes.REF_IS_NULL -> {
            }
            case Opcodes.REF_AS_NON_NULL -> require(features.functionReferences(), start, op);
            case Opcodes.REF_EQ -> require(features.gc(), start, op);
            case Opcodes.THROW, Opcodes.RETHROW -> {
                require(features.exceptions(), start, op);
                in.u32();
            }
            case Opcodes.THROW_REF -> require(features.exceptions(), start, op);
            case Opcodes.CALL_REF, Opcodes.BR_ON_NULL, Opcodes.BR_ON_NON_NULL -> {
                require(features.functionReferences(), start, op);
                in.u32();
            }
            case Opcodes.BR, Opcodes.BR_IF, Opcodes.CALL, Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE,
                    Opcodes.GLOBAL_GET, Opcodes.GLOBAL_SET, Opcodes.TABLE_GET, Opcodes.TABLE_SET, Opcodes.REF_FUNC -> in.u32();
            case Opcodes.BR_TABLE -> {
                int count = in.length();
                ModuleDecoder.checkCount(in, count, DecoderLimits.MAX_BR_TABLE_TARGETS, "br_table targets");
                for (int i = 0; i <= count; i++) {
                    in.u32();
                }
            }
            case Opcodes.CALL_INDIRECT -> {
                in.u32(); // type index
                in.u32(); // table index
            }
            case Opcodes.RETURN_CALL -> {
                require(features.tailCalls(), start, op);
                in.u32();
            }
            case Opcodes.RETURN_CALL_REF -> {
                require(features.tailCalls() && features.functionReferences(), start, op);
                in.u32();
            }
            case Opcodes.RETURN_CALL_INDIRECT -> {
                require(features.tailCalls(), start, op);
                in.u32();
                in.u32();
            }
            case Opcodes.SELECT_T -> {
                int count = in.length();
                for (int i = 0; i < count; i++) {
                    types.valType();
                }
            }
            case Opcodes.MEMORY_SIZE, Opcodes.MEMORY_GROW -> memoryIndex();
            case Opcodes.I32_CONST -> in.s32();
            case Opcodes.I64_CONST -> in.s64();
            case Opcodes.F32_CONST -> in.f32Bits();
            case Opcodes.F64_CONST -> in.f64Bits();
            case Opcodes.REF_NULL -> ValTypeReader.heapType(in, features);
            case Opcodes.PREFIX_FB -> gc(start);
            case Opcodes.PREFIX_FC -> prefixed(start);
            case Opcodes.PREFIX_FD -> simd(start);
            case Opcodes.PREFIX_FE -> atomic(start);
            default -> {
                if (op >= Opcodes.I32_LOAD && op <= Opcodes.I64_STORE32) {
                    memArg();
                } else if (op < Opcodes.I32_EQZ || op > Opcodes.I64_EXTEND32_S) {
                    throw illegal(start, op);
                }
                // otherwise a numeric instruction without immediates
            }
        }
    }

    /** A 3.0 instruction is an illegal opcode without its feature (as in Wasm 2.0). */
    private static void require(boolean feature, int start, int op) {
        if (!feature) {
            throw illegal(start, op);
        }
    }

    private void prefixed(int start) {
        int sub = in.u32();
        // Opcodes names these 0xFC00 | sub; a larger sub must not alias one of them
        int code = Integer.compareUnsigned(sub, 0xFF) <= 0 ? Opcodes.PREFIX_FC << 8 | sub : -1;
        switch (code) {
            case Opcodes.I32_TRUNC_SAT_F32_S, Opcodes.I32_TRUNC_SAT_F32_U, Opcodes.I32_TRUNC_SAT_F64_S,
                    Opcodes.I32_TRUNC_SAT_F64_U, Opcodes.I64_TRUNC_SAT_F32_S, Opcodes.I64_TRUNC_SAT_F32_U,
                    Opcodes.I64_TRUNC_SAT_F64_S, Opcodes.I64_TRUNC_SAT_F64_U -> {
            }
            case Opcodes.MEMORY_INIT -> {
                usesDataIndex = true;
                in.u32();
                memoryIndex();
            }
            case Opcodes.DATA_DROP -> {
                usesDataIndex = true;
                in.u32();
            }
            case Opcodes.MEMORY_COPY -> {
                memoryIndex();
                memoryIndex();
            }
            case Opcodes.MEMORY_FILL -> memoryIndex();
            case Opcodes.TABLE_INIT, Opcodes.TABLE_COPY -> {
                in.u32();
                in.u32();
            }
            case Opcodes.ELEM_DROP, Opcodes.TABLE_GROW, Opcodes.TABLE_SIZE, Opcodes.TABLE_FILL -> in.u32();
            default -> throw new MalformedModuleException(start, Opcodes.illegalPrefixed(Opcodes.PREFIX_FC, sub));
        }
    }

    /** A GC instruction: a known sub-opcode, then its immediates ({@link GcOpcodes.Immediate}). */
    private void gc(int start) {
        require(features.gc(), start, Opcodes.PREFIX_FB);
        int sub = in.u32();
        if (!GcOpcodes.isDefined(sub)) {
            throw new MalformedModuleException(start, Opcodes.illegalPrefixed(Opcodes.PREFIX_FB, sub));
        }
        usesDataIndex |= GcOpcodes.usesDataIndex(sub);
        switch (GcOpcodes.immediate(sub)) {
            case NONE -> {
            }
            case TYPE -> in.u32();
            case TYPE_AND_INDEX -> {
                in.u32();
                int index = in.u32();
                if (sub == GcOpcodes.ARRAY_NEW_FIXED) {
                    ModuleDecoder.checkCount(in, Integer.toUnsignedLong(index), DecoderLimits.MAX_ARRAY_NEW_FIXED,
                            "array.new_fixed operands");
                }
            }
            case HEAP_TYPE -> ValTypeReader.heapType(in, features);
            case CAST -> {
                int at = in.position();
                if ((in.u8() & ~(GcOpcodes.CAST_SOURCE_NULLABLE | GcOpcodes.CAST_TARGET_NULLABLE)) != 0) {
                    throw new MalformedModuleException(at, "malformed br_on_cast flags");
                }
                in.u32();
                ValTypeReader.heapType(in, features);
                ValTypeReader.heapType(in, features);
            }
        }
    }

    /** A SIMD instruction: its sub-opcode must be known (a relaxed one needs its feature), then its immediates. */
    private void simd(int start) {
        int sub = in.u32();
        if (!SimdOpcodes.isDefined(sub) || (SimdOpcodes.isRelaxed(sub) && !features.relaxedSimd())) {
            throw new MalformedModuleException(start, Opcodes.illegalPrefixed(Opcodes.PREFIX_FD, sub));
        }
        switch (SimdOpcodes.immediate(sub)) {
            case NONE -> {
            }
            case MEMARG -> memArg();
            case MEMARG_LANE -> {
                memArg();
                in.u8();
            }
            case LANE -> in.u8();
            case BYTES16 -> in.skip(16);
        }
    }

    /** An atomic instruction (threads): a known sub-opcode, then a memarg, or {@code atomic.fence}'s zero byte. */
    private void atomic(int start) {
        require(features.threads(), start, Opcodes.PREFIX_FE);
        int sub = in.u32();
        if (!AtomicOpcodes.isDefined(sub)) {
            throw new MalformedModuleException(start, Opcodes.illegalPrefixed(Opcodes.PREFIX_FE, sub));
        }
        if (sub == AtomicOpcodes.ATOMIC_FENCE) {
            int at = in.position();
            if (in.u8() != 0) {
                throw new MalformedModuleException(at, "zero byte expected");
            }
        } else {
            memArg();
        }
    }

    /** A memory index: a reserved zero byte in Wasm 2.0, a real u32 index with multi-memory. */
    private void memoryIndex() {
        if (features.multiMemory()) {
            in.u32();
            return;
        }
        int start = in.position();
        if (in.u8() != 0) {
            throw new MalformedModuleException(start, "zero byte expected");
        }
    }

    /** {@link MemArgFlags}, an optional memory index, then the offset (u64 with memory64). */
    private void memArg() {
        int start = in.position();
        int flags = in.u32();
        MemArgFlags.check(flags, features.multiMemory(), start);
        if (MemArgFlags.hasMemoryIndex(flags)) {
            in.u32();
        }
        if (features.memory64()) {
            in.u64();
        } else {
            in.u32();
        }
    }

    private static MalformedModuleException illegal(int offset, int op) {
        return new MalformedModuleException(offset, "illegal opcode " + hex(op));
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }
}
