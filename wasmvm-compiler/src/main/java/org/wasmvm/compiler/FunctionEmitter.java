package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.BlockType;
import org.wasmvm.core.binary.CatchClause;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.lower.Immediates;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * Translates one validated function body into the body of a static JVM method
 * {@code (params…, ModuleInstance) → result} in a single pass. The wasm operand stack is the JVM
 * operand stack; wasm locals are JVM locals. This class reads the instructions, emits locals,
 * globals, constants and {@code select}, and hands each other kind of instruction to its emitter:
 * {@link ControlEmitter} (blocks, branches, returns), {@link CallEmitter}, {@link NumericEmitter},
 * {@link MemoryEmitter}, {@link SimdEmitter}, {@link AtomicEmitter}, {@link GcEmitter}, {@link RegionEmitter} (the methods of a split
 * function).
 *
 * <p>What the interpreter counts, this code counts the same way (DESIGN §5): the call depth, passed
 * from call to call as the {@code depthLeft} parameter, and fuel or stop polling ({@link Metering}).
 * A trap names the instruction that raised it at no cost until it happens ({@link TrapSites}).
 */
final class FunctionEmitter {
    static final String INSTANCE = "org/wasmvm/core/runtime/ModuleInstance";
    static final String CONTEXT = "org/wasmvm/core/runtime/StoreContext";
    static final String SUPPORT = "org/wasmvm/core/tier/CompiledSupport";
    private static final String GLOBAL = "org/wasmvm/core/runtime/GlobalInstance";
    static final String REGION_DESCRIPTOR = "([J[Ljava/lang/Object;IL" + INSTANCE + ";)I";

    private final WasmModule module;
    private final FunctionBody body;
    private final FuncType type;
    private final IndexSpaces spaces;
    private final MethodVisitor mv;
    private final JvmFrame frame;
    private final WasmLocals locals;
    private final MethodSlots slots;
    private final OperandTypes types = new OperandTypes();
    private final Conditions conditions;
    private final TrapSites traps;
    private final Metering metering;
    private final ControlEmitter control;
    private final CallEmitter calls;
    private final NumericEmitter numeric;
    private final MemoryEmitter memory;
    private final SimdEmitter simd;
    private final AtomicEmitter atomics;
    private final GcEmitter gc;
    /** What C2 will inline of the helpers this method calls, which counts towards the split limit. */
    private final InlinedBytecode inlined = new InlinedBytecode();
    private final RegionEmitter regions;
    private final OsrEntries osrEntries;
    private final ExceptionEmitter exceptions;
    /** The handler of the whole body ({@link TrapSites#emitHandler}). */
    private final Label handler = new Label();
    /** Non-null when this emitter writes the method of an outlined block or loop. */
    private final SplitPlan.Region region;
    /** Whether this is the method that continues an interpreter frame (on-stack replacement). */
    private final boolean osr;
    private final Map<Integer, Integer> globalSlots = new HashMap<>();
    /** Whether the function uses references (its split methods then pass them in an {@code Object[]}). */
    private final boolean references;
    private final SplitPlan plan;
    private final String methodName;

