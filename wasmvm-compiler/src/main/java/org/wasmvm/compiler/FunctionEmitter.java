package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.interp.Immediates;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.tier.JvmTypes;

/**
 * Translates one validated function body into the body of a static JVM method
 * {@code (params…, ModuleInstance) → result} in a single pass. The wasm operand stack is the JVM
 * operand stack; wasm locals are JVM locals; structured control flow becomes labels and jumps
 * (a branch that leaves values behind spills the ones it carries, pops the rest, and reloads them).
 *
 * <p>What the interpreter counts, this code counts the same way (DESIGN §5): the call depth (passed
 * from call to call as the {@code depthLeft} parameter) and, in stores with a fuel limit, one budget
 * unit per call and per loop back-edge, so fuel runs out at the same instruction on both tiers.
 * Without a fuel limit nothing is counted across calls; timeouts and {@code interrupt()} raise a
 * flag that calls poll and loops check every slice of iterations. Before each instruction that can
 * trap, its byte offset goes into a local; the function's one exception handler adds this frame with
 * that offset to the trap, so the wasm stack trace costs nothing until a trap happens.
 */
final class FunctionEmitter {
    static final String INSTANCE = "org/wasmvm/core/runtime/ModuleInstance";
    static final String CONTEXT = "org/wasmvm/core/runtime/StoreContext";
    private static final String SUPPORT = "org/wasmvm/core/tier/CompiledSupport";
    private static final String MEMORY = "org/wasmvm/core/runtime/LinearMemory";
    private static final String GLOBAL = "org/wasmvm/core/runtime/GlobalInstance";
    private static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";
    static final String REGION_DESCRIPTOR = "([JIL" + INSTANCE + ";)I";
    private static final Handle CALL_DIRECT = new Handle(H_INVOKESTATIC, SUPPORT, "callDirect",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;", false);
    private static final Handle CALL_THROUGH = new Handle(H_INVOKESTATIC, SUPPORT, "callThrough",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);

    /** OUTER_KIND: in a region method, a control frame of the code around the region (a branch to it leaves the method). */
    /** Above this many entries a {@code br_table} with few distinct targets switches through a map. */
    private static final int LARGE_TABLE = 64;
    private static final int BLOCK_KIND = 0, LOOP_KIND = 1, IF_KIND = 2, FUNCTION_KIND = 3, OUTER_KIND = 4;
    /** The site value while a region method runs: its trap has this frame already. */
    private static final int IN_REGION = Integer.MIN_VALUE;

    /** A control frame: its label, what a branch to it carries, and the stack height below its parameters. */
    private static final class Control {
        final int kind;
        final FuncType type;
        final int height;
        final Label label;
        final Label elseLabel;
        final boolean live;
        boolean targeted;
        boolean sawElse;
        /** For a block or loop: where its code starts (to measure it) and its opcode's byte offset. */
        Label measureStart;
        int offset = -1;

        Control(int kind, FuncType type, int height, Label label, Label elseLabel, boolean live) {
            this.kind = kind;
            this.type = type;
            this.height = height;
            this.label = label;
            this.elseLabel = elseLabel;
            this.live = live;
        }

        List<ValType> branchTypes() {
            return kind == LOOP_KIND ? type.params() : type.results();
        }
    }

    /** A loop header where on-stack replacement can enter, with the wasm operand types there (bottom first). */
    private record OsrEntry(int loop, Label header, List<ValType> stack) {
    }

    private final WasmModule module;
    private final IndexSpaces spaces;
    private final int functionIndex;
    private final FuncType type;
    private final FunctionBody body;
    private final MethodVisitor mv;
    private final JvmFrame frame;
    private final OperandTypes types = new OperandTypes();
    private final NumericEmitter numeric;
    private final MemoryEmitter memory;
    private final List<Control> controls = new ArrayList<>();
    private final int[] localSlots;
    private final ValType[] localTypes;
    private final int instanceSlot;
    private final int contextSlot;
    private final int depthSlot;
    private final int ticksSlot;
    /**
     * Whether the budget is counted in a local: that pays for a function whose loops make no calls
     * (a compute loop then counts in a register). Every other function counts in the store's field,
     * and so has nothing to hand to its callees and take back.
     */
    private final boolean localTicks;
    private final Map<Integer, Integer> globalSlots = new HashMap<>();
    /** The offset of the instruction running that may trap (complemented for a call), for the handler. */
    private final int siteSlot;
    /** -1 for a plain entry; else the slot of operand height 0 in the interpreter frames this method continues. */
    private final int osrOperandBase;
    /**
     * Whether fuel is counted exactly, as the interpreter counts it (stores with a fuel limit).
     * Otherwise nothing is counted across calls: a call polls {@code StoreContext.stop} (raised by
     * an interrupt or a timeout's alarm) and a loop checks it and the clock every slice of iterations.
     */
    private final boolean metered;
    private final SplitPlan plan;
    /** Non-null when this emitter writes the method of an outlined block or loop. */
    private final SplitPlan.Region region;
    private final String methodName;
    /** The {@code long[]} that carries locals and values to and from region methods, or -1. */
    private final int frameArraySlot;
    private final int frameArrayLength;
    /** In a region method: the locals its code uses, loaded from and stored back to the frame array. */
    private int[] regionLocals = new int[0];
    /** The generated class, whose {@code invoke} a recursive call calls directly. */
    private final String className;
    private final List<OsrEntry> osrEntries = new ArrayList<>();
    private int loopCount;
    private boolean reachable = true;
    /** The jump opcode of a comparison whose result the next br_if or if consumes directly, else -1. */
    private int pendingJump = -1;

    /**
     * An emitter of the method {@code (params…, ModuleInstance)} when {@code osrOperandBase} is -1;
     * else of {@code (long[] slots, int fp, int loop, ModuleInstance)}, which continues the
     * interpreter frame at {@code fp} at the header of loop {@code loop}.
     */
    FunctionEmitter(WasmModule module, IndexSpaces spaces, int functionIndex, FunctionBody body, MethodVisitor mv,
            String className, int osrOperandBase, boolean metered, SplitPlan plan, SplitPlan.Region region) {
        this.module = module;
        this.spaces = spaces;
        this.functionIndex = functionIndex;
        this.type = spaces.functionType(functionIndex);
        this.body = body;
        this.mv = mv;
        this.osrOperandBase = osrOperandBase;
        this.className = className;
        this.metered = metered;
        this.plan = plan;
        this.region = region;
        this.methodName = region != null ? region.methodName() : osrOperandBase >= 0 ? "osrInvoke" : "invoke";
        List<ValType> params = type.params();
        localTypes = new ValType[params.size() + body.locals().length];
        localSlots = new int[localTypes.length];
        for (int i = 0; i < localTypes.length; i++) {
            localTypes[i] = i < params.size() ? params.get(i) : body.locals()[i - params.size()];
        }
        int slot = 0;
        if (region != null) {
            depthSlot = 1;
            instanceSlot = 2;
            slot = 3;
        } else if (osrOperandBase < 0) {
            for (int i = 0; i < params.size(); i++) {
                localSlots[i] = slot;
                slot += JvmFrame.size(params.get(i));
            }
            depthSlot = slot++;
            instanceSlot = slot++;
        } else {
            depthSlot = 4;
            instanceSlot = 3;
            slot = 5;
        }
        frame = new JvmFrame(mv, slot);
        for (int i = osrOperandBase < 0 && region == null ? params.size() : 0; i < localTypes.length; i++) {
            localSlots[i] = frame.allocate(localTypes[i]);
        }
        frameArraySlot = region != null ? 0 : plan.splits() ? frame.allocateReference() : -1;
        int arity = 1;
        for (FuncType t : module.types()) {
            arity = Math.max(arity, Math.max(t.params().size(), t.results().size()));
        }
        frameArrayLength = localTypes.length + arity;
        contextSlot = frame.allocateReference();
        siteSlot = frame.allocate(ValType.I32);
        ticksSlot = frame.allocate(ValType.I32);
        localTicks = !metered || loopsWithoutCalls(body);
        numeric = new NumericEmitter(mv, types);
        memory = new MemoryEmitter(mv, types, frame, spaces, instanceSlot);
    }

    /** Emits the whole method; returns its bytecode size. */
    int emit() {
        mv.visitCode();
        Label prologue = new Label();
        Label start = new Label();
        Label bodyEnd = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, bodyEnd, handler, "java/lang/Throwable");
        mv.visitJumpInsn(GOTO, prologue);
        mv.visitLabel(start);
        var in = new ByteReader(body.code(), body.offset(), body.length());
        int outer = 0;
        if (region == null) {
            controls.add(new Control(FUNCTION_KIND, type, 0, new Label(), null, true));
        } else {
            for (int i = region.outer().size() - 1; i >= 0; i--) {
                controls.add(new Control(OUTER_KIND, FuncType.of(List.of(), region.outer().get(i)), 0, null, null, true));
            }
            outer = controls.size();
            regionLocals = RegionScan.locals(body, region.offset());
            in.position(region.offset());
            types.pushAll(region.type().params());
        }
        do { // a region's first instruction opens its own block
            int offset = in.position();
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            instruction(op, offset, in);
        } while (controls.size() > outer);
        if (region != null && reachable) {
            regionExit(0, region.type().results());
        }
        mv.visitLabel(bodyEnd);
        emitHandler(handler);
        mv.visitLabel(prologue);
        emitPrologue();
        if (region != null) {
            List<ValType> params = region.type().params();
            for (int j = 0; j < params.size(); j++) {
                loadCarried(j, params.get(j));
            }
            mv.visitJumpInsn(GOTO, start);
        } else if (osrOperandBase < 0) {
            mv.visitJumpInsn(GOTO, start);
        } else {
            emitOsrEntries();
        }
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return end.getOffset();
    }

