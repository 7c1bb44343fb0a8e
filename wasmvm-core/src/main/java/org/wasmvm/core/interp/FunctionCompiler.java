package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * Lowers one validated function body to {@link CompiledFunction} code. It tracks the operand
 * stack height (validation guarantees the types), resolves every branch to a pc plus the stack
 * height and arity it keeps, and drops unreachable code, so the interpreter never scans for
 * {@code end} or decodes LEB128.
 */
final class FunctionCompiler {
    private static final int BLOCK_KIND = 0, LOOP_KIND = 1, IF_KIND = 2, FUNCTION_KIND = 3;

    /** A control frame of the lowering: where its label jumps and what the branch keeps. */
    private static final class Frame {
        final int kind;
        final int labelHeight;
        final int labelArity;
        final int endHeight;
        final int startPc;
        final int paramCount;
        int elsePatch = -1;
        int[] patches = new int[4];
        int patchCount;

        Frame(int kind, int labelHeight, int labelArity, int endHeight, int startPc, int paramCount) {
            this.kind = kind;
            this.labelHeight = labelHeight;
            this.labelArity = labelArity;
            this.endHeight = endHeight;
            this.startPc = startPc;
            this.paramCount = paramCount;
        }

        void addPatch(int position) {
            if (patchCount == patches.length) {
                patches = Arrays.copyOf(patches, patchCount * 2);
            }
            patches[patchCount++] = position;
        }
    }

    private final WasmModule module;
    private final IndexSpaces spaces;
    private final FuncType type;
    private final FunctionBody body;
    private final List<Frame> frames = new ArrayList<>();
    private int[] code = new int[64];
    private int length;
    private int[] sourceMap = new int[64];
    private int sourceLength;
    private int height;
    private int maxHeight;
    private boolean unreachable;
    private int deadDepth;

    FunctionCompiler(WasmModule module, IndexSpaces spaces, int functionIndex) {
        this.module = module;
        this.spaces = spaces;
        this.type = spaces.functionType(functionIndex);
        this.body = module.codes().get(functionIndex - spaces.importedFunctionCount());
    }

    CompiledFunction compile() {
        int localCount = type.params().size() + body.locals().length;
        int results = type.results().size();
        height = maxHeight = localCount;
        frames.add(new Frame(FUNCTION_KIND, localCount, results, localCount + results, 0, 0));
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
        return new CompiledFunction(Arrays.copyOf(code, length), type.params().size(), localCount, results,
                maxHeight, Arrays.copyOf(sourceMap, sourceLength));
    }