    /**
     * An emitter of the method {@code methodName}: {@code (params…, ModuleInstance)} when {@code osrOperandBase} is -1;
     * else of {@code (long[] slots, long[] high, Object[] refs, int fp, int loop, ModuleInstance)}, which continues the
     * interpreter frame at {@code fp} at the header of loop {@code loop}, its operand height 0 at
     * slot {@code osrOperandBase}; or, when {@code region} is non-null, of that region's method. Its calls of the
     * function itself invoke {@code selfMethod}.
     */
    FunctionEmitter(ModuleCode code, int functionIndex, FunctionBody body, MethodVisitor mv,
            String className, String methodName, String selfMethod, int osrOperandBase, boolean metered, SplitPlan plan,
            SplitPlan.Region region, boolean references, int localBudget, int exceptionSlots, BodyScan scan) {
        this.module = code.model();
        this.body = body;
        this.spaces = code.indexSpaces();
        this.type = spaces.functionType(functionIndex);
        this.mv = mv;
        this.region = region;
        this.osr = region == null && osrOperandBase >= 0;
        this.references = references;
        this.plan = plan;
        this.methodName = methodName;
        List<ValType> params = type.params();
        var localTypes = new ValType[params.size() + body.locals().length];
        var localSlots = new int[localTypes.length];
        for (int i = 0; i < localTypes.length; i++) {
            localTypes[i] = i < params.size() ? params.get(i) : body.locals()[i - params.size()];
        }
        // the method's parameters come first; an OSR method computes its depth into a local
        int slot = 0;
        int depthSlot;
        int instanceSlot;
        if (region != null) {
            depthSlot = 2;
            instanceSlot = 3;
            slot = 4;
        } else if (!osr) {
            for (int i = 0; i < params.size(); i++) {
                localSlots[i] = slot;
                slot += JvmFrame.size(params.get(i));
            }
            depthSlot = slot++;
            instanceSlot = slot++;
        } else {
            instanceSlot = 5;
            depthSlot = 6;
            slot = 7;
        }
        frame = new JvmFrame(mv, slot);
        int frameArraySlot = region != null ? 0 : plan.splits() ? frame.allocateReference() : -1;
        int refFrameArraySlot = region != null ? 1 : plan.splits() ? frame.allocateReference() : -1;
        locals = new WasmLocals(frame, mv, localTypes, localSlots, region == null && !osr ? params.size() : 0, localBudget,
                frameArraySlot, refFrameArraySlot);
        int contextSlot = frame.allocateReference();
        int siteSlot = frame.allocate(ValType.I32);
        int ticksSlot = frame.allocate(ValType.I32);
        slots = new MethodSlots(instanceSlot, depthSlot, contextSlot, siteSlot, ticksSlot, frameArraySlot,
                refFrameArraySlot);
        conditions = new Conditions(mv, types);
        metering = Metering.of(mv, frame, scan, metered, slots);
        traps = new TrapSites(mv, frame, metering, slots, functionIndex, plan.splits());
        calls = new CallEmitter(mv, frame, types, module, spaces, functionIndex, className, selfMethod, slots, metering,
                traps);
        numeric = new NumericEmitter(mv, types);
        memory = new MemoryEmitter(mv, types, frame, spaces, instanceSlot);
        simd = new SimdEmitter(mv, types, frame, memory, traps, inlined);
        atomics = new AtomicEmitter(mv, types, frame, memory, traps, inlined, slots);
        exceptions = new ExceptionEmitter(mv, frame, types, slots, metering, traps, module, spaces, handler,
                scan.catches(), scan.rethrows());
        regions = new RegionEmitter(mv, frame, types, locals, slots, metering, traps, exceptions, plan, region, module,
                body, className);
        // none into a split function
        osrEntries = new OsrEntries(mv, locals, osrOperandBase, exceptionSlots, exceptions, osr && !plan.splits());
        control = new ControlEmitter(mv, frame, types, conditions, metering, traps, regions, osrEntries, plan,
                methodName, inlined, exceptions, contextSlot, region == null ? locals.arraySlots() : 0);
        gc = new GcEmitter(mv, frame, types, traps, inlined, control, code, slots);
    }

    /** Emits the whole method; returns its size for the splitter. */
    SplitPlan.MethodSize emit() {
        mv.visitCode();
        Label prologue = new Label();
        Label start = new Label();
        Label bodyEnd = new Label();
        mv.visitJumpInsn(GOTO, prologue);
        mv.visitLabel(start);
        var in = new ByteReader(body.code(), body.offset(), body.length());
        int outer = 0;
        if (region == null) {
            control.openFunction(type);
        } else {
            outer = control.openOuter(region.outer());
            regions.enter(in);
        }
        boolean sequence = region != null && region.end() >= 0;
        do { // a block's or loop's region: its first instruction opens its own block
            int offset = in.position();
            if (plan.cuts(methodName) && control.atStatement()) {
                Label cut = new Label();
                mv.visitLabel(cut);
                plan.cut(new SplitPlan.Cut(methodName, control.serial(), offset, cut));
            }
            int sequenceEnd = regions.sequenceEnd(offset);
            if (sequenceEnd >= 0 && control.atStatement()) {
                regions.callSequence(offset, sequenceEnd, control);
                in.position(sequenceEnd);
                continue;
            }
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            if (op == PREFIX_FD) {
                simd.instruction(in.u32(), offset, in, control.reachable());
            } else if (op == PREFIX_FE) {
                atomics.instruction(in.u32(), offset, in, control.reachable());
            } else if (op == PREFIX_FB) {
                gc.instruction(in.u32(), offset, in, control.reachable());
            } else {
                instruction(op, offset, in);
            }
        } while (sequence ? in.position() < region.end() : control.frames() > outer);
        if (region != null && control.reachable()) {
            regions.end();
        }
        mv.visitLabel(bodyEnd);
        exceptions.visitRanges(start, bodyEnd);
        traps.emitHandler(handler, region != null, region != null ? regions::leaving : control::leaveArrayFrame);
        mv.visitLabel(prologue);
        emitPrologue();
        if (osr) {
            osrEntries.emitSwitch();
        } else {
            mv.visitJumpInsn(GOTO, start);
        }
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return new SplitPlan.MethodSize(end.getOffset(), inlined.total());
    }

