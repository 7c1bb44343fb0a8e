package org.wasmvm.core.lower;

import static org.wasmvm.core.binary.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wasmvm.core.binary.AtomicOpcodes;
import org.wasmvm.core.binary.BlockType;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.CatchClause;
import org.wasmvm.core.binary.MemArgFlags;
import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.binary.SimdSignatures;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * Lowers one validated function body to register-style {@link LoweredFunction} code.
 *
 * <p>The wasm operand stack becomes frame slots: the value at stack height {@code h} lives in slot
 * {@code h} (after the locals). The lowering keeps a compile-time stack saying where each value
 * currently is: in its own slot, still in a local ({@code local.get} emits nothing), or in a
 * constant slot (the body's constants get slots between the locals and the operands). Instructions read their operands from wherever they are and write their result
 * to its slot, or straight into the local of a following {@code local.set}/{@code local.tee}. At
 * control-flow boundaries and calls every value is moved to its own slot ({@link #flush()}), so
 * branches need only the resolved target, plus a copy when a label's values must move down.
 * i32 comparisons followed by {@code br_if} or {@code if} fuse into one compare-and-branch.
 * Unreachable code is dropped, so the interpreter never scans for {@code end} or decodes LEB128.
 *
 * <p>A function that uses references ({@link ValueUse}) keeps them in the interpreter's
 * {@code Object[]} beside its {@code long[]}, slot for slot. Its lowering does not know which value
 * is a reference, so every move of a value (copies, typed selects, branches that unwind, returns)
 * moves both arrays; its frame's reference slots are cleared on entry (locals start null) and above
 * the results on return (so that dead objects can be collected). A function that uses {@code v128}
 * values is lowered the same way, its moves also moving the high halves. Other functions lower as if
 * references and vectors did not exist.
 *
 * <p>Exception handlers are not instructions: each {@code try_table} and legacy {@code try} becomes a
 * handler of {@link LoweredFunction#handlers()}, the code range of its body with its clauses, so a body
 * that throws nothing runs as if they were blocks. {@code throw} and {@code throw_ref} (and {@code
 * rethrow}, a {@code throw_ref} of the slot where its catch keeps the exception) are instructions.
 *
 * <p>The GC instructions are {@link GcLowering}'s, on this class's compile-time stack.
 */
final class FunctionLowering {
    private static final int BLOCK_KIND = 0, LOOP_KIND = 1, IF_KIND = 2, FUNCTION_KIND = 3, TRY_KIND = 4;
    /** Beyond this many distinct constants, the rest are materialized by CONST instructions. */
    private static final int MAX_CONSTANT_SLOTS = 64;

    /** A control frame of the lowering: where its label jumps and what the branch keeps. */
    private static final class Frame {
        final int kind;
        final int labelHeight;
        final int labelArity;
        final int endHeight;
        final int startPc;
        final int paramCount;
        int elsePatch = -1;
        final Patches patches = new Patches();
        /** The handler clauses that branch to this frame's end, whose target is known at the end. */
        final List<int[]> catchesToEnd = new ArrayList<>();
        /** The handler of a {@code try_table} or of a legacy {@code try} (while its body is lowered), else null. */
        Handler handler;
        /** For a legacy {@code try}: its nesting level among legacy tries, which names its exception slot. */
        int tryLevel;

        Frame(int kind, int labelHeight, int labelArity, int endHeight, int startPc, int paramCount) {
            this.kind = kind;
            this.labelHeight = labelHeight;
            this.labelArity = labelArity;
            this.endHeight = endHeight;
            this.startPc = startPc;
            this.paramCount = paramCount;
        }
    }

    /** Code positions that receive one value once it is known. */
    private static final class Patches {
        private int[] positions = new int[4];
        private int count;

        void add(int position) {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
            }
            positions[count++] = position;
        }

        void fill(int[] code, int value) {
            for (int i = 0; i < count; i++) {
                code[positions[i]] = value;
            }
        }
    }

    /**
     * A handler of the table {@link LoweredFunction#handlers()}: the lowered code range it covers, the
     * handler an exception goes on to when no clause matches, and its clauses in order.
     */
    private static final class Handler {
        final int frameIndex;
        final int start;
        int end = -1;
        int next;
        /** Each {@code {tag or -1 for all, target pc, destination slot, exception slot or -1}}. */
        final List<int[]> clauses = new ArrayList<>();

        Handler(int frameIndex, int start, int next) {
            this.frameIndex = frameIndex;
            this.start = start;
            this.next = next;
        }
    }

    private final WasmModule module;
    private final IndexSpaces spaces;
    private final GcLowering gc;
    private final FuncType type;
    private final FunctionBody body;
    private final boolean references;
    private final boolean vectors;
    /** Whether values move in every array (the function uses references or vectors). */
    private final boolean wide;
    private final int copyOp;
    /** The immediates that name the end of the frame, which is known when the body is lowered. */
    private final Patches frameEnds = new Patches();
    private final List<Frame> frames = new ArrayList<>();
    private final Map<Long, Integer> constantIndex = new HashMap<>();
    private long[] constants = new long[8];
    private int constantCount;
    private int[] code = new int[64];
    private int length;
    private int[] sourceMap = new int[64];
    private int[] loopHeaders = new int[4];
    private int loopCount;
    private int sourceLength;
    /** Where the value at each stack height is: its own slot (== height), a local, or a constant slot. */
    private int[] where = new int[16];
    private int operandBase;
    private int height;
    private int maxHeight;
    private boolean unreachable;
    private int deadDepth;
    /** Set by {@link #resultSlot} when the result also stays on the stack as a local.tee's local. */
    private boolean teeResult;
    /** Every handler in the order its range opened, and those whose range is still open, innermost last. */
    private final List<Handler> handlers = new ArrayList<>();
    private final List<Handler> openHandlers = new ArrayList<>();
    /** The slots where legacy catches keep their exception for {@code rethrow}, one per try nesting level. */
    private int exceptionSlotBase;
    private int exceptionSlots;
    private int tryDepth;

    FunctionLowering(ModuleCode code, int functionIndex) {
        this.module = code.model();
        this.spaces = code.indexSpaces();
        this.gc = new GcLowering(this, code);
        this.type = spaces.functionType(functionIndex);
        this.body = module.codes().get(functionIndex - spaces.importedFunctionCount());
        ValueUse use = ValueUse.of(module, spaces, type, body, code.gcStoresVectors());
        this.references = use.references();
        this.vectors = use.vectors();
        this.wide = references || vectors;
        this.copyOp = wide ? Op.COPY_BOTH : Op.COPY;
    }

    LoweredFunction lower() {
        int localCount = type.params().size() + body.locals().length;
        int results = type.results().size();
        collectConstants(localCount);
        exceptionSlotBase = localCount + constantCount;
        exceptionSlots = references ? rethrowSlots() : 0;
        operandBase = height = maxHeight = exceptionSlotBase + exceptionSlots;
        if (wide) {
            emit(Op.CLEAR_REFS, type.params().size());
            emitFrameEnd();
        }
        if (vectors) {
            emit(Op.CLEAR_HIGH, type.params().size(), localCount);
        }
        frames.add(new Frame(FUNCTION_KIND, operandBase, results, operandBase + results, 0, 0));
        var reader = new ByteReader(body.code(), body.offset(), body.length());
        while (!frames.isEmpty()) {
            int start = reader.position();
            int op = reader.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | reader.u32();
            }
            if (unreachable) {
                skipDead(op, reader);
            } else {
                sourceMap(start);
                lower(op, reader);
            }
        }
        // the exit of on-stack replacement and of tail calls that ran elsewhere: the results are in place
        emitReturn(0);
        frameEnds.fill(code, maxHeight);
        return new LoweredFunction(Arrays.copyOf(code, length), type.params().size(), localCount, results,
                Arrays.copyOf(constants, constantCount), maxHeight, Arrays.copyOf(sourceMap, sourceLength),
                Arrays.copyOf(loopHeaders, loopCount), references, vectors, handlerTable(), exceptionSlots);
    }

    /** Records the next wasm loop (in body order) and its header pc, or -1 when it is unreachable. */
    private void loop(int headerPc) {
        if (loopCount == loopHeaders.length) {
            loopHeaders = Arrays.copyOf(loopHeaders, loopCount * 2);
        }
        loopHeaders[loopCount++] = headerPc;
    }

    private void lower(int op, ByteReader in) {
        switch (op) {
            case THROW -> {
                int tag = in.u32Index();
                flush();
                emit(Op.THROW, tag, height - tagType(tag).params().size());
                markDead();
            }
            case THROW_REF -> {
                emit(Op.THROW_REF, pop());
                markDead();
            }
            case TRY_TABLE -> tryTable(in);
            case TRY -> {
                FuncType bt = blockType(in);
                flush();
                Frame frame = openBlock(TRY_KIND, bt);
                frame.tryLevel = tryDepth++;
                openHandler(frame);
            }
            case CATCH, CATCH_ALL -> legacyCatch(op == CATCH ? in.u32Index() : -1);
            case DELEGATE -> delegate(in.u32Index());
            case RETHROW -> {
                emit(Op.THROW_REF, exceptionSlot(label(in.u32Index())));
                markDead();
            }
            case PREFIX_FB -> gc.lower(in.u32(), in);
            case REF_EQ -> gc.refEq(in);
            case PREFIX_FD -> simd(in.u32(), in);
            case PREFIX_FE -> atomic(in.u32(), in);
            case UNREACHABLE -> {
                emit(UNREACHABLE);
                markDead();
            }
            case NOP -> {
            }
            case BLOCK, LOOP -> {
                FuncType bt = blockType(in);
                flush();
                if (op == LOOP) {
                    loop(length);
                }
                openBlock(op == LOOP ? LOOP_KIND : BLOCK_KIND, bt);
            }
            case IF -> {
                int condition = pop();
                FuncType bt = blockType(in);
                flush();
                emit(Op.IF, condition);
                pushIf(bt);
            }
            case ELSE -> {
                flush();
                Frame frame = top();
                emit(BR);
                frame.patches.add(length);
                emit(-1);
                enterElse(frame);
            }
            case END -> end();
            case BR -> {
                flush();
                Frame target = label(in.u32Index());
                if (target.kind == FUNCTION_KIND) {
                    emitReturn(height - target.labelArity);
                } else {
                    branch(target, -1);
                }
                markDead();
            }
            case BR_IF -> {
                int condition = pop();
                flush();
                branch(label(in.u32Index()), condition);
            }
            case BR_TABLE -> brTable(in);
            case RETURN -> {
                flush();
                emitReturn(height - type.results().size());
                markDead();
            }
            case CALL -> {
                int function = in.u32Index();
                flush();
                FuncType callee = spaces.functionType(function);
                emit(CALL, function, height - callee.params().size());
                call(callee);
            }
            case CALL_INDIRECT -> {
                int typeIndex = in.u32Index();
                int table = in.u32Index();
                int index = pop();
                flush();
                FuncType callee = module.funcType(typeIndex);
                emit(CALL_INDIRECT, typeIndex, tableImmediate(table));
                emit(index, height - callee.params().size());
                call(callee);
            }
            case CALL_REF -> {
                int typeIndex = in.u32Index();
                int ref = pop();
                flush();
                FuncType callee = module.funcType(typeIndex);
                emit(CALL_REF, ref, height - callee.params().size());
                call(callee);
            }
            case BR_ON_NULL, BR_ON_NON_NULL -> branchOnNull(op, in.u32Index());
            case REF_AS_NON_NULL -> unary(Op.REF_AS_NON_NULL, in);
            case RETURN_CALL -> {
                int function = in.u32Index();
                flush();
                emit(RETURN_CALL, function, height - spaces.functionType(function).params().size());
                markDead();
            }
            case RETURN_CALL_REF -> {
                int typeIndex = in.u32Index();
                int ref = pop();
                flush();
                emit(RETURN_CALL_REF, ref, height - module.funcType(typeIndex).params().size());
                markDead();
            }
            case RETURN_CALL_INDIRECT -> {
                int typeIndex = in.u32Index();
                int table = in.u32Index();
                int index = pop();
                flush();
                emit(RETURN_CALL_INDIRECT, typeIndex, tableImmediate(table));
                emit(index, height - module.funcType(typeIndex).params().size());
                markDead();
            }
            case DROP -> pop();
            case SELECT, SELECT_T -> {
                if (op == SELECT_T) {
                    Immediates.skipValTypes(in);
                }
                int condition = pop();
                int b = pop();
                int a = pop();
                int dst = resultSlot(in);
                emit((op == SELECT_T && references) || vectors ? Op.SELECT_BOTH : SELECT, dst);
                emit(a, b, condition);
                pushResult(dst);
            }
            case LOCAL_GET -> push(in.u32Index());
            case LOCAL_SET, LOCAL_TEE -> {
                int local = in.u32Index();
                int value = pop();
                storeLocal(local, value);
                if (op == LOCAL_TEE) {
                    push(local);
                }
            }
            case GLOBAL_GET -> {
                int global = in.u32Index();
                int dst = resultSlot(in);
                emit(isReference(global) ? Op.GLOBAL_GET_REF : isVector(global) ? Op.GLOBAL_GET_V128 : GLOBAL_GET, dst, global);
                pushResult(dst);
            }
            case GLOBAL_SET -> {
                int value = pop();
                int global = in.u32Index();
                emit(isReference(global) ? Op.GLOBAL_SET_REF : isVector(global) ? Op.GLOBAL_SET_V128 : GLOBAL_SET, value, global);
            }
            case TABLE_GET -> {
                int table = tableImmediate(in.u32Index());
                int index = pop();
                int dst = resultSlot(in);
                emit(TABLE_GET, dst, index, table);
                pushResult(dst);
            }
            case TABLE_SET -> {
                int table = tableImmediate(in.u32Index());
                int value = pop();
                int index = pop();
                emit(TABLE_SET, index, value, table);
            }
            case MEMORY_SIZE -> {
                int memory = in.u32Index();
                int dst = resultSlot(in);
                emit(MEMORY_SIZE, dst, memory);
                pushResult(dst);
            }
            case MEMORY_GROW -> {
                int memory = in.u32Index();
                int delta = pop();
                int dst = resultSlot(in);
                emit(MEMORY_GROW, dst, delta, memory);
                pushResult(dst);
            }
            case I32_CONST -> push(constant(in.s32()));
            case I64_CONST -> push(constant(in.s64()));
            case F32_CONST -> push(constant(in.f32Bits()));
            case F64_CONST -> push(constant(in.f64Bits()));
            case REF_NULL -> {
                in.s33();
                int dst = resultSlot(in);
                emit(Op.REF_NULL, dst);
                pushResult(dst);
            }
            case REF_IS_NULL -> unary(op, in);
            case REF_FUNC -> {
                int function = in.u32Index();
                int dst = resultSlot(in);
                emit(REF_FUNC, dst, function);
                pushResult(dst);
            }
            default -> {
                if (op >= I32_LOAD && op <= I64_LOAD32_U) {
                    load(op, in);
                } else if (op >= I32_STORE && op <= I64_STORE32) {
                    store(op, in);
                } else if (op == I32_EQZ || (op >= I32_EQ && op <= I32_GE_U)) {
                    compare(op, in);
                } else if (op == I32_REINTERPRET_F32 || op == I64_REINTERPRET_F64 || op == F32_REINTERPRET_I32
                        || op == F64_REINTERPRET_I64) {
                    // raw bits already: the value stays where it is
                } else if (op >= I32_EQZ && op <= I64_EXTEND32_S) {
                    if (isBinary(op)) {
                        binary(op, in);
                    } else {
                        unary(op, in);
                    }
                } else {
                    lowerPrefixed(op, in);
                }
            }
        }
    }

    private void lowerPrefixed(int op, ByteReader in) {
        int lowered = Op.FC_BASE + (op & 0xFF);
        switch (op) {
            case MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY -> {
                int first = in.u32Index();
                int second = in.u32Index();
                threeOperands(lowered, first, second);
            }
            case MEMORY_FILL, TABLE_FILL -> threeOperands(lowered, in.u32Index(), 0);
            case DATA_DROP, ELEM_DROP -> emit(lowered, in.u32Index());
            case TABLE_GROW -> {
                int table = in.u32Index();
                int delta = pop();
                int init = pop();
                int dst = resultSlot(in);
                emit(lowered, dst, init, delta);
                emit(table);
                pushResult(dst);
            }
            case TABLE_SIZE -> {
                int table = in.u32Index();
                int dst = resultSlot(in);
                emit(lowered, dst, table);
                pushResult(dst);
            }
            default -> {
                if (op >= I32_TRUNC_SAT_F32_S && op <= I64_TRUNC_SAT_F64_U) {
                    unary(lowered, in);
                } else {
                    throw new IllegalStateException("unexpected opcode 0x" + Integer.toHexString(op) + " in a validated body");
                }
            }
        }
    }

    /** A SIMD instruction, read from its sub-opcode on (the forms: {@link Op}). */
    private void simd(int sub, ByteReader in) {
        int op = Op.SIMD_BASE + sub;
        switch (SimdOpcodes.immediate(sub)) {
            case NONE -> {
                int count = SimdSignatures.operandCount(sub);
                int[] operands = new int[count];
                for (int i = count - 1; i >= 0; i--) {
                    operands[i] = pop();
                }
                int dst = resultSlot(in);
                emit(op, dst);
                for (int operand : operands) {
                    emit(operand);
                }
                pushResult(dst);
            }
            case BYTES16 -> {
                long lo = in.f64Bits();
                long hi = in.f64Bits();
                int b = sub == SimdOpcodes.I8X16_SHUFFLE ? pop() : -1;
                int a = sub == SimdOpcodes.I8X16_SHUFFLE ? pop() : -1;
                int dst = resultSlot(in);
                emit(op, dst);
                if (b >= 0) {
                    emit(a, b);
                }
                emit((int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32));
                pushResult(dst);
            }
            case LANE -> {
                int lane = in.u8();
                int scalar = isReplaceLane(sub) ? pop() : -1;
                int vector = pop();
                int dst = resultSlot(in);
                emit(op, dst, vector);
                if (scalar >= 0) {
                    emit(scalar);
                }
                emit(lane);
                pushResult(dst);
            }
            case MEMARG -> {
                int memory = memoryImmediate(in);
                long offset = in.u64();
                if (sub == SimdOpcodes.V128_STORE) {
                    int value = pop();
                    emit(op, pop(), value, memory);
                } else {
                    int address = pop();
                    int dst = resultSlot(in);
                    emit(op, dst, address, memory);
                    pushResult(dst);
                }
                emit((int) offset, (int) (offset >>> 32));
            }
            case MEMARG_LANE -> {
                int memory = memoryImmediate(in);
                long offset = in.u64();
                int lane = in.u8();
                int vector = pop();
                int address = pop();
                if (sub >= SimdOpcodes.V128_STORE8_LANE) {
                    emit(op, address, vector, memory);
                } else {
                    int dst = resultSlot(in);
                    emit(op, dst, address, vector);
                    emit(memory);
                    pushResult(dst);
                }
                emit((int) offset, (int) (offset >>> 32));
                emit(lane);
            }
        }
    }

    /** An atomic instruction, read from its sub-opcode on (the forms: {@link Op#ATOMIC_BASE}). */
    private void atomic(int sub, ByteReader in) {
        int op = Op.ATOMIC_BASE + sub;
        if (sub == AtomicOpcodes.ATOMIC_FENCE) {
            in.u8();
            emit(op);
            return;
        }
        int memory = memoryImmediate(in);
        long offset = in.u64();
        AtomicOpcodes.Shape shape = AtomicOpcodes.shape(sub);
        int[] operands = new int[switch (shape) {
            case LOAD -> 1;
            case STORE, RMW, NOTIFY -> 2;
            default -> 3;
        }];
        for (int i = operands.length - 1; i >= 0; i--) {
            operands[i] = pop();
        }
        boolean result = shape != AtomicOpcodes.Shape.STORE;
        int dst = result ? resultSlot(in) : -1;
        emit(op);
        if (result) {
            emit(dst);
        }
        for (int operand : operands) {
            emit(operand);
        }
        emit(memory, (int) offset, (int) (offset >>> 32));
        if (result) {
            pushResult(dst);
        }
    }

    private static boolean isReplaceLane(int sub) {
        return switch (sub) {
            case SimdOpcodes.I8X16_REPLACE_LANE, SimdOpcodes.I16X8_REPLACE_LANE, SimdOpcodes.I32X4_REPLACE_LANE,
                    SimdOpcodes.I64X2_REPLACE_LANE, SimdOpcodes.F32X4_REPLACE_LANE, SimdOpcodes.F64X2_REPLACE_LANE -> true;
            default -> false;
        };
    }

    /** Bulk operations: {@code op imm1 imm2 a b c} with the three stack operands in order. */
    private void threeOperands(int op, int first, int second) {
        int c = pop();
        int b = pop();
        int a = pop();
        emit(op, first, second);
        emit(a, b, c);
    }

    /** Binary numeric operators pop two operands and push one; the rest of 0x45..0xC4 pop one, push one. */
    private static boolean isBinary(int op) {
        return (op >= I32_EQ && op <= I32_GE_U) || (op >= I64_EQ && op <= F64_GE)
                || (op >= I32_ADD && op <= I32_ROTR) || (op >= I64_ADD && op <= I64_ROTR)
                || (op >= F32_ADD && op <= F32_COPYSIGN) || (op >= F64_ADD && op <= F64_COPYSIGN);
    }

    private void unary(int op, ByteReader in) {
        int a = pop();
        int dst = resultSlot(in);
        emit(op, dst, a);
        pushResult(dst);
    }

    private void binary(int op, ByteReader in) {
        int b = pop();
        int a = pop();
        int dst = resultSlot(in);
        emit(op, dst, a, b);
        pushResult(dst);
    }

    /**
     * An i32 comparison: fused with a directly following {@code br_if} (when its label keeps no
     * values that must move) or {@code if}; otherwise an ordinary operator.
     */
    private void compare(int op, ByteReader in) {
        int b = op == I32_EQZ ? 0 : pop();
        int a = pop();
        int k = op - I32_EQZ;
        int next = in.position();
        int following = in.hasMore() ? in.u8() : -1;
        if (following == BR_IF) {
            int depth = in.u32Index();
            flush();
            Frame target = label(depth);
            if (!needsUnwind(target)) {
                sourceMap(next); // a back-edge's fuel or timeout trap names the br_if, as in compiled code
                emit(Op.BR_IF_CMP + k, a, b);
                if (target.kind == LOOP_KIND) {
                    // a complemented (negative) target marks a back-edge, which counts down the fuel slice
                    emit(~target.startPc);
                } else {
                    emitTarget(target);
                }
                return;
            }
            in.position(next);
        } else if (following == IF) {
            FuncType bt = blockType(in);
            flush();
            emit(Op.IF_NOT_CMP + k, a, b);
            pushIf(bt);
            return;
        } else {
            in.position(next);
        }
        int dst = resultSlot(in);
        if (op == I32_EQZ) {
            emit(op, dst, a);
        } else {
            emit(op, dst, a, b);
        }
        pushResult(dst);
    }

    private void load(int op, ByteReader in) {
        int memory = memoryImmediate(in);
        long offset = in.u64();
        int address = pop();
        int dst = resultSlot(in);
        emit(op, dst, address, memory);
        emit((int) offset, (int) (offset >>> 32));
        pushResult(dst);
    }

    private void store(int op, ByteReader in) {
        int memory = memoryImmediate(in);
        long offset = in.u64();
        int value = pop();
        int address = pop();
        emit(op, address, value, memory);
        emit((int) offset, (int) (offset >>> 32));
    }

    /** Reads a memarg's alignment and memory index; returns the index with {@link Op#INDEX_64} for memory64. */
    private int memoryImmediate(ByteReader in) {
        int memory = MemArgFlags.hasMemoryIndex(in.u32()) ? in.u32Index() : 0;
        return spaces.memory(memory).is64() ? memory | Op.INDEX_64 : memory;
    }

    private int tableImmediate(int table) {
        return spaces.table(table).limits().is64() ? table | Op.INDEX_64 : table;
    }

    private boolean isReference(int global) {
        return spaces.global(global).valType().isReference();
    }

    private boolean isVector(int global) {
        return spaces.global(global).valType() == ValType.V128;
    }

    private FuncType blockType(ByteReader in) {
        return BlockType.read(in, module);
    }

    /** Emits the else target placeholder of an IF (already emitted) and opens its frame. */
    private void pushIf(FuncType bt) {
        int base = height - bt.params().size();
        var frame = new Frame(IF_KIND, base, bt.results().size(), base + bt.results().size(), length, bt.params().size());
        frame.elsePatch = length;
        emit(-1);
        frames.add(frame);
    }

    /** After a call (arguments already flushed to their slots), the results sit where the arguments began. */
    private void call(FuncType callee) {
        height -= callee.params().size();
        for (int i = 0; i < callee.results().size(); i++) {
            push(height);
        }
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }

    private Frame label(int depth) {
        return frames.get(frames.size() - 1 - depth);
    }

    private void enterElse(Frame frame) {
        code[frame.elsePatch] = length;
        frame.elsePatch = -1;
        resetHeight(frame.labelHeight + frame.paramCount);
        unreachable = false;
    }

    private void end() {
        if (!unreachable) {
            flush();
        }
        Frame frame = frames.remove(frames.size() - 1);
        if (frame.elsePatch >= 0) {
            code[frame.elsePatch] = length;
        }
        closeHandler(frame);
        if (frame.kind == TRY_KIND) {
            tryDepth--;
        }
        frame.patches.fill(code, length);
        for (int[] clause : frame.catchesToEnd) {
            clause[1] = length;
        }
        resetHeight(frame.endHeight);
        unreachable = false;
        if (frame.kind == FUNCTION_KIND) {
            emitReturn(frame.labelHeight);
        }
    }

    /** Sets the stack height with every value in its own slot (the state at a label). */
    private void resetHeight(int newHeight) {
        ensureWhere(newHeight);
        for (int h = operandBase; h < newHeight; h++) {
            where[h] = h;
        }
        height = newHeight;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    /**
     * A branch to a label (condition {@code -1}: unconditional). The function's label is a jump to
     * the final RETURN, a loop's a jump back to its start, a block's a jump forward to its end,
     * patched when the end is lowered. Values the label keeps are copied down when not in place.
     */
    private void branch(Frame target, int condition) {
        boolean conditional = condition != -1;
        if (needsUnwind(target) && wide) {
            unwindBoth(target, condition);
        } else if (needsUnwind(target)) {
            emit(conditional ? Op.BR_IF_UNWIND : Op.BR_UNWIND);
            if (conditional) {
                emit(condition);
            }
            emit(height - target.labelArity);
            emitTarget(target);
            emit(target.labelHeight, target.labelArity);
        } else if (target.kind == LOOP_KIND) {
            if (conditional) {
                emit(Op.BR_IF_LOOP, condition, target.startPc);
            } else {
                emit(Op.BR_LOOP, target.startPc);
            }
        } else {
            if (conditional) {
                emit(BR_IF, condition);
            } else {
                emit(BR);
            }
            emitTarget(target);
        }
    }

    /**
     * A branch that moves the label's values down in both arrays: the references first, then the
     * numbers on the way (a conditional one skips both unless taken).
     */
    private void unwindBoth(Frame target, int condition) {
        int skip = -1;
        if (condition != -1) {
            emit(Op.IF, condition);
            skip = length;
            emit(-1);
        }
        int src = height - target.labelArity;
        emit(Op.MOVE_REFS, src, target.labelHeight, target.labelArity);
        emit(Op.BR_UNWIND, src);
        emitTarget(target);
        emit(target.labelHeight, target.labelArity);
        if (skip >= 0) {
            code[skip] = length;
        }
    }

    /** Returns the values from slot {@code src} on; a function with references clears its frame's reference slots above them. */
    private void emitReturn(int src) {
        if (wide) {
            emit(Op.RETURN_REFS, src, type.results().size());
            emitFrameEnd();
        }
        emit(RETURN, src);
    }

    /** An immediate naming the end of the frame, filled in once the body is lowered. */
    private void emitFrameEnd() {
        frameEnds.add(length);
        emit(-1);
    }

    /**
     * {@code br_on_null} and {@code br_on_non_null}: a {@code br_if} on whether the reference on top is null, with
     * or without the reference.
     */
    private void branchOnNull(int op, int depth) {
        int test = testTop();
        emit(REF_IS_NULL, test, test - 1);
        if (op == BR_ON_NULL) {
            height--;
            branch(label(depth), test);
            height++;
        } else {
            emit(I32_EQZ, test, test);
            branch(label(depth), test);
            height--;
        }
    }

    /**
     * {@code br_on_cast} and {@code br_on_cast_fail}: a {@code br_if} on whether the reference on top is of type
     * {@code (ref null? heap)} (or not), which the branch passes on and the fall-through keeps.
     */
    void branchOnCast(int depth, boolean onFailure, int heap, boolean nullable) {
        int test = testTop();
        emit(Op.REF_TEST, test, test - 1);
        emit(heap, nullable ? 1 : 0);
        if (onFailure) {
            emit(I32_EQZ, test, test);
        }
        branch(label(depth), test);
    }

    /**
     * Before a branch on a test of the reference on top: the stack is flushed, the reference moved to its own
     * slot; returns the slot above it, where the test goes.
     */
    private int testTop() {
        int ref = pop();
        flush();
        push(ref);
        int refSlot = height - 1;
        materialize(refSlot);
        int test = refSlot + 1;
        if (test + 1 > maxHeight) {
            maxHeight = test + 1;
        }
        return test;
    }

    /**
     * Pops {@code count} values into consecutive slots (the operands of an allocation, as a call's arguments);
     * returns the first.
     */
    int popFlushed(int count) {
        flush();
        height -= count;
        return height;
    }

    private boolean needsUnwind(Frame target) {
        return target.labelArity > 0 && height - target.labelArity != target.labelHeight;
    }

    private void emitTarget(Frame target) {
        if (target.kind == LOOP_KIND) {
            emit(target.startPc);
        } else {
            target.patches.add(length);
            emit(-1);
        }
    }

    private void brTable(ByteReader in) {
        int count = in.u32Index();
        int index = pop();
        flush();
        int arity = -1;
        int srcPosition = length + 2;
        emit(BR_TABLE, index, 0, count);
        // with references, an entry that keeps values jumps to a branch of its own that moves both arrays
        Frame[] unwinding = new Frame[count + 1];
        int[] entries = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            Frame target = label(in.u32Index());
            arity = target.labelArity;
            if (wide && arity > 0) {
                unwinding[i] = target;
                entries[i] = length;
                emit(-1, 0, 0);
            } else {
                emitTarget(target);
                emit(target.labelHeight, target.labelArity);
            }
        }
        // every label of a br_table keeps the same number of values, all taken from the stack top
        code[srcPosition] = height - arity;
        for (int i = 0; i <= count; i++) {
            if (unwinding[i] != null) {
                code[entries[i]] = length;
                unwindBoth(unwinding[i], -1);
            }
        }
        markDead();
    }

    /** Opens a block, loop or legacy try of type {@code bt} whose operands are flushed. */
    private Frame openBlock(int kind, FuncType bt) {
        int base = height - bt.params().size();
        int arity = kind == LOOP_KIND ? bt.params().size() : bt.results().size();
        var frame = new Frame(kind, base, arity, base + bt.results().size(), length, bt.params().size());
        frames.add(frame);
        return frame;
    }

    private FuncType tagType(int tag) {
        return module.funcType(spaces.tag(tag).typeIndex());
    }

    /**
     * {@code try_table}: a block whose body is covered by a handler with its catch clauses. A clause
     * branches to its label (read before the block's own frame is pushed) with the payload, and for the
     * {@code _ref} kinds the exception after it, written to the label's slots.
     */
    private void tryTable(ByteReader in) {
        FuncType bt = blockType(in);
        int count = in.u32Index();
        List<int[]> clauses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = CatchClause.kind(in);
            int tag = CatchClause.hasTag(kind) ? in.u32Index() : -1;
            Frame target = label(in.u32Index());
            int payload = tag < 0 ? 0 : tagType(tag).params().size();
            int[] clause = {tag, -1, target.labelHeight, CatchClause.passesExnref(kind) ? target.labelHeight + payload : -1};
            if (target.kind == LOOP_KIND) {
                clause[1] = target.startPc;
            } else {
                target.catchesToEnd.add(clause);
            }
            clauses.add(clause);
        }
        flush();
        openHandler(openBlock(BLOCK_KIND, bt)).clauses.addAll(clauses);
    }

    /** Starts the handler of {@code frame}, whose range begins here; an unmatched exception goes on to the enclosing one. */
    private Handler openHandler(Frame frame) {
        var handler = new Handler(frames.size() - 1, length, innermostHandler(frames.size() - 1));
        frame.handler = handler;
        handlers.add(handler);
        openHandlers.add(handler);
        return handler;
    }

    /** The innermost open handler of a frame at index {@code frameIndex} or outside it, or -1 (the caller's). */
    private int innermostHandler(int frameIndex) {
        for (int i = openHandlers.size() - 1; i >= 0; i--) {
            if (openHandlers.get(i).frameIndex <= frameIndex) {
                return handlers.indexOf(openHandlers.get(i));
            }
        }
        return -1;
    }

    /** Ends the range of {@code frame}'s handler, if it is open. */
    private void closeHandler(Frame frame) {
        if (frame.handler != null && frame.handler.end < 0) {
            frame.handler.end = length;
            openHandlers.remove(openHandlers.size() - 1);
        }
    }

    /**
     * A legacy {@code catch} (tag {@code tag}) or {@code catch_all} ({@code -1}) of the innermost try: the body
     * before it jumps to the try's end, and the handler gets a clause that starts here with the payload on
     * the try's stack. In a function that rethrows, the exception is kept in the try's exception slot.
     */
    private void legacyCatch(int tag) {
        Frame frame = top();
        if (!unreachable) {
            flush();
            emit(BR);
            frame.patches.add(length);
            emit(-1);
        }
        closeHandler(frame);
        frame.handler.clauses.add(new int[] {tag, length, frame.labelHeight, exceptionSlots > 0 ? exceptionSlot(frame) : -1});
        resetHeight(frame.labelHeight + (tag < 0 ? 0 : tagType(tag).params().size()));
        unreachable = false;
    }

    /**
     * {@code delegate l} ends the innermost try, whose handler hands every exception to the handler that
     * covers label {@code l} (counted from outside the try): the innermost handler open at that frame or
     * outside it, or the caller for the function's label.
     */
    private void delegate(int depth) {
        Frame frame = top();
        closeHandler(frame);
        frame.handler.next = innermostHandler(frames.size() - 2 - depth);
        end();
    }

    /** The slot where the legacy try of {@code frame} keeps the exception its catch caught. */
    private int exceptionSlot(Frame frame) {
        return exceptionSlotBase + frame.tryLevel;
    }

    /**
     * The exception slots a function needs: one per nesting level of legacy tries, when it has a
     * {@code rethrow} (only {@code rethrow} reads a caught exception); 0 otherwise.
     */
    private int rethrowSlots() {
        var in = new ByteReader(body.code(), body.offset(), body.length());
        boolean rethrows = false;
        int depth = 0;
        int maxDepth = 0;
        var tries = new ArrayList<Boolean>();
        while (in.hasMore()) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            switch (op) {
                case BLOCK, LOOP, IF, TRY_TABLE, TRY -> {
                    tries.add(op == TRY);
                    depth += op == TRY ? 1 : 0;
                    maxDepth = Math.max(maxDepth, depth);
                }
                case END, DELEGATE -> {
                    if (!tries.isEmpty() && tries.remove(tries.size() - 1)) {
                        depth--;
                    }
                }
                case RETHROW -> rethrows = true;
                default -> {
                }
            }
            Immediates.skip(op, in);
        }
        return rethrows ? maxDepth : 0;
    }

    /**
     * The handlers as {@link LoweredFunction#handlers()} holds them: per handler {@code start end next
     * clauseCount}, then per clause {@code tag target dst exceptionSlot}; {@code next} is the offset of
     * the handler an unmatched exception goes on to, or -1.
     */
    private int[] handlerTable() {
        int[] offsets = new int[handlers.size()];
        int size = 0;
        for (int i = 0; i < handlers.size(); i++) {
            offsets[i] = size;
            size += 4 + 4 * handlers.get(i).clauses.size();
        }
        int[] table = new int[size];
        for (int i = 0; i < handlers.size(); i++) {
            Handler handler = handlers.get(i);
            int at = offsets[i];
            table[at] = handler.start;
            table[at + 1] = handler.end;
            table[at + 2] = handler.next < 0 ? -1 : offsets[handler.next];
            table[at + 3] = handler.clauses.size();
            for (int[] clause : handler.clauses) {
                at += 4;
                System.arraycopy(clause, 0, table, at, 4);
            }
        }
        return table;
    }

    private void markDead() {
        unreachable = true;
        deadDepth = 0;
    }

    /** In unreachable code only the block structure matters; immediates are skipped. */
    private void skipDead(int op, ByteReader in) {
        switch (op) {
            case BLOCK, LOOP, IF -> {
                BlockType.skip(in);
                deadDepth++;
                if (op == LOOP) {
                    loop(-1);
                }
            }
            case ELSE -> {
                if (deadDepth == 0) {
                    enterElse(top());
                }
            }
            case END -> {
                if (deadDepth > 0) {
                    deadDepth--;
                } else {
                    end();
                }
            }
            case TRY, TRY_TABLE -> {
                Immediates.skip(op, in);
                deadDepth++;
            }
            case CATCH, CATCH_ALL, DELEGATE -> {
                if (deadDepth > 0) {
                    Immediates.skip(op, in);
                    deadDepth -= op == DELEGATE ? 1 : 0; // delegate closes its try like end
                } else {
                    lower(op, in); // a handler of a live try ends the dead code, as else does
                }
            }
            default -> Immediates.skip(op, in);
        }
    }

    // ---- the compile-time operand stack ----

    private void ensureWhere(int size) {
        if (size > where.length) {
            where = Arrays.copyOf(where, Math.max(size, where.length * 2));
        }
    }

    /** Pushes a value that currently lives at {@code location} (a slot, a local, or a constant). */
    private void push(int location) {
        ensureWhere(height + 1);
        where[height++] = location;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    /** Pushes an operator's result written to {@code dst} ({@link #resultSlot}). */
    void pushResult(int dst) {
        if (dst == height) {
            push(height);
        } else if (teeResult) {
            push(dst);
        }
        teeResult = false;
    }

    /** Pops the top value; returns where it is. */
    int pop() {
        return where[--height];
    }

    /**
     * Where an operator's result goes: the local of a directly following {@code local.set} or
     * {@code local.tee} (which is consumed), else the result's own slot. Values still reading
     * that local are first moved to their slots, as the write would change them.
     */
    int resultSlot(ByteReader in) {
        int next = in.position();
        if (in.hasMore()) {
            int op = in.u8();
            if (op == LOCAL_SET || op == LOCAL_TEE) {
                int local = in.u32Index();
                protectLocal(local);
                teeResult = op == LOCAL_TEE;
                return local;
            }
        }
        in.position(next);
        return height;
    }

    private void storeLocal(int local, int value) {
        protectLocal(local);
        if (value != local) {
            emit(copyOp, local, value);
        }
    }

    /** Moves every stacked value that still reads {@code local} into its own slot. */
    private void protectLocal(int local) {
        for (int h = operandBase; h < height; h++) {
            if (where[h] == local) {
                materialize(h);
            }
        }
    }

    /** Moves every stacked value into its own slot (before control flow and calls). */
    void flush() {
        for (int h = operandBase; h < height; h++) {
            materialize(h);
        }
    }

    private void materialize(int h) {
        if (where[h] != h) {
            emit(copyOp, h, where[h]);
            where[h] = h;
        }
    }

    /**
     * Gives the body's first {@value #MAX_CONSTANT_SLOTS} distinct constants a slot each, right
     * after the locals, so that the operand slots can start behind them.
     */
    private void collectConstants(int firstSlot) {
        var in = new ByteReader(body.code(), body.offset(), body.length());
        while (in.hasMore() && constantCount < MAX_CONSTANT_SLOTS) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            switch (op) {
                case I32_CONST -> addConstant(in.s32(), firstSlot);
                case I64_CONST -> addConstant(in.s64(), firstSlot);
                case F32_CONST -> addConstant(in.f32Bits(), firstSlot);
                case F64_CONST -> addConstant(in.f64Bits(), firstSlot);
                case BLOCK, LOOP, IF -> BlockType.skip(in);
                default -> Immediates.skip(op, in);
            }
        }
    }

    private void addConstant(long value, int firstSlot) {
        if (!constantIndex.containsKey(value)) {
            if (constantCount == constants.length) {
                constants = Arrays.copyOf(constants, constantCount * 2);
            }
            constants[constantCount] = value;
            constantIndex.put(value, firstSlot + constantCount++);
        }
    }

    /** The location of a constant: its constant slot, or (beyond the cap) its own slot, set by CONST. */
    private int constant(long value) {
        Integer slot = constantIndex.get(value);
        if (slot != null) {
            return slot;
        }
        emit(Op.CONST, height, (int) value);
        emit((int) (value >>> 32));
        return height;
    }

    private void sourceMap(int wasmOffset) {
        if (sourceLength + 2 > sourceMap.length) {
            sourceMap = Arrays.copyOf(sourceMap, sourceMap.length * 2);
        }
        sourceMap[sourceLength++] = length;
        sourceMap[sourceLength++] = wasmOffset;
    }

    void emit(int word) {
        if (length == code.length) {
            code = Arrays.copyOf(code, length * 2);
        }
        code[length++] = word;
    }

    void emit(int a, int b) {
        emit(a);
        emit(b);
    }

    void emit(int a, int b, int c) {
        emit(a);
        emit(b);
        emit(c);
    }

    void emit(int a, int b, int c, int d) {
        emit(a, b);
        emit(c, d);
    }
}
