package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.Opcodes.*;
import static org.wasmvm.core.interp.NumericOps.bits;
import static org.wasmvm.core.interp.NumericOps.f32;
import static org.wasmvm.core.interp.NumericOps.f64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Value;
import org.wasmvm.core.WasmException;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.GlobalInstance;
import org.wasmvm.core.runtime.HostFunctionInstance;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.runtime.Trap;
import org.wasmvm.core.runtime.WasmFunction;

/**
 * Executes lowered code. Values live untagged in one {@code long[]} stack shared by all frames:
 * a frame's parameters and locals are its first slots, its operands follow, and a call's
 * arguments become the callee's first locals in place. Calls between wasm functions push an
 * explicit frame instead of recursing in Java, so the depth limit, not the Java stack, bounds
 * recursion. Nothing is allocated per executed instruction.
 */
public final class Interpreter {
    private static final int INITIAL_STACK = 1024;
    private static final int INITIAL_FRAMES = 64;
    private static final int MAX_TRACE_FRAMES = 64;

    private final StoreContext context;
    private final int baseDepth;
    private long[] stack = new long[INITIAL_STACK];
    private WasmFunction[] frameFunctions = new WasmFunction[INITIAL_FRAMES];
    private int[] frameReturnPcs = new int[INITIAL_FRAMES];
    private int[] frameFps = new int[INITIAL_FRAMES];
    private int depth;

    private Interpreter(StoreContext context) {
        this.context = context;
        this.baseDepth = context.callDepth;
    }

    /** Calls {@code function} from Java with raw argument slots; returns the raw result slots. */
    public static long[] invoke(FunctionInstance function, long[] args) {
        if (args.length != function.type().params().size()) {
            throw new IllegalArgumentException("expected " + function.type().params().size() + " arguments, got " + args.length);
        }
        if (function instanceof HostFunctionInstance host) {
            return callHost(host, null, args);
        }
        var wasm = (WasmFunction) function;
        StoreContext context = wasm.instance().context();
        int savedDepth = context.callDepth;
        context.startCall();
        try {
            return new Interpreter(context).run(wasm, args);
        } finally {
            context.callDepth = savedDepth;
        }
    }

    private static long[] callHost(HostFunctionInstance host, ModuleInstance caller, long[] args) {
        long[] results = host.function().call(caller == null ? null : caller.facade(), args);
        int expected = host.type().results().size();
        if (results == null) {
            results = new long[0];
        }
        if (results.length != expected) {
            throw new IllegalStateException("host function " + host.displayName() + " returned " + results.length
                    + " results, its type declares " + expected);
        }
        return results;
    }