    /** For code with on-stack-replacement entries: which loops (by ordinal) have one. */
    boolean[] osrLoops() {
        return osrEntries.loops();
    }

    private void instruction(int op, int offset, ByteReader in) {
        boolean reachable = control.reachable();
        switch (op) {
            case UNREACHABLE -> {
                if (reachable) {
                    traps.site(offset, () -> {
                        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "unreachable", "()Lorg/wasmvm/core/runtime/Trap;", false);
                        mv.visitInsn(ATHROW);
                    });
                    control.markDead();
                }
            }
            case org.wasmvm.core.binary.Opcodes.NOP -> {
            }
            case TRY_TABLE -> {
                FuncType blockType = blockType(in);
                var clauses = new ArrayList<int[]>();
                for (int i = in.u32(); i > 0; i--) {
                    int kind = CatchClause.kind(in);
                    int tag = CatchClause.hasTag(kind) ? in.u32() : -1;
                    clauses.add(new int[] {tag, CatchClause.passesExnref(kind) ? 1 : 0, in.u32()});
                }
                control.tryTable(blockType, clauses, offset);
            }
            case TRY -> control.legacyTry(blockType(in), offset);
            case CATCH -> control.legacyCatch(in.u32());
            case CATCH_ALL -> control.legacyCatch(-1);
            case DELEGATE -> control.delegate(in.u32());
            case RETHROW -> control.rethrow(in.u32(), offset);
            case THROW -> {
                int tag = in.u32();
                if (reachable) {
                    exceptions.throwTag(tag, offset);
                    control.markDead();
                }
            }
            case THROW_REF -> {
                if (reachable) {
                    exceptions.throwRef(offset);
                    control.markDead();
                }
            }
            case BLOCK, LOOP, IF -> {
                if (op != IF && reachable && regions.outlines(offset)) {
                    regions.call(offset, blockType(in), in, control);
                } else {
                    control.open(op, blockType(in), offset);
                }
            }
            case ELSE -> control.elseBranch();
            case END -> control.end();
            case BR -> control.br(in, offset);
            case BR_IF -> control.brIf(in, offset);
            case BR_TABLE -> control.brTable(in, offset);
            case org.wasmvm.core.binary.Opcodes.RETURN -> control.ret(offset);
            case CALL -> {
                int callee = in.u32();
                if (reachable) {
                    calls.call(callee, offset);
                    if (callee >= spaces.importedFunctionCount()) {
                        control.polled(); // its prologue, or the bridge into the interpreter, looks at the stop flag
                    }
                }
            }
            case CALL_INDIRECT -> {
                int typeIndex = in.u32();
                int table = in.u32();
                if (reachable) {
                    calls.callIndirect(typeIndex, table, offset);
                }
            }
            case RETURN_CALL -> {
                int callee = in.u32();
                if (reachable) {
                    calls.returnCall(callee);
                    control.ret(offset);
                }
            }
            case RETURN_CALL_INDIRECT -> {
                int typeIndex = in.u32();
                int table = in.u32();
                if (reachable) {
                    calls.returnCallIndirect(typeIndex, table, offset);
                    control.ret(offset);
                }
            }
            case CALL_REF -> {
                int typeIndex = in.u32();
                if (reachable) {
                    calls.callRef(typeIndex, offset);
                }
            }
            case RETURN_CALL_REF -> {
                int typeIndex = in.u32();
                if (reachable) {
                    calls.returnCallRef(typeIndex, offset);
                    control.ret(offset);
                }
            }
            case REF_NULL -> {
                int heapType = (int) in.s33();
                if (reachable) {
                    mv.visitInsn(ACONST_NULL);
                    types.push(ValType.ref(true, heapType));
                }
            }
            case REF_IS_NULL -> {
                if (reachable) {
                    types.pop();
                    types.push(ValType.I32);
                    conditions.comparison(IFNULL, in);
                }
            }
            case REF_FUNC -> {
                int function = in.u32();
                if (reachable) {
                    mv.visitVarInsn(ALOAD, slots.instance());
                    mv.visitFieldInsn(GETFIELD, INSTANCE, "functions", "[Lorg/wasmvm/core/runtime/FunctionInstance;");
                    frame.iconst(function);
                    mv.visitInsn(AALOAD);
                    types.push(ValType.FUNCREF);
                }
            }
            case REF_AS_NON_NULL -> {
                if (reachable) {
                    traps.site(offset, () -> mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "nonNull",
                            "(Ljava/lang/Object;)Ljava/lang/Object;", false));
                }
            }
            case REF_EQ -> {
                if (reachable) {
                    gc.refEq();
                }
            }
            case BR_ON_NULL -> control.brOnNull(in, offset);
            case BR_ON_NON_NULL -> control.brOnNonNull(in, offset);
            case DROP -> {
                if (reachable) {
                    frame.pop(types.pop());
                }
            }
            case SELECT, SELECT_T -> {
                if (op == SELECT_T) {
                    Immediates.skipValTypes(in); // a reference type takes more than a byte: (ref null $517)
                }
                if (reachable) {
                    select();
                }
            }
            case LOCAL_GET -> {
                int local = in.u32();
                if (reachable) {
                    locals.load(local);
                    types.push(locals.type(local));
                }
            }
            case LOCAL_SET -> {
                int local = in.u32();
                if (reachable) {
                    locals.store(local);
                    types.pop();
                }
            }
            case LOCAL_TEE -> {
                int local = in.u32();
                if (reachable) {
                    frame.dup(locals.type(local));
                    locals.store(local);
                }
            }
            case GLOBAL_GET -> {
                int global = in.u32();
                ValType valType = spaces.global(global).valType();
                if (reachable && valType.isReference()) {
                    mv.visitVarInsn(ALOAD, globalSlot(global));
                    mv.visitFieldInsn(GETFIELD, GLOBAL, "ref", "Ljava/lang/Object;");
                    types.push(valType);
                } else if (reachable) {
                    mv.visitVarInsn(ALOAD, globalSlot(global));
                    mv.visitFieldInsn(GETFIELD, GLOBAL, "value", "J");
                    frame.fromSlot(valType);
                    if (valType == ValType.V128) {
                        mv.visitVarInsn(ALOAD, globalSlot(global));
                        mv.visitFieldInsn(GETFIELD, GLOBAL, "high", "J");
                    }
                    types.push(valType);
                }
            }
            case GLOBAL_SET -> {
                int global = in.u32();
                if (reachable && types.peek(0).isReference()) {
                    types.pop();
                    mv.visitVarInsn(ALOAD, globalSlot(global));
                    mv.visitInsn(SWAP);
                    mv.visitFieldInsn(PUTFIELD, GLOBAL, "ref", "Ljava/lang/Object;");
                } else if (reachable) {
                    ValType valType = types.pop();
                    int high = frame.scratch(ValType.I64, 0);
                    if (valType == ValType.V128) {
                        mv.visitVarInsn(LSTORE, high);
                    }
                    frame.toSlot(valType);
                    mv.visitVarInsn(ALOAD, globalSlot(global));
                    mv.visitInsn(DUP_X2);
                    mv.visitInsn(POP);
                    mv.visitFieldInsn(PUTFIELD, GLOBAL, "value", "J");
                    if (valType == ValType.V128) {
                        mv.visitVarInsn(ALOAD, globalSlot(global));
                        mv.visitVarInsn(LLOAD, high);
                        mv.visitFieldInsn(PUTFIELD, GLOBAL, "high", "J");
                    }
                }
            }
            case I32_CONST -> constant(ValType.I32, in.s32());
            case I64_CONST -> constant(ValType.I64, in.s64());
            case F32_CONST -> constant(ValType.F32, in.f32Bits());
            case F64_CONST -> constant(ValType.F64, in.f64Bits());
            default -> other(op, offset, in);
        }
    }

    /** Memory, table and numeric instructions. */
    private void other(int op, int offset, ByteReader in) {
        if (memory.isMemoryOrTable(op)) {
            memory.readImmediates(op, in);
            if (control.reachable()) {
                if (MemoryEmitter.traps(op)) {
                    traps.site(offset, () -> memory.emit(op));
                } else {
                    memory.emit(op);
                }
            }
            return;
        }
        if (!control.reachable()) {
            return;
        }
        int jump = numeric.compare(op);
        if (jump >= 0) {
            conditions.comparison(jump, in);
        } else if (NumericEmitter.traps(op)) {
            traps.site(offset, () -> numeric.emit(op));
        } else if (!numeric.emit(op)) {
            throw new UnsupportedOperationException("opcode 0x" + Integer.toHexString(op) + " is not compiled yet");
        }
    }

    private FuncType blockType(ByteReader in) {
        return BlockType.read(in, module);
    }

    // ---- values ----

    private void constant(ValType valType, long bits) {
        if (!control.reachable()) {
            return;
        }
        switch (valType.kind()) {
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

    private void select() {
        Label second = new Label();
        Label done = new Label();
        int jump = conditions.take();
        ValType valType = types.pop();
        mv.visitJumpInsn(Conditions.inverse(jump), second);
        frame.pop(valType); // keep the first
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(second);
        if (JvmFrame.size(valType) == 1) {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
        } else if (valType == ValType.V128) {
            int kept = frame.scratch(ValType.V128, 0);
            frame.store(valType, kept);
            frame.pop(valType);
            frame.load(valType, kept);
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

    // ---- prologue ----

    /** Emitted after the body (reached by the first jump) because only then is it known which memories and globals the body uses. */
    private void emitPrologue() {
        mv.visitVarInsn(ALOAD, slots.instance());
        mv.visitMethodInsn(INVOKEVIRTUAL, INSTANCE, "context", "()L" + CONTEXT + ";", false);
        mv.visitVarInsn(ASTORE, slots.context());
        traps.clear();
        locals.createArrays();
        if (region == null) {
            emitCallPrologue();
            emitUsedPrologue();
        } else {
            // a region method continues the caller's frame: its budget and the locals it uses
            metering.enterRegion();
            regions.loadLocals();
            emitUsedPrologue();
            regions.loadParams();
        }
    }

    /** The entry of a call: the depth check, this call's unit of budget, the locals. */
    private void emitCallPrologue() {
        regions.createFrameArray(references);
        if (osr) {
            osrEntries.loadDepth(slots);
        }
        mv.visitVarInsn(ILOAD, slots.depth());
        metering.enterCall(); // a trap here is the caller's (it names the call)
        if (locals.arraySlots() > 0) {
            mv.visitVarInsn(ALOAD, slots.context());
            frame.iconst(locals.arraySlots());
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "enterArrayFrame", "(L" + CONTEXT + ";I)V", false);
        }
        if (osr) {
            osrEntries.loadLocals();
        } else {
            for (int i = type.params().size(); i < locals.count(); i++) {
                if (locals.inRegister(i)) { // array elements start as zero and null
                    frame.zero(locals.type(i));
                    locals.store(i);
                }
            }
        }
    }

    /** The memories, globals and GC type ids the body uses, each into its local. */
    private void emitUsedPrologue() {
        memory.emitPrologue();
        gc.emitPrologue();
        globalSlots.forEach((global, slot) -> {
            mv.visitVarInsn(ALOAD, slots.instance());
            mv.visitFieldInsn(GETFIELD, INSTANCE, "globals", "[L" + GLOBAL + ";");
            frame.iconst(global);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ASTORE, slot);
        });
    }
}