    private void lower(int op, ByteReader in) {
        switch (op) {
            case UNREACHABLE -> {
                emit(UNREACHABLE);
                markDead();
            }
            case NOP -> {
            }
            case BLOCK -> {
                FuncType bt = blockType(in);
                int base = height - bt.params().size();
                frames.add(new Frame(BLOCK_KIND, base, bt.results().size(), base + bt.results().size(), length, bt.params().size()));
            }
            case LOOP -> {
                FuncType bt = blockType(in);
                int base = height - bt.params().size();
                frames.add(new Frame(LOOP_KIND, base, bt.params().size(), base + bt.results().size(), length, bt.params().size()));
            }
            case IF -> {
                FuncType bt = blockType(in);
                pop(1);
                int base = height - bt.params().size();
                var frame = new Frame(IF_KIND, base, bt.results().size(), base + bt.results().size(), length, bt.params().size());
                emit(IF);
                frame.elsePatch = length;
                emit(-1);
                frames.add(frame);
            }
            case ELSE -> {
                Frame frame = top();
                emit(BR);
                frame.addPatch(length);
                emit(-1);
                enterElse(frame);
            }
            case END -> end();
            case BR -> {
                branch(in.u32Index(), BR, Op.BR_UNWIND);
                markDead();
            }
            case BR_IF -> {
                pop(1);
                branch(in.u32Index(), BR_IF, Op.BR_IF_UNWIND);
            }
            case BR_TABLE -> brTable(in);
            case RETURN -> {
                emit(RETURN);
                markDead();
            }
            case CALL -> {
                int function = in.u32Index();
                emit(CALL, function);
                call(spaces.functionType(function));
            }
            case CALL_INDIRECT -> {
                int typeIndex = in.u32Index();
                int table = in.u32Index();
                pop(1);
                emit(CALL_INDIRECT, typeIndex, tableImmediate(table));
                call(module.types().get(typeIndex));
            }
            case DROP -> {
                pop(1);
                emit(DROP);
            }
            case SELECT -> {
                pop(2);
                emit(SELECT);
            }
            case SELECT_T -> {
                int count = in.u32Index();
                in.skip(count);
                pop(2);
                emit(SELECT);
            }
            case LOCAL_GET, GLOBAL_GET -> {
                emit(op, in.u32Index());
                push(1);
            }
            case LOCAL_SET, GLOBAL_SET -> {
                emit(op, in.u32Index());
                pop(1);
            }
            case LOCAL_TEE -> emit(op, in.u32Index());
            case TABLE_GET -> emit(op, tableImmediate(in.u32Index()));
            case TABLE_SET -> {
                emit(op, tableImmediate(in.u32Index()));
                pop(2);
            }
            case MEMORY_SIZE -> {
                emit(op, in.u32Index());
                push(1);
            }
            case MEMORY_GROW -> emit(op, in.u32Index());
            case I32_CONST -> {
                emit(op, in.s32());
                push(1);
            }
            case F32_CONST -> {
                emit(op, in.f32Bits());
                push(1);
            }
            case I64_CONST -> {
                emitLong(op, in.s64());
                push(1);
            }
            case F64_CONST -> {
                emitLong(op, in.f64Bits());
                push(1);
            }
            case REF_NULL -> {
                in.u8();
                emit(REF_NULL);
                push(1);
            }
            case REF_IS_NULL -> emit(REF_IS_NULL);
            case REF_FUNC -> {
                emit(REF_FUNC, in.u32Index());
                push(1);
            }
            default -> {
                if (op >= I32_LOAD && op <= I64_STORE32) {
                    memoryAccess(op, in);
                } else if (op >= I32_EQZ && op <= I64_EXTEND32_S) {
                    emit(op);
                    pop(isBinary(op) ? 1 : 0);
                } else {
                    lowerPrefixed(op, in);
                }
            }
        }
    }

    private void lowerPrefixed(int op, ByteReader in) {
        int sub = op & 0xFF;
        int lowered = Op.FC_BASE + sub;
        switch (op) {
            case MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY -> {
                int first = in.u32Index();
                int second = in.u32Index();
                emit(lowered, first, second);
                pop(3);
            }
            case MEMORY_FILL, TABLE_FILL -> {
                emit(lowered, in.u32Index());
                pop(3);
            }
            case DATA_DROP, ELEM_DROP -> emit(lowered, in.u32Index());
            case TABLE_GROW -> {
                emit(lowered, in.u32Index());
                pop(1);
            }
            case TABLE_SIZE -> {
                emit(lowered, in.u32Index());
                push(1);
            }
            default -> {
                if (op >= I32_TRUNC_SAT_F32_S && op <= I64_TRUNC_SAT_F64_U) {
                    emit(lowered);
                } else {
                    throw new IllegalStateException("unexpected opcode 0x" + Integer.toHexString(op) + " in a validated body");
                }
            }
        }
    }

    /** Binary numeric operators pop two operands and push one; the rest of 0x45..0xC4 pop one, push one. */
    private static boolean isBinary(int op) {
        return (op >= I32_EQ && op <= I32_GE_U) || (op >= I64_EQ && op <= F64_GE)
                || (op >= I32_ADD && op <= I32_ROTR) || (op >= I64_ADD && op <= I64_ROTR)
                || (op >= F32_ADD && op <= F32_COPYSIGN) || (op >= F64_ADD && op <= F64_COPYSIGN);
    }

    private void memoryAccess(int op, ByteReader in) {
        int align = in.u32();
        int memory = (align & 0x40) != 0 ? in.u32Index() : 0;
        long offset = in.u64();
        int memoryImmediate = spaces.memory(memory).is64() ? memory | Op.INDEX_64 : memory;
        emit(op, memoryImmediate, (int) offset, (int) (offset >>> 32));
        if (op >= I32_STORE) {
            pop(2);
        }
    }

