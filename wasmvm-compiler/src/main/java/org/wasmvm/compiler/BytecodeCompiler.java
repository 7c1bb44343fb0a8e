package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.wasmvm.compiled.GeneratedClasses;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.JvmCode;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.runtime.SlotEntry;
import org.wasmvm.core.tier.CodeIdentity;
import org.wasmvm.core.tier.CompiledClass;
import org.wasmvm.core.tier.FunctionTiers;
import org.wasmvm.core.tier.JvmCompiler;
import org.wasmvm.core.tier.JvmTypes;

/**
 * The compiler tier: compiles one wasm function into one hidden class (unloaded with its module)
 * holding a static method with the function's typed signature and a {@link SlotEntry} for callers
 * that hold raw slots (for a function that makes tail calls, both wrap its body: {@link TailCallEntries}).
 * The class data is the module's {@code FunctionTiers}, through which its
 * direct calls link to their callees' call sites, then the class's constants. Compiling and loading
 * are separate steps, so that the code cache can keep what lies between them.
 */
public final class BytecodeCompiler implements JvmCompiler {
    /**
     * HotSpot does not JIT-compile a method larger than this ({@code HugeMethodLimit}): it would run slower
     * than the interpreter; and C2 inlines calls into a compilation only until this much bytecode, the
     * method's own included ({@code DesiredMethodLimit}). So a method is split until its bytecode plus
     * what its SIMD helper calls inline ({@link InlinedBytecode}) fits, or only its bytecode must.
     */
    static final int HUGE_METHOD_LIMIT = 8000;
    /**
     * The JVM local slots a method gives wasm locals; the locals beyond live in arrays ({@link WasmLocals}).
     * Generous: few functions have more, and a register is faster than an array element.
     */
    static final int LOCAL_BUDGET = 512;
    /** Each round outlines more blocks of the methods still too large; a function needing more stays interpreted. */
    private static final int MAX_SPLIT_ROUNDS = 64;
    /**
     * Splitting gives up after this many rounds that did not bring the bytes over the limit down by at
     * least {@link #MIN_SPLIT_PROGRESS}: each round emits the whole function again, and a function whose
     * outlined blocks cost their callers as much as they save (locals copied around each call) would
     * spend 64 of them in vain.
     */
    private static final int STALLED_SPLIT_ROUNDS = 4;
    private static final int MIN_SPLIT_PROGRESS = HUGE_METHOD_LIMIT / 100;
    /**
     * C2 inlines a hot call of a method up to this much bytecode ({@code FreqInlineSize}), and a recursive
     * call only once ({@code MaxRecursiveInlineLevel}). A function this small that calls itself gets a
     * twin method: {@code invoke} calls the twin and the twin calls {@code invoke}, so C2 inlines
     * three levels of the recursion instead of one (RATIONALE: "A small recursive function gets a twin").
     */
    static final int FREQ_INLINE_SIZE = 325;
    private static final String TWIN = "invokeTwin";
    private static final String SLOT_ENTRY = Type.getInternalName(SlotEntry.class);
    private static final String THROWN = Type.getInternalName(ThrownException.class);
    private static final String THROWABLE = "java/lang/Throwable";
    /**
     * The locals of the slot entries' {@code long[] slots}, {@code long[] high}, {@code Object[] refs},
     * {@code int base} (or {@code fp}), and of a slot entry's {@code ModuleInstance}.
     */
    private static final int SLOTS = 1, HIGH = 2, REFS = 3, BASE = 4, ENTRY_INSTANCE = 5;
    /** The parameters of the slot entries before the instance (and {@code int loop} of {@code osr}). */
    private static final String SLOT_ARRAYS = "([J[J[Ljava/lang/Object;I";

    @Override
    public String identity() {
        return Identity.VALUE;
    }