    private long[] run(WasmFunction entry, long[] args) {
        CompiledFunction compiled = entry.code();
        ensureStack(compiled.maxHeight());
        System.arraycopy(args, 0, stack, 0, args.length);
        WasmFunction[] current = {entry};
        int[] currentPc = {0};
        try {
            int sp = execute(current, currentPc);
            return Arrays.copyOfRange(stack, sp - entry.type().results().size(), sp);
        } catch (Trap trap) {
            throw new WasmTrap(trap.kind(), trap.detail(), stackTrace(current[0], currentPc[0]), null);
        } catch (StackOverflowError e) {
            throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED, "the Java stack overflowed (host and wasm calls nested too deeply)",
                    stackTrace(current[0], currentPc[0]), null);
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WasmTrap(TrapKind.HOST_ERROR, e.toString(), stackTrace(current[0], currentPc[0]), e);
        }
    }

    /** The wasm frames, innermost first; a runaway recursion is cut to its innermost frames. */
    private List<String> stackTrace(WasmFunction function, int pc) {
        List<String> frames = new ArrayList<>();
        frames.add(frameName(function, pc - 1));
        for (int i = depth - 1; i >= 0; i--) {
            if (frames.size() == MAX_TRACE_FRAMES) {
                frames.add("... " + (i + 1) + " more frames");
                break;
            }
            frames.add(frameName(frameFunctions[i], frameReturnPcs[i] - 1));
        }
        return frames;
    }

    private static String frameName(WasmFunction function, int pc) {
        int offset = function.code().sourceOffset(Math.max(pc, 0));
        return function.displayName() + (offset >= 0 ? " @ 0x" + Integer.toHexString(offset) : "");
    }

    private void ensureStack(int needed) {
        if (needed > stack.length) {
            stack = Arrays.copyOf(stack, Math.max(needed, stack.length * 2));
        }
    }

    private void pushFrame(WasmFunction caller, int returnPc, int fp) {
        if (baseDepth + depth + 1 >= context.limits().maxCallDepth()) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        if (depth == frameFunctions.length) {
            int size = depth * 2;
            frameFunctions = Arrays.copyOf(frameFunctions, size);
            frameReturnPcs = Arrays.copyOf(frameReturnPcs, size);
            frameFps = Arrays.copyOf(frameFps, size);
        }
        frameFunctions[depth] = caller;
        frameReturnPcs[depth] = returnPc;
        frameFps[depth] = fp;
        depth++;
    }

    /** Calls a host function with the top argument slots; returns the new stack pointer. */
    private int callHost(HostFunctionInstance host, ModuleInstance caller, int sp) {
        int paramCount = host.type().params().size();
        long[] args = Arrays.copyOfRange(stack, sp - paramCount, sp);
        sp -= paramCount;
        context.callDepth = baseDepth + depth + 1;
        long[] results = callHost(host, caller, args);
        ensureStack(sp + results.length);
        System.arraycopy(results, 0, stack, sp, results.length);
        return sp + results.length;
    }

    /**
     * The dispatch loop. {@code current[0]} and {@code pc[0]} are written back only when leaving
     * through a call, return or trap, so a trap can name the function and instruction.
     */
    @SuppressWarnings("checkstyle:MethodLength")
    private int execute(WasmFunction[] current, int[] pcOut) {
        WasmFunction function = current[0];
        CompiledFunction compiled = function.code();
        int[] code = compiled.code();
        ModuleInstance instance = function.instance();
        LinearMemory[] memories = instance.memories;
        GlobalInstance[] globals = instance.globals;
        long[] stack = this.stack;
        int fp = 0;
        int sp = compiled.localCount();
        Arrays.fill(stack, compiled.paramCount(), sp, 0L);
        int pc = 0;
        int budget = 0;
        try {
            budget = context.nextSlice();
            while (true) {
                int op = code[pc++];
                switch (op) {
                    case UNREACHABLE -> throw new Trap(TrapKind.UNREACHABLE);
                    case BR -> pc = code[pc];
                    case BR_IF -> pc = (int) stack[--sp] != 0 ? code[pc] : pc + 1;
                    case Op.BR_LOOP -> {
                        if (--budget == 0) {
                            budget = context.nextSlice();
                        }
                        pc = code[pc];
                    }
                    case Op.BR_IF_LOOP -> {
                        if ((int) stack[--sp] != 0) {
                            if (--budget == 0) {
                                budget = context.nextSlice();
                            }
                            pc = code[pc];
                        } else {
                            pc++;
                        }
                    }
                    case IF -> pc = (int) stack[--sp] == 0 ? code[pc] : pc + 1;
                    case Op.BR_UNWIND, Op.BR_IF_UNWIND, BR_TABLE -> {
                        int entry = pc;
                        if (op == BR_TABLE) {
                            int count = code[pc];
                            int index = (int) stack[--sp];
                            entry = pc + 1 + 3 * (Integer.compareUnsigned(index, count) < 0 ? index : count);
                        } else if (op == Op.BR_IF_UNWIND && (int) stack[--sp] == 0) {
                            pc += 3;
                            continue;
                        }
                        sp = unwind(stack, sp, fp + code[entry + 1], code[entry + 2]);
                        if (code[entry] < pc && --budget == 0) {
                            budget = context.nextSlice();
                        }
                        pc = code[entry];
                    }
                    case RETURN -> {
                        int results = compiled.resultCount();
                        System.arraycopy(stack, sp - results, stack, fp, results);
                        sp = fp + results;
                        if (depth == 0) {
                            return sp;
                        }
                        depth--;
                        function = frameFunctions[depth];
                        frameFunctions[depth] = null;
                        pc = frameReturnPcs[depth];
                        fp = frameFps[depth];
                        compiled = function.code();
                        code = compiled.code();
                        instance = function.instance();
                        memories = instance.memories;
                        globals = instance.globals;
                    }
                    case CALL, CALL_INDIRECT -> {
                        FunctionInstance callee;
                        if (op == CALL) {
                            callee = instance.functions[code[pc]];
                            pc++;
                        } else {
                            callee = indirectCallee(instance, code[pc], code[pc + 1], stack[--sp]);
                            pc += 2;
                        }
                        if (callee instanceof WasmFunction wasm) {
                            current[0] = function;
                            pcOut[0] = pc;
                            pushFrame(function, pc, fp);
                            if (--budget == 0) {
                                budget = context.nextSlice();
                            }
                            function = wasm;
                            compiled = wasm.code();
                            fp = sp - compiled.paramCount();
                            if (fp + compiled.maxHeight() > stack.length) {
                                ensureStack(fp + compiled.maxHeight());
                                stack = this.stack;
                            }
                            sp = fp + compiled.localCount();
                            Arrays.fill(stack, fp + compiled.paramCount(), sp, 0L);
                            code = compiled.code();
                            instance = wasm.instance();
                            memories = instance.memories;
                            globals = instance.globals;
                            pc = 0;
                        } else {
                            current[0] = function;
                            pcOut[0] = pc;
                            sp = callHost((HostFunctionInstance) callee, instance, sp);
                            stack = this.stack;
                        }
                    }
                    case DROP -> sp--;
                    case SELECT -> {
                        sp -= 2;
                        if ((int) stack[sp + 1] == 0) {
                            stack[sp - 1] = stack[sp];
                        }
                    }
                    case LOCAL_GET -> stack[sp++] = stack[fp + code[pc++]];
                    case LOCAL_SET -> stack[fp + code[pc++]] = stack[--sp];
                    case LOCAL_TEE -> stack[fp + code[pc++]] = stack[sp - 1];
                    case GLOBAL_GET -> stack[sp++] = globals[code[pc++]].value;
                    case GLOBAL_SET -> globals[code[pc++]].value = stack[--sp];
                    case TABLE_GET -> {
                        stack[sp - 1] = BulkOps.tableGet(instance.tables[code[pc++] & ~Op.INDEX_64], stack[sp - 1]);
                    }
                    case TABLE_SET -> {
                        sp -= 2;
                        BulkOps.tableSet(instance.tables[code[pc++] & ~Op.INDEX_64], stack[sp], stack[sp + 1]);
                    }
                    case I32_LOAD -> {
                        stack[sp - 1] = memory(memories, code, pc).load32(address(stack[sp - 1], code, pc));
                        pc += 3;
                    }
                    case I64_LOAD, F64_LOAD -> {
                        stack[sp - 1] = memory(memories, code, pc).load64(address(stack[sp - 1], code, pc));
                        pc += 3;
                    }
                    case F32_LOAD -> {
                        stack[sp - 1] = memory(memories, code, pc).load32(address(stack[sp - 1], code, pc));
                        pc += 3;
                    }
                    case I32_LOAD8_S, I64_LOAD8_S -> {
                        stack[sp - 1] = memory(memories, code, pc).load8(address(stack[sp - 1], code, pc));
                        pc += 3;
                    }
                    case I32_LOAD8_U, I64_LOAD8_U -> {
                        stack[sp - 1] = memory(memories, code, pc).load8(address(stack[sp - 1], code, pc)) & 0xFF;
                        pc += 3;
                    }
                    case I32_LOAD16_S, I64_LOAD16_S -> {
                        stack[sp - 1] = memory(memories, code, pc).load16(address(stack[sp - 1], code, pc));
                        pc += 3;
                    }
                    case I32_LOAD16_U, I64_LOAD16_U -> {
                        stack[sp - 1] = memory(memories, code, pc).load16(address(stack[sp - 1], code, pc)) & 0xFFFF;
                        pc += 3;
                    }
                    case I64_LOAD32_S -> {
                        stack[sp - 1] = memory(memories, code, pc).load32(address(stack[sp - 1], code, pc));
                        pc += 3;
                    }
                    case I64_LOAD32_U -> {
                        stack[sp - 1] = memory(memories, code, pc).load32(address(stack[sp - 1], code, pc)) & 0xFFFFFFFFL;
                        pc += 3;
                    }
                    case I32_STORE, F32_STORE, I64_STORE32 -> {
                        sp -= 2;
                        memory(memories, code, pc).store32(address(stack[sp], code, pc), (int) stack[sp + 1]);
                        pc += 3;
                    }
                    case I64_STORE, F64_STORE -> {
                        sp -= 2;
                        memory(memories, code, pc).store64(address(stack[sp], code, pc), stack[sp + 1]);
                        pc += 3;
                    }
                    case I32_STORE8, I64_STORE8 -> {
                        sp -= 2;
                        memory(memories, code, pc).store8(address(stack[sp], code, pc), (byte) stack[sp + 1]);
                        pc += 3;
                    }
                    case I32_STORE16, I64_STORE16 -> {
                        sp -= 2;
                        memory(memories, code, pc).store16(address(stack[sp], code, pc), (short) stack[sp + 1]);
                        pc += 3;
                    }
                    case MEMORY_SIZE -> {
                        LinearMemory mem = memories[code[pc++]];
                        stack[sp++] = mem.type().is64() ? mem.pages() : (int) mem.pages();
                    }
                    case MEMORY_GROW -> stack[sp - 1] = BulkOps.memoryGrow(memories[code[pc++]], stack[sp - 1]);
                    case I32_CONST, F32_CONST -> stack[sp++] = code[pc++];
                    case I64_CONST, F64_CONST -> {
                        stack[sp++] = (code[pc] & 0xFFFFFFFFL) | ((long) code[pc + 1] << 32);
                        pc += 2;
                    }
                    case I32_EQZ -> stack[sp - 1] = (int) stack[sp - 1] == 0 ? 1 : 0;
                    case I32_EQ -> stack[sp - 2] = (int) stack[sp - 2] == (int) stack[--sp] ? 1 : 0;
                    case I32_NE -> stack[sp - 2] = (int) stack[sp - 2] != (int) stack[--sp] ? 1 : 0;
                    case I32_LT_S -> stack[sp - 2] = (int) stack[sp - 2] < (int) stack[--sp] ? 1 : 0;
                    case I32_LT_U -> stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[--sp]) < 0 ? 1 : 0;
                    case I32_GT_S -> stack[sp - 2] = (int) stack[sp - 2] > (int) stack[--sp] ? 1 : 0;
                    case I32_GT_U -> stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[--sp]) > 0 ? 1 : 0;
                    case I32_LE_S -> stack[sp - 2] = (int) stack[sp - 2] <= (int) stack[--sp] ? 1 : 0;
                    case I32_LE_U -> stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[--sp]) <= 0 ? 1 : 0;
                    case I32_GE_S -> stack[sp - 2] = (int) stack[sp - 2] >= (int) stack[--sp] ? 1 : 0;
                    case I32_GE_U -> stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[--sp]) >= 0 ? 1 : 0;
                    case I64_EQZ -> stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0;
                    case I64_EQ -> stack[sp - 2] = stack[sp - 2] == stack[--sp] ? 1 : 0;
                    case I64_NE -> stack[sp - 2] = stack[sp - 2] != stack[--sp] ? 1 : 0;
                    case I64_LT_S -> stack[sp - 2] = stack[sp - 2] < stack[--sp] ? 1 : 0;
                    case I64_LT_U -> stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[--sp]) < 0 ? 1 : 0;
                    case I64_GT_S -> stack[sp - 2] = stack[sp - 2] > stack[--sp] ? 1 : 0;
                    case I64_GT_U -> stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[--sp]) > 0 ? 1 : 0;
                    case I64_LE_S -> stack[sp - 2] = stack[sp - 2] <= stack[--sp] ? 1 : 0;
                    case I64_LE_U -> stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[--sp]) <= 0 ? 1 : 0;
                    case I64_GE_S -> stack[sp - 2] = stack[sp - 2] >= stack[--sp] ? 1 : 0;
                    case I64_GE_U -> stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[--sp]) >= 0 ? 1 : 0;
                    case F32_EQ -> stack[sp - 2] = f32(stack[sp - 2]) == f32(stack[--sp]) ? 1 : 0;
                    case F32_NE -> stack[sp - 2] = f32(stack[sp - 2]) != f32(stack[--sp]) ? 1 : 0;
                    case F32_LT -> stack[sp - 2] = f32(stack[sp - 2]) < f32(stack[--sp]) ? 1 : 0;
                    case F32_GT -> stack[sp - 2] = f32(stack[sp - 2]) > f32(stack[--sp]) ? 1 : 0;
                    case F32_LE -> stack[sp - 2] = f32(stack[sp - 2]) <= f32(stack[--sp]) ? 1 : 0;
                    case F32_GE -> stack[sp - 2] = f32(stack[sp - 2]) >= f32(stack[--sp]) ? 1 : 0;
                    case F64_EQ -> stack[sp - 2] = f64(stack[sp - 2]) == f64(stack[--sp]) ? 1 : 0;
                    case F64_NE -> stack[sp - 2] = f64(stack[sp - 2]) != f64(stack[--sp]) ? 1 : 0;
                    case F64_LT -> stack[sp - 2] = f64(stack[sp - 2]) < f64(stack[--sp]) ? 1 : 0;
                    case F64_GT -> stack[sp - 2] = f64(stack[sp - 2]) > f64(stack[--sp]) ? 1 : 0;
                    case F64_LE -> stack[sp - 2] = f64(stack[sp - 2]) <= f64(stack[--sp]) ? 1 : 0;
                    case F64_GE -> stack[sp - 2] = f64(stack[sp - 2]) >= f64(stack[--sp]) ? 1 : 0;
                    case I32_CLZ -> stack[sp - 1] = Integer.numberOfLeadingZeros((int) stack[sp - 1]);
                    case I32_CTZ -> stack[sp - 1] = Integer.numberOfTrailingZeros((int) stack[sp - 1]);
                    case I32_POPCNT -> stack[sp - 1] = Integer.bitCount((int) stack[sp - 1]);
                    case I32_ADD -> stack[sp - 2] = (int) stack[sp - 2] + (int) stack[--sp];
                    case I32_SUB -> stack[sp - 2] = (int) stack[sp - 2] - (int) stack[--sp];
                    case I32_MUL -> stack[sp - 2] = (int) stack[sp - 2] * (int) stack[--sp];
                    case I32_DIV_S -> stack[sp - 2] = NumericOps.i32DivS((int) stack[sp - 2], (int) stack[--sp]);
                    case I32_DIV_U -> stack[sp - 2] = NumericOps.i32DivU((int) stack[sp - 2], (int) stack[--sp]);
                    case I32_REM_S -> stack[sp - 2] = NumericOps.i32RemS((int) stack[sp - 2], (int) stack[--sp]);
                    case I32_REM_U -> stack[sp - 2] = NumericOps.i32RemU((int) stack[sp - 2], (int) stack[--sp]);
                    case I32_AND -> stack[sp - 2] = (int) stack[sp - 2] & (int) stack[--sp];
                    case I32_OR -> stack[sp - 2] = (int) stack[sp - 2] | (int) stack[--sp];
                    case I32_XOR -> stack[sp - 2] = (int) stack[sp - 2] ^ (int) stack[--sp];
                    case I32_SHL -> stack[sp - 2] = (int) stack[sp - 2] << (int) stack[--sp];
                    case I32_SHR_S -> stack[sp - 2] = (int) stack[sp - 2] >> (int) stack[--sp];
                    case I32_SHR_U -> stack[sp - 2] = (int) stack[sp - 2] >>> (int) stack[--sp];
                    case I32_ROTL -> stack[sp - 2] = Integer.rotateLeft((int) stack[sp - 2], (int) stack[--sp]);
                    case I32_ROTR -> stack[sp - 2] = Integer.rotateRight((int) stack[sp - 2], (int) stack[--sp]);
                    case I64_CLZ -> stack[sp - 1] = Long.numberOfLeadingZeros(stack[sp - 1]);
                    case I64_CTZ -> stack[sp - 1] = Long.numberOfTrailingZeros(stack[sp - 1]);
                    case I64_POPCNT -> stack[sp - 1] = Long.bitCount(stack[sp - 1]);
                    case I64_ADD -> stack[sp - 2] = stack[sp - 2] + stack[--sp];
                    case I64_SUB -> stack[sp - 2] = stack[sp - 2] - stack[--sp];
                    case I64_MUL -> stack[sp - 2] = stack[sp - 2] * stack[--sp];
                    case I64_DIV_S -> stack[sp - 2] = NumericOps.i64DivS(stack[sp - 2], stack[--sp]);
                    case I64_DIV_U -> stack[sp - 2] = NumericOps.i64DivU(stack[sp - 2], stack[--sp]);
                    case I64_REM_S -> stack[sp - 2] = NumericOps.i64RemS(stack[sp - 2], stack[--sp]);
                    case I64_REM_U -> stack[sp - 2] = NumericOps.i64RemU(stack[sp - 2], stack[--sp]);
                    case I64_AND -> stack[sp - 2] = stack[sp - 2] & stack[--sp];
                    case I64_OR -> stack[sp - 2] = stack[sp - 2] | stack[--sp];
                    case I64_XOR -> stack[sp - 2] = stack[sp - 2] ^ stack[--sp];
                    case I64_SHL -> stack[sp - 2] = stack[sp - 2] << stack[--sp];
                    case I64_SHR_S -> stack[sp - 2] = stack[sp - 2] >> stack[--sp];
                    case I64_SHR_U -> stack[sp - 2] = stack[sp - 2] >>> stack[--sp];
                    case I64_ROTL -> stack[sp - 2] = Long.rotateLeft(stack[sp - 2], (int) stack[--sp]);
                    case I64_ROTR -> stack[sp - 2] = Long.rotateRight(stack[sp - 2], (int) stack[--sp]);
                    case F32_ABS -> stack[sp - 1] = stack[sp - 1] & 0x7FFF_FFFFL;
                    case F32_NEG -> stack[sp - 1] = (stack[sp - 1] ^ 0x8000_0000L) & 0xFFFF_FFFFL;
                    case F32_CEIL, F32_FLOOR, F32_TRUNC, F32_NEAREST, F32_SQRT -> stack[sp - 1] = NumericOps.f32Unary(op, stack[sp - 1]);
                    case F32_ADD -> stack[sp - 2] = bits(f32(stack[sp - 2]) + f32(stack[--sp]));
                    case F32_SUB -> stack[sp - 2] = bits(f32(stack[sp - 2]) - f32(stack[--sp]));
                    case F32_MUL -> stack[sp - 2] = bits(f32(stack[sp - 2]) * f32(stack[--sp]));
                    case F32_DIV -> stack[sp - 2] = bits(f32(stack[sp - 2]) / f32(stack[--sp]));
                    case F32_MIN -> stack[sp - 2] = NumericOps.f32Min(stack[sp - 2], stack[--sp]);
                    case F32_MAX -> stack[sp - 2] = NumericOps.f32Max(stack[sp - 2], stack[--sp]);
                    case F32_COPYSIGN -> stack[sp - 2] = (stack[sp - 2] & 0x7FFF_FFFFL) | (stack[--sp] & 0x8000_0000L);
                    case F64_ABS -> stack[sp - 1] = stack[sp - 1] & Long.MAX_VALUE;
                    case F64_NEG -> stack[sp - 1] = stack[sp - 1] ^ Long.MIN_VALUE;
                    case F64_CEIL, F64_FLOOR, F64_TRUNC, F64_NEAREST, F64_SQRT -> stack[sp - 1] = NumericOps.f64Unary(op, stack[sp - 1]);
                    case F64_ADD -> stack[sp - 2] = bits(f64(stack[sp - 2]) + f64(stack[--sp]));
                    case F64_SUB -> stack[sp - 2] = bits(f64(stack[sp - 2]) - f64(stack[--sp]));
                    case F64_MUL -> stack[sp - 2] = bits(f64(stack[sp - 2]) * f64(stack[--sp]));
                    case F64_DIV -> stack[sp - 2] = bits(f64(stack[sp - 2]) / f64(stack[--sp]));
                    case F64_MIN -> stack[sp - 2] = NumericOps.f64Min(stack[sp - 2], stack[--sp]);
                    case F64_MAX -> stack[sp - 2] = NumericOps.f64Max(stack[sp - 2], stack[--sp]);
                    case F64_COPYSIGN -> stack[sp - 2] = (stack[sp - 2] & Long.MAX_VALUE) | (stack[--sp] & Long.MIN_VALUE);
                    case I32_WRAP_I64 -> stack[sp - 1] = (int) stack[sp - 1];
                    case I32_TRUNC_F32_S, I32_TRUNC_F32_U, I32_TRUNC_F64_S, I32_TRUNC_F64_U, I64_TRUNC_F32_S, I64_TRUNC_F32_U,
                            I64_TRUNC_F64_S, I64_TRUNC_F64_U -> stack[sp - 1] = NumericOps.truncate(op, stack[sp - 1]);
                    case I64_EXTEND_I32_S -> stack[sp - 1] = (int) stack[sp - 1];
                    case I64_EXTEND_I32_U -> stack[sp - 1] = stack[sp - 1] & 0xFFFFFFFFL;
                    case F32_CONVERT_I32_S -> stack[sp - 1] = bits((float) (int) stack[sp - 1]);
                    case F32_CONVERT_I32_U -> stack[sp - 1] = bits((float) (stack[sp - 1] & 0xFFFFFFFFL));
                    case F32_CONVERT_I64_S -> stack[sp - 1] = bits((float) stack[sp - 1]);
                    case F32_CONVERT_I64_U -> stack[sp - 1] = bits(NumericOps.u64ToF32(stack[sp - 1]));
                    case F32_DEMOTE_F64 -> stack[sp - 1] = bits((float) f64(stack[sp - 1]));
                    case F64_CONVERT_I32_S -> stack[sp - 1] = bits((double) (int) stack[sp - 1]);
                    case F64_CONVERT_I32_U -> stack[sp - 1] = bits((double) (stack[sp - 1] & 0xFFFFFFFFL));
                    case F64_CONVERT_I64_S -> stack[sp - 1] = bits((double) stack[sp - 1]);
                    case F64_CONVERT_I64_U -> stack[sp - 1] = bits(NumericOps.u64ToF64(stack[sp - 1]));
                    case F64_PROMOTE_F32 -> stack[sp - 1] = bits((double) f32(stack[sp - 1]));
                    case I32_REINTERPRET_F32, F32_REINTERPRET_I32, I64_REINTERPRET_F64, F64_REINTERPRET_I64 -> {
                        // raw bits already: nothing to do
                    }
                    case I32_EXTEND8_S -> stack[sp - 1] = (byte) stack[sp - 1];
                    case I32_EXTEND16_S -> stack[sp - 1] = (short) stack[sp - 1];
                    case I64_EXTEND8_S -> stack[sp - 1] = (byte) stack[sp - 1];
                    case I64_EXTEND16_S -> stack[sp - 1] = (short) stack[sp - 1];
                    case I64_EXTEND32_S -> stack[sp - 1] = (int) stack[sp - 1];
                    case REF_NULL -> stack[sp++] = Value.NULL_REF;
                    case REF_IS_NULL -> stack[sp - 1] = stack[sp - 1] == Value.NULL_REF ? 1 : 0;
                    case REF_FUNC -> stack[sp++] = instance.functions[code[pc++]].handle();
                    default -> {
                        current[0] = function;
                        pcOut[0] = pc;
                        sp = executeMisc(op, code, pc, instance, sp);
                        pc += miscImmediateCount(op);
                    }
                }
            }
        } finally {
            current[0] = function;
            pcOut[0] = pc;
            context.returnSlice(budget);
        }
    }

    /** Moves the top {@code arity} slots down to {@code base}; returns the new stack pointer. */
    private static int unwind(long[] stack, int sp, int base, int arity) {
        if (arity > 0 && base != sp - arity) {
            System.arraycopy(stack, sp - arity, stack, base, arity);
        }
        return base + arity;
    }

    private static LinearMemory memory(LinearMemory[] memories, int[] code, int pc) {
        return memories[code[pc] & ~Op.INDEX_64];
    }

    /**
     * The effective address of a memory access: base + offset, unsigned. A 32-bit memory's sum
     * cannot overflow; a 64-bit one's may, and an address past 2^64 is out of bounds (returned as
     * -1, which every bounds check rejects).
     */
    private static long address(long base, int[] code, int pc) {
        long offset = (code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32);
        if (code[pc] >= 0) {
            return (base & 0xFFFFFFFFL) + offset;
        }
        long address = base + offset;
        return Long.compareUnsigned(address, base) < 0 ? -1 : address;
    }

    private FunctionInstance indirectCallee(ModuleInstance instance, int typeIndex, int table, long index) {
        long handle = BulkOps.indirectTarget(instance.tables[table & ~Op.INDEX_64], index);
        FunctionInstance callee = context.function(handle);
        if (callee.typeId() != instance.module().code().typeId(typeIndex)) {
            throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return callee;
    }

    private static int miscImmediateCount(int op) {
        return switch (op - Op.FC_BASE) {
            case 8, 10, 12, 14 -> 2;
            case 9, 11, 13, 15, 16, 17 -> 1;
            default -> 0;
        };
    }

    /** The 0xFC family: saturating truncation, bulk memory and table instructions. Returns the new sp. */
    private int executeMisc(int op, int[] code, int pc, ModuleInstance instance, int sp) {
        long[] s = stack;
        int sub = op - Op.FC_BASE;
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> s[sp - 1] = NumericOps.truncateSaturating(sub, s[sp - 1]);
            case 8 -> {
                sp -= 3;
                BulkOps.memoryInit(instance, code[pc], code[pc + 1], s[sp], s[sp + 1], s[sp + 2]);
            }
            case 9 -> instance.datas[code[pc]] = new byte[0];
            case 10 -> {
                sp -= 3;
                BulkOps.memoryCopy(instance, code[pc], code[pc + 1], s[sp], s[sp + 1], s[sp + 2]);
            }
            case 11 -> {
                sp -= 3;
                BulkOps.memoryFill(instance, code[pc], s[sp], s[sp + 1], s[sp + 2]);
            }
            case 12 -> {
                sp -= 3;
                BulkOps.tableInit(instance, code[pc], code[pc + 1], s[sp], s[sp + 1], s[sp + 2]);
            }
            case 13 -> instance.elements[code[pc]] = new long[0];
            case 14 -> {
                sp -= 3;
                BulkOps.tableCopy(instance, code[pc], code[pc + 1], s[sp], s[sp + 1], s[sp + 2]);
            }
            case 15 -> {
                sp--;
                s[sp - 1] = BulkOps.tableGrow(instance.tables[code[pc]], s[sp - 1], s[sp]);
            }
            case 16 -> {
                long size = BulkOps.tableSize(instance.tables[code[pc]]);
                s[sp++] = instance.tables[code[pc]].type().limits().is64() ? size : (int) size;
            }
            case 17 -> {
                sp -= 3;
                BulkOps.tableFill(instance.tables[code[pc]], s[sp], s[sp + 1], s[sp + 2]);
            }
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(op));
        }
        return sp;
    }
}