    private int tableImmediate(int table) {
        return spaces.table(table).limits().is64() ? table | Op.INDEX_64 : table;
    }

    private FuncType blockType(ByteReader in) {
        long blockType = in.s33();
        if (blockType == -64) {
            return FuncType.of(List.of(), List.of());
        }
        if (blockType < 0) {
            return FuncType.of(List.of(), List.of(ValType.fromCode((int) (blockType & 0x7F))));
        }
        return module.types().get((int) blockType);
    }

    private void call(FuncType callee) {
        pop(callee.params().size());
        push(callee.results().size());
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }

    private void enterElse(Frame frame) {
        code[frame.elsePatch] = length;
        frame.elsePatch = -1;
        height = frame.labelHeight + frame.paramCount;
        unreachable = false;
    }

    private void end() {
        Frame frame = frames.remove(frames.size() - 1);
        if (frame.elsePatch >= 0) {
            code[frame.elsePatch] = length;
        }
        for (int i = 0; i < frame.patchCount; i++) {
            code[frame.patches[i]] = length;
        }
        height = frame.endHeight;
        unreachable = false;
        if (frame.kind == FUNCTION_KIND) {
            emit(RETURN);
        }
    }

    /**
     * A branch to the function's own label is a return; to a loop it jumps back to the loop's
     * start; to a block or if it jumps forward to the end (patched when the end is lowered).
     */
    private void branch(int depth, int plainOp, int unwindOp) {
        Frame target = frames.get(frames.size() - 1 - depth);
        if (target.kind == FUNCTION_KIND && plainOp == BR) {
            emit(RETURN);
            return;
        }
        if (needsUnwind(target)) {
            emit(unwindOp);
            emitTarget(target);
            emit(target.labelHeight, target.labelArity);
        } else if (target.kind == LOOP_KIND) {
            emit(plainOp == BR ? Op.BR_LOOP : Op.BR_IF_LOOP, target.startPc);
        } else {
            emit(plainOp);
            emitTarget(target);
        }
    }

    private boolean needsUnwind(Frame target) {
        return target.kind != FUNCTION_KIND && height - target.labelArity != target.labelHeight;
    }

    private void emitTarget(Frame target) {
        if (target.kind == LOOP_KIND) {
            emit(target.startPc);
        } else {
            target.addPatch(length);
            emit(-1);
        }
    }

    private void brTable(ByteReader in) {
        int count = in.u32Index();
        pop(1);
        emit(BR_TABLE, count);
        for (int i = 0; i <= count; i++) {
            Frame target = frames.get(frames.size() - 1 - in.u32Index());
            emitTarget(target);
            // the function's label needs no move: RETURN takes the top results wherever they are
            emit(target.kind == FUNCTION_KIND ? height - target.labelArity : target.labelHeight, target.labelArity);
        }
        markDead();
    }

    private void markDead() {
        unreachable = true;
        deadDepth = 0;
    }

    /** In unreachable code only the block structure matters; immediates are skipped. */
    private void skipDead(int op, ByteReader in) {
        switch (op) {
            case BLOCK, LOOP, IF -> {
                in.s33();
                deadDepth++;
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
            default -> Immediates.skip(op, in);
        }
    }

    private void push(int slots) {
        height += slots;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    private void pop(int slots) {
        height -= slots;
    }

    private void sourceMap(int wasmOffset) {
        if (sourceLength + 2 > sourceMap.length) {
            sourceMap = Arrays.copyOf(sourceMap, sourceMap.length * 2);
        }
        sourceMap[sourceLength++] = length;
        sourceMap[sourceLength++] = wasmOffset;
    }

    private void emitLong(int op, long value) {
        emit(op, (int) value, (int) (value >>> 32));
    }

    private void emit(int word) {
        if (length == code.length) {
            code = Arrays.copyOf(code, length * 2);
        }
        code[length++] = word;
    }

    private void emit(int a, int b) {
        emit(a);
        emit(b);
    }

    private void emit(int a, int b, int c) {
        emit(a);
        emit(b);
        emit(c);
    }

    private void emit(int a, int b, int c, int d) {
        emit(a, b);
        emit(c, d);
    }
}