    /**
     * This build of the compiler; a random one when its jar cannot be told (so no cache entry is ever
     * reused). Named when a code cache first asks: hashing loads the JDK's security providers, 20 ms
     * that a run without a cache does not pay.
     */
    private static final class Identity {
        static final String VALUE = CodeIdentity.of(BytecodeCompiler.class).orElse(UUID.randomUUID().toString());
    }

    @Override
    public CompiledClass compile(ModuleCode module, int functionIndex, int osrOperandBase, boolean metered,
            boolean baseline) {
        String className = (baseline ? BASELINE_CLASS_PREFIX : OPTIMIZED_CLASS_PREFIX) + functionIndex;
        try {
            // C1, which alone compiles baseline code, inlines no method as large as a twin
            return compile(new Function(module, functionIndex, className, metered, LOCAL_BUDGET), osrOperandBase, metered,
                    !baseline);
        } catch (LimitExceededException | OverJitLimit e) {
            // ASM's stack-map frames hold every JVM local at every basic block: with many locals and
            // branches they exceed its memory budget. With every local in an array they are small.
            // And a split method then calls its regions without copying locals in and out of
            // registers around each call, so it splits into methods the JIT accepts.
            return compile(new Function(module, functionIndex, className, metered, 0), osrOperandBase, metered, !baseline);
        }
    }

    /** A function that stays over the JIT's limit however it is split, with its locals in registers. */
    private static final class OverJitLimit extends UnsupportedOperationException {
        OverJitLimit(String message) {
            super(message);
        }
    }