    private void instruction(int op, int offset, ByteReader in) {
        switch (op) {
            case UNREACHABLE -> {
                if (reachable) {
                    trapping(offset, () -> {
                        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "unreachable", "()Lorg/wasmvm/core/runtime/Trap;", false);
                        mv.visitInsn(ATHROW);
                    });
                    markDead();
                }
            }
            case org.wasmvm.core.binary.Opcodes.NOP -> {
            }
            case BLOCK, LOOP, IF -> {
                if (op != IF && reachable && plan.outlines(offset) && (region == null || offset != region.offset())) {
                    callRegion(op, offset, blockType(in), in);
                } else {
                    open(op, blockType(in), offset);
                }
            }
            case ELSE -> elseBranch();
            case END -> end();
            case BR -> {
                int depth = in.u32();
                if (reachable) {
                    branch(target(depth), offset);
                    markDead();
                }
            }
            case BR_IF -> {
                int depth = in.u32();
                if (reachable) {
                    branchIf(target(depth), offset);
                }
            }
            case BR_TABLE -> brTable(in, offset);
            case org.wasmvm.core.binary.Opcodes.RETURN -> {
                if (reachable) {
                    branch(controls.get(0), offset); // the function's frame: a return, or in a region an exit
                    markDead();
                }
            }
            case CALL -> {
                int callee = in.u32();
                if (reachable) {
                    call(callee, offset);
                }
            }
            case CALL_INDIRECT -> {
                int typeIndex = in.u32();
                int table = in.u32();
                if (reachable) {
                    callIndirect(typeIndex, table, offset);
                }
            }
            case DROP -> {
                if (reachable) {
                    frame.pop(types.pop());
                }
            }
            case SELECT, SELECT_T -> {
                if (op == SELECT_T) {
                    in.skip(in.u32());
                }
                if (reachable) {
                    select();
                }
            }
            case LOCAL_GET -> {
                int local = in.u32();
                if (reachable) {
                    frame.load(localTypes[local], localSlots[local]);
                    types.push(localTypes[local]);
                }
            }
            case LOCAL_SET -> {
                int local = in.u32();
                if (reachable) {
                    frame.store(localTypes[local], localSlots[local]);
                    types.pop();
                }
            }
            case LOCAL_TEE -> {
                int local = in.u32();
                if (reachable) {
                    frame.dup(localTypes[local]);
                    frame.store(localTypes[local], localSlots[local]);
                }
            }
            case GLOBAL_GET -> {
                int global = in.u32();
                if (reachable) {
                    mv.visitVarInsn(ALOAD, globalSlot(global));
                    mv.visitFieldInsn(GETFIELD, GLOBAL, "value", "J");
                    ValType valType = spaces.global(global).valType();
                    frame.fromSlot(valType);
                    types.push(valType);
                }
            }
            case GLOBAL_SET -> {
                int global = in.u32();
                if (reachable) {
                    frame.toSlot(types.pop());
                    mv.visitVarInsn(ALOAD, globalSlot(global));
                    mv.visitInsn(DUP_X2);
                    mv.visitInsn(POP);
                    mv.visitFieldInsn(PUTFIELD, GLOBAL, "value", "J");
                }
            }
            case I32_CONST -> constant(ValType.I32, in.s32());
            case I64_CONST -> constant(ValType.I64, in.s64());
            case F32_CONST -> constant(ValType.F32, in.f32Bits());
            case F64_CONST -> constant(ValType.F64, in.f64Bits());
            case REF_NULL -> {
                in.u8();
                constant(ValType.I64, -1L);
                if (reachable) {
                    types.pop();
                    types.push(ValType.FUNCREF);
                }
            }
            case REF_IS_NULL -> {
                if (reachable) {
                    mv.visitLdcInsn(-1L);
                    mv.visitInsn(LCMP);
                    types.pop();
                    types.push(ValType.I32);
                    condition(IFEQ, in);
                }
            }
            case REF_FUNC -> {
                int function = in.u32();
                if (reachable) {
                    mv.visitVarInsn(ALOAD, instanceSlot);
                    frame.iconst(function);
                    mv.visitMethodInsn(INVOKESTATIC, MemoryEmitter.RUNTIME_CALLS, "refFunc", "(L" + INSTANCE + ";I)J", false);
                    types.push(ValType.FUNCREF);
                }
            }
            default -> other(op, offset, in);
        }
    }

    private void other(int op, int offset, ByteReader in) {
        if (memory.isMemoryOrTable(op)) {
            memory.readImmediates(op, in);
            if (reachable) {
                if (MemoryEmitter.traps(op)) {
                    trapping(offset, () -> memory.emit(op));
                } else {
                    memory.emit(op);
                }
            }
            return;
        }
        if (!reachable) {
            return;
        }
        int jump = numeric.compare(op);
        if (jump >= 0) {
            condition(jump, in);
        } else if (NumericEmitter.traps(op)) {
            trapping(offset, () -> numeric.emit(op));
        } else if (!numeric.emit(op)) {
            throw new UnsupportedOperationException("opcode 0x" + Integer.toHexString(op) + " is not compiled yet");
        }
    }

    // ---- values ----

    private void constant(ValType valType, long bits) {
        if (!reachable) {
            return;
        }
        switch (valType) {
            case I32 -> frame.iconst((int) bits);
            case I64 -> frame.lconst(bits);
            case F32 -> {
                float value = Float.intBitsToFloat((int) bits);
                if (value != value) {
                    frame.iconst((int) bits); // NaN payloads survive only as raw bits
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                } else {
                    mv.visitLdcInsn(value);
                }
            }
            default -> {
                double value = Double.longBitsToDouble(bits);
                if (value != value) {
                    mv.visitLdcInsn(bits);
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                } else {
                    mv.visitLdcInsn(value);
                }
            }
        }
        types.push(valType);
    }

    /**
     * A comparison result ({@code jump} taken when it is true): consumed directly by a following
     * {@code br_if} or {@code if}, else materialized as 0 or 1.
     */
    private void condition(int jump, ByteReader in) {
        int next = in.bytes()[in.position()] & 0xFF;
        if (next == BR_IF || next == IF) {
            pendingJump = jump;
            return;
        }
        materialize(jump);
    }

    private void materialize(int jump) {
        Label isTrue = new Label();
        Label done = new Label();
        mv.visitJumpInsn(jump, isTrue);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(isTrue);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
    }

    /** The jump taken when the i32 condition on top is true (a fused comparison's, or {@code ifne}). */
    private int takeCondition() {
        types.pop();
        int jump = pendingJump >= 0 ? pendingJump : IFNE;
        pendingJump = -1;
        return jump;
    }

    private static int inverse(int jump) {
        return switch (jump) {
            case IFEQ -> IFNE;
            case IFNE -> IFEQ;
            case IFLT -> IFGE;
            case IFGE -> IFLT;
            case IFGT -> IFLE;
            case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE;
            case IF_ICMPNE -> IF_ICMPEQ;
            case IF_ICMPLT -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE;
            case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
        };
    }

    private void select() {
        Label second = new Label();
        Label done = new Label();
        int jump = takeCondition();
        ValType valType = types.pop();
        mv.visitJumpInsn(inverse(jump), second);
        frame.pop(valType); // keep the first
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(second);
        if (JvmFrame.size(valType) == 1) {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
        } else {
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
        }
        mv.visitLabel(done);
    }

    private int globalSlot(int global) {
        return globalSlots.computeIfAbsent(global, g -> frame.allocateReference());
    }

    // ---- control flow ----

    private FuncType blockType(ByteReader in) {
        return module.blockType(in.s33());
    }

    private Control target(int depth) {
        return controls.get(controls.size() - 1 - depth);
    }

    private void markDead() {
        reachable = false;
    }

    private void open(int op, FuncType blockType, int offset) {
        int height = types.height() - blockType.params().size();
        int loop = op == LOOP ? loopCount++ : -1;
        if (!reachable) {
            controls.add(new Control(op == LOOP ? LOOP_KIND : op == IF ? IF_KIND : BLOCK_KIND, blockType, height,
                    new Label(), new Label(), false));
            return;
        }
        Label measureStart = new Label();
        mv.visitLabel(measureStart);
        switch (op) {
            case BLOCK -> controls.add(new Control(BLOCK_KIND, blockType, height, new Label(), null, true));
            case LOOP -> {
                Label header = new Label();
                mv.visitLabel(header);
                controls.add(new Control(LOOP_KIND, blockType, height, header, null, true));
                if (osrOperandBase >= 0 && region == null && !plan.splits()) { // none into a split function
                    List<ValType> stack = new ArrayList<>();
                    for (int h = 0; h < types.height(); h++) {
                        stack.add(types.at(h));
                    }
                    osrEntries.add(new OsrEntry(loop, header, stack));
                }
            }
            default -> {
                int jump = takeCondition();
                height = types.height() - blockType.params().size();
                Label elseLabel = new Label();
                mv.visitJumpInsn(inverse(jump), elseLabel);
                controls.add(new Control(IF_KIND, blockType, height, new Label(), elseLabel, true));
            }
        }
        Control opened = controls.get(controls.size() - 1);
        opened.measureStart = measureStart;
        opened.offset = offset;
    }

    private void elseBranch() {
        Control control = controls.get(controls.size() - 1);
        if (reachable) {
            mv.visitJumpInsn(GOTO, control.label);
            control.targeted = true;
        }
        control.sawElse = true;
        mv.visitLabel(control.elseLabel);
        types.truncate(control.height);
        types.pushAll(control.type.params());
        reachable = control.live;
    }

    private void end() {
        Control control = controls.remove(controls.size() - 1);
        if (control.kind == FUNCTION_KIND) {
            if (reachable) {
                emitReturn();
            }
            return;
        }
        boolean falls = reachable;
        if (control.kind == IF_KIND && !control.sawElse) {
            mv.visitLabel(control.elseLabel); // the false path reaches the end directly
            falls |= control.live;
        }
        if (control.kind != LOOP_KIND) {
            mv.visitLabel(control.label);
            falls |= control.targeted;
        }
        types.truncate(control.height);
        types.pushAll(control.type.results());
        reachable = falls;
        if (control.live) {
            Label measureEnd = new Label();
            mv.visitLabel(measureEnd);
            plan.measured(new SplitPlan.Measured(methodName, control.offset, control.kind != IF_KIND,
                    control.measureStart, measureEnd));
        }
    }

    /**
     * Jumps to {@code target} carrying its label's values; the modeled stack is left as it was. A
     * back-edge counts one budget unit, at the branch (whose offset a timeout trap then names).
     */
    private void branch(Control target, int offset) {
        if (target.kind == FUNCTION_KIND) {
            emitReturn();
            return;
        }
        if (target.kind == OUTER_KIND) {
            regionExit(region.outer().size() - controls.indexOf(target), target.branchTypes());
            return;
        }
        List<ValType> carried = target.branchTypes();
        int extra = types.height() - carried.size() - target.height;
        if (extra > 0) {
            int[] slots = spill(carried.size());
            for (int i = 0; i < extra; i++) {
                frame.pop(types.peek(carried.size() + i));
            }
            reload(carried, slots);
        }
        if (target.kind == LOOP_KIND) {
            trapping(offset, this::tick);
        }
        mv.visitJumpInsn(GOTO, target.label);
        target.targeted = true;
    }

    /** Whether a branch to {@code target} is a bare jump: nothing to drop, not a return, not a back-edge. */
    private boolean direct(Control target) {
        return target.kind != FUNCTION_KIND && target.kind != LOOP_KIND && target.kind != OUTER_KIND
                && types.height() - target.branchTypes().size() == target.height;
    }

    private void branchIf(Control target, int offset) {
        int jump = takeCondition();
        if (direct(target)) {
            mv.visitJumpInsn(jump, target.label);
            target.targeted = true;
            return;
        }
        Label skip = new Label();
        mv.visitJumpInsn(inverse(jump), skip);
        branch(target, offset);
        mv.visitLabel(skip);
    }

    private void brTable(ByteReader in, int offset) {
        int count = in.u32();
        int[] depths = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            depths[i] = in.u32();
        }
        if (!reachable) {
            return;
        }
        types.pop();
        Label[] labels = new Label[count];
        Map<Integer, Label> byDepth = new HashMap<>();
        List<Integer> trampolines = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            int depth = depths[i];
            Control target = target(depth);
            Label label = byDepth.get(depth);
            if (label == null) {
                boolean direct = direct(target);
                label = direct ? target.label : new Label();
                if (direct) {
                    target.targeted = true;
                } else {
                    trampolines.add(depth);
                }
                byDepth.put(depth, label);
            }
            if (i < count) {
                labels[i] = label;
            }
        }
        Label defaultLabel = byDepth.get(depths[count]);
        if (count == 0) {
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, defaultLabel);
        } else if (count > LARGE_TABLE && byDepth.size() * 2 < count) {
            switchThroughMap(depths, byDepth, defaultLabel);
        } else {
            mv.visitTableSwitchInsn(0, count - 1, defaultLabel, labels);
        }
        for (int depth : trampolines) {
            mv.visitLabel(byDepth.get(depth));
            branch(target(depth), offset);
        }
        markDead();
    }

    /**
     * A large {@code br_table} with few distinct targets: its index maps through an {@code int[]}
     * (a class-data constant) to a small switch over the targets, a few bytes instead of four per entry.
     */
    private void switchThroughMap(int[] depths, Map<Integer, Label> byDepth, Label defaultLabel) {
        int count = depths.length - 1;
        List<Integer> distinct = new ArrayList<>(byDepth.keySet());
        int[] map = new int[count];
        for (int i = 0; i < count; i++) {
            map[i] = distinct.indexOf(depths[i]);
        }
        Label[] targets = distinct.stream().map(byDepth::get).toArray(Label[]::new);
        int index = frame.scratch(ValType.I32, 0);
        mv.visitVarInsn(ISTORE, index);
        mv.visitVarInsn(ILOAD, index);
        frame.iconst(count);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        mv.visitJumpInsn(IFGE, defaultLabel);
        mv.visitLdcInsn(plan.constant(map));
        mv.visitVarInsn(ILOAD, index);
        mv.visitInsn(IALOAD);
        mv.visitTableSwitchInsn(0, targets.length - 1, defaultLabel, targets);
    }

    /** Stores the top {@code count} values in scratch locals (top first); the model is unchanged. */
    private int[] spill(int count) {
        int[] slots = new int[count];
        Map<ValType, Integer> used = new HashMap<>();
        for (int i = 0; i < count; i++) {
            ValType valType = types.peek(i);
            int n = used.merge(kindKey(valType), 1, Integer::sum) - 1;
            slots[i] = frame.scratch(valType, n);
            frame.store(valType, slots[i]);
        }
        return slots;
    }

    private void reload(List<ValType> values, int[] slots) {
        for (int i = 0; i < values.size(); i++) {
            frame.load(values.get(i), slots[values.size() - 1 - i]);
        }
    }

    private static ValType kindKey(ValType valType) {
        return valType == ValType.FUNCREF || valType == ValType.EXTERNREF ? ValType.I64 : valType;
    }

    // ---- calls and returns ----

    /** Returns the function's results from the top of the stack (values below them are discarded). */
    private void emitReturn() {
        List<ValType> results = type.results();
        if (results.size() > 1) {
            int[] slots = spill(results.size());
            frame.iconst(results.size());
            mv.visitIntInsn(NEWARRAY, T_LONG);
            for (int i = 0; i < results.size(); i++) {
                mv.visitInsn(DUP);
                frame.iconst(i);
                frame.load(results.get(i), slots[results.size() - 1 - i]);
                frame.toSlot(results.get(i));
                mv.visitInsn(LASTORE);
            }
        }
        leave();
        Type returnType = Type.getType(JvmTypes.returnType(results));
        mv.visitInsn(returnType.getOpcode(IRETURN));
    }

    /** Gives the store back the rest of the budget (a function with loops counts it in a local). */
    private void leave() {
        syncBudgetOut();
    }

    /** Pushes the callee's {@code depthLeft}: one frame fewer than this one's. */
    private void calleeDepth() {
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
    }

    private void call(int callee, int offset) {
        FuncType calleeType = spaces.functionType(callee);
        String descriptor = JvmTypes.methodType(calleeType).toMethodDescriptorString();
        trapping(offset, () -> {
            syncBudgetOut();
            calleeDepth();
            mv.visitVarInsn(ALOAD, instanceSlot);
            if (callee < spaces.importedFunctionCount()) {
                mv.visitInsn(DUP);
                frame.iconst(callee);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "importTarget", "(L" + INSTANCE + ";I)L" + METHOD_HANDLE + ";", false);
                mv.visitInsn(SWAP);
                mv.visitInvokeDynamicInsn("call", through(descriptor), CALL_THROUGH);
            } else if (callee == functionIndex) {
                // recursion: a plain static call, which C2 inlines better than a call site's target
                mv.visitMethodInsn(INVOKESTATIC, className, "invoke", descriptor, false);
            } else {
                mv.visitInvokeDynamicInsn("call", descriptor, CALL_DIRECT, callee);
            }
            syncBudgetIn();
        }, true);
        callResults(calleeType);
    }

    private void callIndirect(int typeIndex, int table, int offset) {
        FuncType calleeType = module.types().get(typeIndex);
        String descriptor = JvmTypes.methodType(calleeType).toMethodDescriptorString();
        trapping(offset, () -> {
            syncBudgetOut();
            if (types.pop() == ValType.I32) {
                mv.visitInsn(I2L);
            }
            mv.visitVarInsn(ALOAD, instanceSlot);
            frame.iconst(table);
            frame.iconst(typeIndex);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "indirectTarget", "(JL" + INSTANCE + ";II)L" + METHOD_HANDLE + ";", false);
            calleeDepth();
            mv.visitInsn(SWAP);
            mv.visitVarInsn(ALOAD, instanceSlot);
            mv.visitInvokeDynamicInsn("call", through(descriptor), CALL_THROUGH);
            syncBudgetIn();
        }, true);
        callResults(calleeType);
    }

    /** The descriptor of a call through an invoker: the handle goes between the arguments and the caller. */
    private static String through(String descriptor) {
        return descriptor.replace("L" + INSTANCE + ";)", "L" + METHOD_HANDLE + ";L" + INSTANCE + ";)");
    }

    /** Models the call's results; several come as a {@code long[]} to unpack. */
    private void callResults(FuncType calleeType) {
        types.pop(calleeType.params().size());
        List<ValType> results = calleeType.results();
        if (results.size() > 1) {
            int array = frame.scratchReference();
            mv.visitVarInsn(ASTORE, array);
            for (int i = 0; i < results.size(); i++) {
                mv.visitVarInsn(ALOAD, array);
                frame.iconst(i);
                mv.visitInsn(LALOAD);
                frame.fromSlot(results.get(i));
            }
        }
        types.pushAll(results);
    }

    /** Whether the body has a loop and makes no call. */
    private static boolean loopsWithoutCalls(FunctionBody body) {
        var in = new ByteReader(body.code(), body.offset(), body.length());
        boolean loops = false;
        while (in.hasMore()) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            if (op == CALL || op == CALL_INDIRECT) {
                return false;
            }
            loops |= op == LOOP;
            if (op == BLOCK || op == LOOP || op == IF) {
                in.s33();
            } else {
                Immediates.skip(op, in);
            }
        }
        return loops;
    }

    /** Before a call: the callee counts on from the store's budget. */
    private void syncBudgetOut() {
        if (!metered || !localTicks) {
            return;
        }
        mv.visitVarInsn(ALOAD, contextSlot);
        mv.visitVarInsn(ILOAD, ticksSlot);
        mv.visitFieldInsn(PUTFIELD, CONTEXT, "budget", "I");
    }

    private void syncBudgetIn() {
        if (!metered || !localTicks) {
            return;
        }
        mv.visitVarInsn(ALOAD, contextSlot);
        mv.visitFieldInsn(GETFIELD, CONTEXT, "budget", "I");
        mv.visitVarInsn(ISTORE, ticksSlot);
    }

    /** One budget unit (a call or a loop back-edge); a used-up slice draws the next (and checks time and interrupts). */
    private void tick() {
        Label left = new Label();
        if (!metered) {
            mv.visitIincInsn(ticksSlot, -1);
            mv.visitVarInsn(ILOAD, ticksSlot);
            mv.visitJumpInsn(IFNE, left);
            frame.iconst(StoreContext.SLICE);
            mv.visitVarInsn(ISTORE, ticksSlot);
            mv.visitVarInsn(ALOAD, contextSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, CONTEXT, "checkStop", "()V", false);
            mv.visitLabel(left);
            return;
        }
        if (!localTicks) {
            mv.visitVarInsn(ALOAD, contextSlot);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, CONTEXT, "budget", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(ISUB);
            mv.visitInsn(DUP_X1);
            mv.visitFieldInsn(PUTFIELD, CONTEXT, "budget", "I");
            mv.visitJumpInsn(IFNE, left);
            mv.visitVarInsn(ALOAD, contextSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, CONTEXT, "refillBudget", "()V", false);
            mv.visitLabel(left);
            return;
        }
        mv.visitIincInsn(ticksSlot, -1);
        mv.visitVarInsn(ILOAD, ticksSlot);
        mv.visitJumpInsn(IFNE, left);
        mv.visitVarInsn(ALOAD, contextSlot);
        mv.visitMethodInsn(INVOKEVIRTUAL, CONTEXT, "nextSlice", "()I", false);
        mv.visitVarInsn(ISTORE, ticksSlot);
        mv.visitLabel(left);
    }

    // ---- traps ----

    /**
     * Emits {@code code}, which may trap, after noting its {@code offset} in the site local: the
     * function's one exception handler names that offset in the trap's frame. (A constant store the
     * JIT keeps in its debug information, where an exception range per instruction would cost every
     * call an exception edge of its own.)
     */
    private void trapping(int offset, Runnable code) {
        trapping(offset, code, false);
    }

    /**
     * As {@link #trapping(int, Runnable)}; for a {@code call} the store's budget is the callee's
     * (it synchronized it), otherwise the handler first gives back what this frame has left.
     */
    private void trapping(int offset, Runnable code, boolean call) {
        frame.iconst(call ? ~offset : offset);
        mv.visitVarInsn(ISTORE, siteSlot);
        code.run();
    }

    /** The handler of the whole body: the trap records this frame at the site's offset. */
    private void emitHandler(Label handler) {
        Label call = new Label();
        Label offset = new Label();
        mv.visitLabel(handler);
        if (plan.splits()) {
            Label own = new Label();
            mv.visitVarInsn(ILOAD, siteSlot);
            mv.visitLdcInsn(IN_REGION);
            mv.visitJumpInsn(IF_ICMPNE, own);
            mv.visitInsn(ATHROW); // the region method added this frame
            mv.visitLabel(own);
        }
        mv.visitVarInsn(ILOAD, siteSlot);
        mv.visitJumpInsn(IFLT, call);
        syncBudgetOut();
        mv.visitVarInsn(ILOAD, siteSlot);
        mv.visitJumpInsn(GOTO, offset);
        mv.visitLabel(call);
        mv.visitVarInsn(ILOAD, siteSlot);
        mv.visitInsn(ICONST_M1);
        mv.visitInsn(IXOR);
        mv.visitLabel(offset);
        mv.visitVarInsn(ALOAD, instanceSlot);
        frame.iconst(functionIndex);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "frame",
                "(Ljava/lang/Throwable;IL" + INSTANCE + ";I)Ljava/lang/Throwable;", false);
        mv.visitInsn(ATHROW);
    }

    // ---- prologue ----

    /** A region method continues the caller's frame: its budget and the locals it uses; no call is counted. */
    private void emitRegionPrologue() {
        if (metered) {
            syncBudgetIn();
        } else {
            frame.iconst(StoreContext.SLICE);
            mv.visitVarInsn(ISTORE, ticksSlot);
        }
        loadLocals(regionLocals);
        memory.emitPrologue();
        emitGlobalPrologue();
    }

    // ---- split functions ----

    /** Pushes value {@code j} carried in the frame array. */
    private void loadCarried(int j, ValType valType) {
        mv.visitVarInsn(ALOAD, frameArraySlot);
        frame.iconst(localTypes.length + j);
        mv.visitInsn(LALOAD);
        frame.fromSlot(valType);
    }

    /** Stores the top {@code values} (bottom first in the list) into the frame array as carried values 0…; pops them. */
    private void storeCarried(List<ValType> values) {
        for (int j = values.size() - 1; j >= 0; j--) {
            ValType valType = values.get(j);
            frame.toSlot(valType);
            int scratch = frame.scratch(ValType.I64, 0);
            mv.visitVarInsn(LSTORE, scratch);
            mv.visitVarInsn(ALOAD, frameArraySlot);
            frame.iconst(localTypes.length + j);
            mv.visitVarInsn(LLOAD, scratch);
            mv.visitInsn(LASTORE);
        }
    }

    private void storeLocals(int[] locals) {
        for (int local : locals) {
            mv.visitVarInsn(ALOAD, frameArraySlot);
            frame.iconst(local);
            frame.load(localTypes[local], localSlots[local]);
            frame.toSlot(localTypes[local]);
            mv.visitInsn(LASTORE);
        }
    }

    private void loadLocals(int[] locals) {
        for (int local : locals) {
            mv.visitVarInsn(ALOAD, frameArraySlot);
            frame.iconst(local);
            mv.visitInsn(LALOAD);
            frame.fromSlot(localTypes[local]);
            frame.store(localTypes[local], localSlots[local]);
        }
    }

    /** Leaves a region method with exit {@code code}, the values of {@code carried} from the stack top. */
    private void regionExit(int code, List<ValType> carried) {
        storeCarried(carried);
        storeLocals(regionLocals);
        syncBudgetOut();
        frame.iconst(code);
        mv.visitInsn(IRETURN);
    }

    /**
     * Calls the method of the outlined block or loop at {@code offset} (its opcode and block type
     * read): parameters and the locals it uses go into the frame array, and its exit code says
     * whether it ended (results in the array) or where it branches to.
     */
    private void callRegion(int op, int offset, FuncType blockType, ByteReader in) {
        List<List<ValType>> outer = new ArrayList<>();
        for (int i = controls.size() - 1; i >= 0; i--) {
            outer.add(controls.get(i).branchTypes());
        }
        var called = new SplitPlan.Region(offset, op == LOOP ? LOOP_KIND : BLOCK_KIND, blockType, outer);
        plan.call(called);
        int[] locals = RegionScan.locals(body, offset);
        in.position(RegionScan.end(body, offset));
        storeCarried(blockType.params());
        types.pop(blockType.params().size());
        storeLocals(locals);
        syncBudgetOut();
        frame.iconst(IN_REGION);
        mv.visitVarInsn(ISTORE, siteSlot);
        mv.visitVarInsn(ALOAD, frameArraySlot);
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitVarInsn(ALOAD, instanceSlot);
        mv.visitMethodInsn(INVOKESTATIC, className, called.methodName(), REGION_DESCRIPTOR, false);
        syncBudgetIn();
        loadLocals(locals);
        // only the exits the region's branches can take: a frame deep in many blocks has many around it
        int[] reached = RegionScan.exits(body, offset, outer.size() - 1);
        Label ended = new Label();
        int[] keys = new int[reached.length + 1];
        Label[] exits = new Label[keys.length];
        exits[0] = ended;
        for (int i = 0; i < reached.length; i++) {
            keys[i + 1] = reached[i] + 1;
            exits[i + 1] = new Label();
        }
        mv.visitLookupSwitchInsn(ended, keys, exits);
        for (int i = 1; i < keys.length; i++) {
            mv.visitLabel(exits[i]);
            Control target = target(keys[i] - 1);
            List<ValType> carried = target.branchTypes();
            for (int j = 0; j < carried.size(); j++) {
                loadCarried(j, carried.get(j));
            }
            types.pushAll(carried);
            branch(target, offset);
            types.pop(carried.size());
        }
        mv.visitLabel(ended);
        List<ValType> results = blockType.results();
        for (int j = 0; j < results.size(); j++) {
            loadCarried(j, results.get(j));
        }
        types.pushAll(results);
    }

    /** Pushes interpreter slot {@code fp + index} as a value of {@code valType}. */
    private void loadSlot(int index, ValType valType) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        frame.iconst(index);
        mv.visitInsn(IADD);
        mv.visitInsn(LALOAD);
        frame.fromSlot(valType);
    }

    /** The which-loop switch of on-stack replacement: each arm pushes that header's operands and jumps there. */
    private void emitOsrEntries() {
        Label unknown = new Label();
        Label[] arms = new Label[Math.max(loopCount, 1)];
        java.util.Arrays.fill(arms, unknown);
        for (OsrEntry entry : osrEntries) {
            arms[entry.loop()] = new Label();
        }
        mv.visitVarInsn(ILOAD, 2);
        mv.visitTableSwitchInsn(0, arms.length - 1, unknown, arms);
        for (OsrEntry entry : osrEntries) {
            mv.visitLabel(arms[entry.loop()]);
            for (int h = 0; h < entry.stack().size(); h++) {
                loadSlot(osrOperandBase + h, entry.stack().get(h));
            }
            mv.visitJumpInsn(GOTO, entry.header());
        }
        mv.visitLabel(unknown);
        mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        mv.visitInsn(ATHROW);
    }

    /** For code with on-stack-replacement entries: which loops (by ordinal) have one. */
    boolean[] osrLoops() {
        boolean[] loops = new boolean[loopCount];
        osrEntries.forEach(entry -> loops[entry.loop()] = true);
        return loops;
    }

    /** Emitted after the body (reached by the first jump) because only then is it known which globals the body uses. */
    private void emitPrologue() {
        mv.visitVarInsn(ALOAD, instanceSlot);
        mv.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "context", "()L" + CONTEXT + ";", false);
        mv.visitVarInsn(ASTORE, contextSlot);
        frame.iconst(-1);
        mv.visitVarInsn(ISTORE, siteSlot);
        if (region != null) {
            emitRegionPrologue();
            return;
        }
        if (frameArraySlot >= 0) {
            frame.iconst(frameArrayLength);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            mv.visitVarInsn(ASTORE, frameArraySlot);
        }
        if (osrOperandBase >= 0) {
            // the interpreter frame being continued counts the frames below it in the store
            mv.visitVarInsn(ALOAD, contextSlot);
            mv.visitFieldInsn(GETFIELD, CONTEXT, "maxCallDepth", "I");
            mv.visitVarInsn(ALOAD, contextSlot);
            mv.visitFieldInsn(GETFIELD, CONTEXT, "callDepth", "I");
            mv.visitInsn(ISUB);
            mv.visitVarInsn(ISTORE, depthSlot);
        }
        Label deepEnough = new Label();
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitJumpInsn(IFGT, deepEnough);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "callStackExhausted", "()Lorg/wasmvm/core/runtime/Trap;", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(deepEnough);
        // this call's unit (or, unmetered, a look at the stop flag); a trap here is the caller's (it names the call)
        if (metered) {
            syncBudgetIn();
            tick();
        } else {
            frame.iconst(StoreContext.SLICE);
            mv.visitVarInsn(ISTORE, ticksSlot);
            Label go = new Label();
            mv.visitVarInsn(ALOAD, contextSlot);
            mv.visitFieldInsn(GETFIELD, CONTEXT, "stop", "Z");
            mv.visitJumpInsn(IFEQ, go);
            mv.visitVarInsn(ALOAD, contextSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, CONTEXT, "checkStop", "()V", false);
            mv.visitLabel(go);
        }
        if (osrOperandBase < 0) {
            for (int i = type.params().size(); i < localTypes.length; i++) {
                frame.zero(localTypes[i]);
                frame.store(localTypes[i], localSlots[i]);
            }
        } else {
            for (int i = 0; i < localTypes.length; i++) {
                loadSlot(i, localTypes[i]);
                frame.store(localTypes[i], localSlots[i]);
            }
        }
        memory.emitPrologue();
        emitGlobalPrologue();
    }

    private void emitGlobalPrologue() {
        globalSlots.forEach((global, slot) -> {
            mv.visitVarInsn(ALOAD, instanceSlot);
            mv.visitFieldInsn(GETFIELD, INSTANCE, "globals", "[L" + GLOBAL + ";");
            frame.iconst(global);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ASTORE, slot);
        });
    }
}