    /** @param twinned whether a small function that calls itself may get a twin ({@link #FREQ_INLINE_SIZE}) */
    private CompiledClass compile(Function function, int osrOperandBase, boolean metered, boolean twinned) {
        Set<Integer> outlined = new HashSet<>();
        Map<Integer, Integer> sequences = new HashMap<>();
        Set<String> cutting = new HashSet<>();
        int leastExcess = Integer.MAX_VALUE;
        int stalled = 0;
        // most instructions take more bytes as bytecode than as wasm: a larger body is not tried as a twin
        boolean twin = twinned && function.scan.callsItself() && !function.tailCalls
                && function.body.length() <= FREQ_INLINE_SIZE;
        for (int attempt = 0; attempt <= MAX_SPLIT_ROUNDS; attempt++) {
            var plan = new SplitPlan(function.body, function.scan.delegates(), outlined, sequences, cutting);
            ClassWriter writer = newWriter(function.className);
            Map<String, SplitPlan.MethodSize> sizes = new LinkedHashMap<>();
            // a function that makes tail calls has its body in a method of its own, which its entries wrap (TailCallEntries)
            String body = function.tailCalls ? TailCallEntries.BODY : "invoke";
            MethodVisitor main = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, body,
                    function.methodType.toMethodDescriptorString(), null, null);
            SplitPlan.MethodSize mainSize = function.emitter(main, body, twin ? TWIN : "invoke", -1, plan, null).emit();
            if (twin && mainSize.bytecode() > FREQ_INLINE_SIZE) {
                return compile(function, osrOperandBase, metered, false); // C2 would not inline it: plainly recursive
            }
            sizes.put(body, mainSize);
            if (twin) {
                MethodVisitor copy = writer.visitMethod(ACC_PRIVATE | ACC_STATIC, TWIN,
                        function.methodType.toMethodDescriptorString(), null, null);
                function.emitter(copy, TWIN, "invoke", -1, plan, null).emit();
            }
            emitSlotEntry(writer, "call", "invoke", function, metered);
            if (function.tailCalls) {
                TailCallEntries.emitInvoke(writer, function.className, function.type, function.methodType);
                emitSlotEntry(writer, "tailCall", body, function, metered);
            }
            boolean[] osrLoops = null;
            if (osrOperandBase >= 0) {
                String osrDescriptor = SLOT_ARRAYS + "IL" + FunctionEmitter.INSTANCE + ";)"
                        + Type.getDescriptor(function.methodType.returnType());
                MethodVisitor osrInvoke = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "osrInvoke", osrDescriptor, null, null);
                FunctionEmitter emitter = function.emitter(osrInvoke, "osrInvoke", "invoke", osrOperandBase, plan, null);
                sizes.put("osrInvoke", emitter.emit());
                osrLoops = emitter.osrLoops();
                emitOsrEntry(writer, function, osrDescriptor);
            }
            for (SplitPlan.Region region; (region = plan.nextRegion()) != null; ) {
                MethodVisitor method = writer.visitMethod(ACC_PRIVATE | ACC_STATIC, region.methodName(),
                        FunctionEmitter.REGION_DESCRIPTOR, null, null);
                sizes.put(region.methodName(), function.emitter(method, region.methodName(), "invoke", -1, plan, region).emit());
            }
            Set<Integer> more = new HashSet<>();
            boolean fits = true;
            int excess = 0;
            for (Map.Entry<String, SplitPlan.MethodSize> method : sizes.entrySet()) {
                SplitPlan.MethodSize size = method.getValue();
                if (size.size() > HUGE_METHOD_LIMIT) {
                    excess += size.size() - HUGE_METHOD_LIMIT;
                    if (plan.shrink(method.getKey(), size, HUGE_METHOD_LIMIT, more)) {
                        fits = false;
                    } else if (size.bytecode() > HUGE_METHOD_LIMIT) {
                        throw new OverJitLimit("its bytecode (" + size.bytecode() + " bytes in "
                                + method.getKey() + ") exceeds the JIT's limit of " + HUGE_METHOD_LIMIT
                                + " bytes and has no block or run of statements left to split off");
                    } // else it runs with some calls left to C2's judgement
                }
            }
            if (fits) {
                emitConstructor(writer);
                writer.visitEnd();
                return new CompiledClass(toBytes(writer), plan.constants(), osrLoops);
            }
            if (excess <= leastExcess - MIN_SPLIT_PROGRESS) {
                leastExcess = excess;
                stalled = 0;
            } else if (++stalled == STALLED_SPLIT_ROUNDS) {
                throw new OverJitLimit("its bytecode stops shrinking when split: " + excess
                        + " bytes over the JIT's limit after " + attempt + " rounds");
            }
            outlined.addAll(more);
        }
        throw new OverJitLimit("its bytecode stays over the JIT's limit after " + MAX_SPLIT_ROUNDS
                + " rounds of splitting");
    }

    /** What every emission of one function shares. */
    private static final class Function {
        final ModuleCode module;
        final int index;
        final boolean metered;
        final FuncType type;
        final FunctionBody body;
        final MethodType methodType;
        final String className;
        final BodyScan scan;
        final boolean tailCalls;
        /** Whether it uses references (the interpreter's per-function rule): a split one then carries them in an {@code Object[]}. */
        final boolean references;
        /** The JVM local slots each of its methods gives wasm locals ({@link WasmLocals}). */
        final int localBudget;

        Function(ModuleCode module, int index, String className, boolean metered, int localBudget) {
            this.module = module;
            this.index = index;
            this.metered = metered;
            IndexSpaces spaces = module.indexSpaces();
            this.type = spaces.functionType(index);
            this.body = module.model().codes().get(index - spaces.importedFunctionCount());
            this.methodType = JvmTypes.methodType(type);
            this.className = className;
            this.scan = new BodyScan(body, index);
            this.tailCalls = scan.makesTailCalls();
            this.references = module.function(index).usesReferences();
            this.localBudget = localBudget;
        }

        FunctionEmitter emitter(MethodVisitor mv, String methodName, String selfMethod, int osrOperandBase,
                SplitPlan plan, SplitPlan.Region region) {
            return new FunctionEmitter(module, index, body, mv, className, methodName, selfMethod,
                    osrOperandBase, metered, plan, region, references, localBudget, module.function(index).exceptionSlots(), scan);
        }
    }

    private static ClassWriter newWriter(String className) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // frames merge a type with itself, or a wasm exception with what the method's handler catches
                return THROWN.equals(a) && THROWABLE.equals(b) || THROWABLE.equals(a) && THROWN.equals(b) ? THROWABLE
                        : "java/lang/Object";
            }
        };
        writer.visit(V17, ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", new String[] {SLOT_ENTRY});
        return writer;
    }

    private static byte[] toBytes(ClassWriter writer) {
        try {
            return writer.toByteArray();
        } catch (MethodTooLargeException e) {
            throw new UnsupportedOperationException("its bytecode exceeds 64 KiB", e);
        }
    }

    /** Defines the class as a hidden class whose class data is the module's tiers, then the constants. */
    @Override
    public JvmCode load(CompiledClass compiled, FunctionTiers tiers, int functionIndex) {
        List<Object> classData = new ArrayList<>();
        classData.add(tiers);
        classData.addAll(compiled.constants());
        MethodType methodType = JvmTypes.methodType(tiers.module().indexSpaces().functionType(functionIndex));
        try {
            MethodHandles.Lookup hidden = GeneratedClasses.define(compiled.classFile(), classData);
            Class<?> defined = hidden.lookupClass();
            MethodHandle handle = hidden.findStatic(defined, "invoke", methodType);
            var slots = (SlotEntry) hidden.findConstructor(defined, MethodType.methodType(void.class)).invoke();
            return new JvmCode(handle, slots, compiled.osrLoops());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the compiled class", e);
        }
    }

    /**
     * {@code entry(long[] slots, long[] high, Object[] refs, int base, ModuleInstance)} ({@link SlotEntry#call} or
     * {@link SlotEntry#tailCall}): converts the argument slots, calls {@code target} (with the depth
     * the store counts), writes the results back. The caller has counted the call already, so one
     * budget unit is given back for the one the target's prologue takes.
     */
    private static void emitSlotEntry(ClassWriter writer, String entry, String target, Function function,
            boolean metered) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC, entry, SLOT_ARRAYS + "L" + FunctionEmitter.INSTANCE + ";)V",
                null, null);
        var frame = new JvmFrame(mv, ENTRY_INSTANCE + 1);
        mv.visitCode();
        if (metered) {
            mv.visitVarInsn(ALOAD, ENTRY_INSTANCE);
            mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "context", "()L" + FunctionEmitter.CONTEXT + ";", false);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "budget", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IADD);
            mv.visitFieldInsn(PUTFIELD, FunctionEmitter.CONTEXT, "budget", "I");
        }
        List<ValType> params = function.type.params();
        for (int i = 0; i < params.size(); i++) {
            ValType param = params.get(i);
            slotAddress(mv, frame, param.isReference() ? REFS : SLOTS, i);
            frame.loadElement(param == ValType.V128 ? ValType.I64 : param);
            if (param == ValType.V128) {
                slotAddress(mv, frame, HIGH, i);
                mv.visitInsn(LALOAD);
            }
        }
        depthLeft(mv, ENTRY_INSTANCE);
        mv.visitVarInsn(ALOAD, ENTRY_INSTANCE);
        mv.visitMethodInsn(INVOKESTATIC, function.className, target, function.methodType.toMethodDescriptorString(), false);
        if (target.equals(TailCallEntries.BODY)) {
            TailCallEntries.returnIfPending(mv, frame, function.type, ENTRY_INSTANCE);
        }
        writeResults(mv, frame, function.type.results(), ENTRY_INSTANCE);
    }

    /** Pushes the {@code depthLeft} of a call from code that holds raw slots: the store counts the frames active before this one. */
    private static void depthLeft(MethodVisitor mv, int instance) {
        mv.visitVarInsn(ALOAD, instance);
        mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "context", "()L" + FunctionEmitter.CONTEXT + ";", false);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "maxCallDepth", "I");
        mv.visitInsn(SWAP);
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "callDepth", "I");
        mv.visitInsn(ISUB);
    }

    /**
     * {@code osr(long[] slots, long[] high, Object[] refs, int fp, int loop, ModuleInstance)}: calls {@code osrInvoke}, makes the
     * tail call it may leave pending (in the place of the frame, whose depth is taken first), writes
     * the results at {@code fp}.
     */
    private static void emitOsrEntry(ClassWriter writer, Function function, String osrDescriptor) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC, "osr", SLOT_ARRAYS + "IL" + FunctionEmitter.INSTANCE + ";)V",
                null, null);
        mv.visitCode();
        int instance = ENTRY_INSTANCE + 1; // after int loop
        int depth = instance + 1;
        var frame = new JvmFrame(mv, depth + 1);
        if (function.tailCalls) {
            depthLeft(mv, instance);
            mv.visitVarInsn(ISTORE, depth);
        }
        for (int local = SLOTS; local <= REFS; local++) {
            mv.visitVarInsn(ALOAD, local);
        }
        mv.visitVarInsn(ILOAD, BASE);
        mv.visitVarInsn(ILOAD, BASE + 1);
        mv.visitVarInsn(ALOAD, instance);
        mv.visitMethodInsn(INVOKESTATIC, function.className, "osrInvoke", osrDescriptor, false);
        if (function.tailCalls) {
            TailCallEntries.finishPending(mv, frame, function.type, depth, instance);
        }
        writeResults(mv, frame, function.type.results(), instance);
    }

    /**
     * Writes the result on the stack (a typed value, or paired {@code long[]} slots whose references
     * are in the store's {@code resultRefs}) to {@code slots[base…]}, the high halves of vectors to
     * {@code high[base…]} and references to {@code refs[base…]} (locals 1 to 4), and returns.
     */
    private static void writeResults(MethodVisitor mv, JvmFrame frame, List<ValType> results, int instance) {
        if (JvmTypes.returnsSlots(results) && PairedSlots.hasWide(results)) {
            int paired = frame.scratchReference();
            mv.visitVarInsn(ASTORE, paired);
            int index = 0;
            for (int i = 0; i < results.size(); i++) {
                ValType result = results.get(i);
                if (result.isReference()) {
                    slotAddress(mv, frame, REFS, i);
                    mv.visitVarInsn(ALOAD, instance);
                    mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "context", "()L" + FunctionEmitter.CONTEXT + ";", false);
                    frame.iconst(index++);
                    mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, "resultRef",
                            "(L" + FunctionEmitter.CONTEXT + ";I)Ljava/lang/Object;", false);
                    mv.visitInsn(AASTORE);
                    continue;
                }
                for (int array = SLOTS; array <= (result == ValType.V128 ? HIGH : SLOTS); array++) {
                    slotAddress(mv, frame, array, i);
                    mv.visitVarInsn(ALOAD, paired);
                    frame.iconst(index++);
                    mv.visitInsn(LALOAD);
                    mv.visitInsn(LASTORE);
                }
            }
        } else if (results.size() == 1) {
            ValType result = results.get(0);
            int value = frame.scratch(result, 0);
            frame.store(result, value);
            slotAddress(mv, frame, result.isReference() ? REFS : SLOTS, 0);
            frame.load(result, value);
            frame.storeElement(result);
        } else if (results.size() > 1) {
            frame.iconst(0);
            mv.visitVarInsn(ALOAD, SLOTS);
            mv.visitVarInsn(ILOAD, BASE);
            frame.iconst(results.size());
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Pushes {@code array} (local {@link #SLOTS} or {@link #HIGH}) and the element {@code base + index}. */
    private static void slotAddress(MethodVisitor mv, JvmFrame frame, int array, int index) {
        mv.visitVarInsn(ALOAD, array);
        mv.visitVarInsn(ILOAD, BASE);
        if (index > 0) {
            frame.iconst(index);
            mv.visitInsn(IADD);
        }
    }

    private static void emitConstructor(ClassWriter writer) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
