package org.wasmvm.core.tier;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.wasmvm.core.Engine;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.runtime.CodeTiers;
import org.wasmvm.core.runtime.JvmCode;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.runtime.SlotEntry;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.runtime.Trap;
import org.wasmvm.core.runtime.WasmFunction;

/**
 * The tiers of one module's defined functions, shared by all its instances: each function's compiled
 * code once there is some, the call site compiled callers link to (it runs the interpreter until
 * the function is compiled, then the compiled code), and the tier-up bookkeeping. Thread-safe: a
 * module is shared between threads, and background threads install compiled code.
 */
public final class FunctionTiers implements CodeTiers {
    private static final int NOT_COMPILED = 0, QUEUED = 1, COMPILED = 2, STAYS_INTERPRETED = 3;
    /**
     * Slices (each {@link StoreContext#SLICE} loop iterations or calls) that must end in a function
     * before it is compiled; a larger function needs one per {@link #CODE_BYTES_PER_SLICE}.
     */
    private static final int HOT_SLICES = 2;
    /**
     * A function's compilation costs in proportion to its size (ours, then the JVM's of every method
     * it is split into), and until the JVM has compiled those methods its code runs in the JVM's
     * bytecode interpreter, slower than ours: so a larger function must have run longer to repay it
     * (RATIONALE "A larger function tiers up later").
     */
    private static final int CODE_BYTES_PER_SLICE = 512;
    /**
     * The largest function whose baseline code is watched for promotion to C2. A larger one is split
     * into many methods, each of which would start over in the JVM's bytecode interpreter in the
     * optimized class, while C2 gains little on code that passes its locals from method to method
     * in an array (RATIONALE "Baseline code first, C2 for what stays hot").
     */
    private static final int PROMOTED_CODE_BYTES = 8192;
    /**
     * Slices that must end in a module's code, all functions together, before any of its functions is
     * compiled: a run that is over sooner (a tool's {@code --version}: 8) repays no compilation, which
     * costs the JVM class definitions, method-handle adapters and C1's work (RATIONALE "A short run
     * compiles nothing").
     */
    public static final int WARM_UP_SLICES = 16;
    /** Calls from compiled code into a still interpreted function that count as one such slice. */
    private static final int HOT_CALLS = 1000;
    /**
     * The tiered engine compiles every function of a module with at most this many bytes of code on
     * its first call, as the compiler engine does: compiling all of it costs less than one slice of
     * an interpreted loop waiting for its on-stack replacement (RATIONALE "Small modules start compiled").
     */
    public static final int SMALL_MODULE_CODE_BYTES = 64 * 1024;

    private final ModuleCode module;
    private final ModuleCache cache;
    private final boolean metered;
    /**
     * Whether the tiered engine compiles each function on its first call ({@link #SMALL_MODULE_CODE_BYTES}).
     * Otherwise the code it compiles is baseline code first, which the JVM compiles with C1 only, and
     * {@link HotCodeSampler} has the functions that keep running in it compiled again for C2.
     */
    private final boolean small;
    private final int imported;
    private final AtomicReferenceArray<JvmCode> code;
    private final AtomicIntegerArray state;
    /** The same two for the code with on-stack-replacement entries, compiled when a long loop asks for it. */
    private final AtomicReferenceArray<JvmCode> osrCode;
    private final AtomicIntegerArray osrState;
    /** Racy counters: a lost update only delays a compilation. */
    private final int[] heat;
    /** Slices that ended in the module's code, counted up to {@link #WARM_UP_SLICES}; racy like {@code heat}. */
    private int slicesSeen;
    private final int[] bridgeCalls;
    /** Guarded by {@code this}; created when a compiled caller first links to the function. */
    private final MutableCallSite[] sites;
    /** Guarded by {@code this}: the adapter of each function type for calls into the interpreter ({@link Bridges#interpreting(FuncType)}). */
    private final Map<FuncType, MethodHandle> interpreting = new HashMap<>();

    /**
     * The tiers of {@code module}'s functions in stores that meter fuel ({@code metered}) or do not,
     * keeping compiled code in {@code cache} between runs.
     */
    public FunctionTiers(ModuleCode module, ModuleCache cache, boolean metered) {
        this.module = module;
        this.cache = cache;
        this.metered = metered;
        this.small = module.model().codes().stream().mapToLong(FunctionBody::length).sum() <= SMALL_MODULE_CODE_BYTES;
        this.imported = module.indexSpaces().importedFunctionCount();
        int defined = module.indexSpaces().functionCount() - imported;
        this.code = new AtomicReferenceArray<>(defined);
        this.state = new AtomicIntegerArray(defined);
        this.osrCode = new AtomicReferenceArray<>(defined);
        this.osrState = new AtomicIntegerArray(defined);
        this.heat = new int[defined];
        this.bridgeCalls = new int[defined];
        this.sites = new MutableCallSite[defined];
        if (!small) { // the interpreter runs the cold code of a large module, where C1 serves it best
            InterpreterJitAdvice.give();
        }
    }

    public ModuleCode module() {
        return module;
    }

    @Override
    public JvmCode code(int functionIndex) {
        return code.get(functionIndex - imported);
    }

    /**
     * The code a call runs on {@code engine}: compiled now for {@link Engine#COMPILER}, and for
     * {@link Engine#TIERED} in a small module; null means interpret.
     */
    @Override
    public JvmCode codeFor(int functionIndex, Engine engine) {
        JvmCode compiled = code(functionIndex);
        if (compiled == null && (engine == Engine.COMPILER || engine == Engine.TIERED && small)
                && state.get(functionIndex - imported) != STAYS_INTERPRETED) {
            compiled = compile(functionIndex, false);
        }
        return compiled;
    }

    /**
     * The interpreter saw the function running when a slice ended (or compiled code called it
     * often): once hot, and once the module has warmed up, it is compiled in the background.
     */
    @Override
    public void heat(int functionIndex) {
        int defined = functionIndex - imported;
        if (slicesSeen < WARM_UP_SLICES) {
            slicesSeen++;
        }
        if (state.get(defined) == NOT_COMPILED && ++heat[defined] >= hotSlices(defined) && warmedUp()
                && state.compareAndSet(defined, NOT_COMPILED, QUEUED)
                && !CompilerTier.submit(() -> compile(functionIndex, !small))) {
            heat[defined] = 0;
            state.set(defined, NOT_COMPILED);
        }
    }

    /**
     * The function's code with on-stack-replacement entries, or null until it is ready: an
     * interpreted loop that outlasted a slice asks, and once the function is nearly hot (one slice
     * short of its compilation) the asking has it compiled in the background.
     */
    @Override
    public JvmCode osrCode(int functionIndex) {
        int defined = functionIndex - imported;
        JvmCode compiled = osrCode.get(defined);
        if (compiled == null && heat[defined] >= hotSlices(defined) - 1 && warmedUp()
                && osrState.compareAndSet(defined, NOT_COMPILED, QUEUED)
                && !CompilerTier.submit(() -> compileOsr(functionIndex))) {
            osrState.set(defined, NOT_COMPILED);
        }
        return compiled;
    }

    private boolean warmedUp() {
        return slicesSeen >= WARM_UP_SLICES;
    }

    /** The slices that must end in a function before it is compiled: more for a larger one. */
    private int hotSlices(int defined) {
        return Math.max(HOT_SLICES, module.model().codes().get(defined).length() / CODE_BYTES_PER_SLICE);
    }

    private void compileOsr(int functionIndex) {
        int defined = functionIndex - imported;
        try {
            // optimized code: a frame that moves into it may run its loop for the rest of the run,
            // which only C2 runs at full speed (a baseline frame could not move on into optimized code)
            JvmCode compiled = compileOrLoad(functionIndex, module.function(functionIndex).operandBase(), false);
            osrCode.set(defined, compiled);
            osrState.set(defined, COMPILED);
            if (small && state.compareAndSet(defined, NOT_COMPILED, QUEUED)) {
                install(functionIndex, compiled); // it serves calls too; in a large module calls start in baseline code
            }
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            osrState.set(defined, STAYS_INTERPRETED);
            CompilerTier.log(System.Logger.Level.DEBUG, "func " + functionIndex + " gets no on-stack replacement: " + e);
        }
    }

    /** The call site of a defined function that compiled callers invoke (created on first use). */
    public synchronized MutableCallSite site(int functionIndex) {
        int defined = functionIndex - imported;
        MutableCallSite site = sites[defined];
        if (site == null) {
            JvmCode compiled = code.get(defined);
            site = new MutableCallSite(compiled != null ? compiled.handle() : Bridges.interpreting(
                    interpreting.computeIfAbsent(module.indexSpaces().functionType(functionIndex), Bridges::interpreting),
                    this, functionIndex));
            sites[defined] = site;
        }
        return site;
    }

    private JvmCode compile(int functionIndex, boolean baseline) {
        int defined = functionIndex - imported;
        JvmCode compiled;
        try {
            compiled = compileOrLoad(functionIndex, -1, baseline);
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            // Compilation never fails a run: the function keeps running in the interpreter. Even a
            // heap exhausted by the compiler: what it allocated is garbage once it has unwound.
            state.set(defined, STAYS_INTERPRETED);
            CompilerTier.staysInterpreted(functionIndex, e);
            return null;
        }
        install(functionIndex, compiled);
        return compiled;
    }

    /**
     * Recompiles a function whose baseline code the guests keep running, for C2 ({@link HotCodeSampler}),
     * in the background; false when the background queue is full.
     */
    boolean promote(int functionIndex) {
        return CompilerTier.submit(() -> {
            try {
                install(functionIndex, compileOrLoad(functionIndex, -1, false));
                CompilerTier.countPromoted();
            } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
                CompilerTier.log(System.Logger.Level.DEBUG, "func " + functionIndex + " keeps its baseline code: " + e);
            }
        });
    }

    /**
     * The function's code from the module's code cache when it has an intact entry, else freshly
     * compiled (and stored there). A cached verdict that the function stays interpreted stands too.
     * Baseline code is watched from then on ({@link HotCodeSampler}).
     */
    private JvmCode compileOrLoad(int functionIndex, int osrOperandBase, boolean baseline) {
        JvmCode code = compileOrLoadVariant(functionIndex, osrOperandBase, baseline);
        if (baseline && module.model().codes().get(functionIndex - imported).length() <= PROMOTED_CODE_BYTES) {
            HotCodeSampler.watch(code.slots().getClass(), this, functionIndex);
        }
        return code;
    }

    private JvmCode compileOrLoadVariant(int functionIndex, int osrOperandBase, boolean baseline) {
        JvmCompiler compiler = CompilerTier.compiler();
        String variant = (metered ? "metered" : "plain") + (osrOperandBase < 0 ? "" : "-osr" + osrOperandBase)
                + (baseline ? "-baseline" : "");
        var cached = cache.function(functionIndex, variant).orElse(null);
        if (cached instanceof ModuleCache.Entry.Interpreted interpreted) {
            throw new UnsupportedOperationException(interpreted.reason());
        }
        if (cached instanceof ModuleCache.Entry.Compiled entry) {
            try {
                JvmCode code = compiler.load(entry.compiled(), this, functionIndex);
                CompilerTier.countLoadedFromCache();
                return code;
            } catch (LinkageError | RuntimeException e) { // it does not verify: compile it again
                CompilerTier.log(System.Logger.Level.DEBUG, "code cache: func " + functionIndex + " does not load (" + e
                        + "), compiling it again");
            }
        }
        CompiledClass compiled;
        try {
            compiled = compiler.compile(module, functionIndex, osrOperandBase, metered, baseline);
        } catch (UnsupportedOperationException e) {
            cache.store(functionIndex, variant, new ModuleCache.Entry.Interpreted(e.getMessage()));
            throw e;
        }
        JvmCode code = compiler.load(compiled, this, functionIndex);
        cache.store(functionIndex, variant, new ModuleCache.Entry.Compiled(compiled));
        return code;
    }

    @Override
    public void frameReplaced() {
        CompilerTier.frameReplaced();
    }

    private synchronized void install(int functionIndex, JvmCode compiled) {
        int defined = functionIndex - imported;
        CompilerTier.compiled();
        code.set(defined, compiled);
        state.set(defined, COMPILED);
        if (sites[defined] != null) {
            sites[defined].setTarget(compiled.handle());
        }
    }

    /**
     * A call from compiled code into a function that has no compiled code at the call site yet:
     * checks the depth and counts the call as the interpreter would, then runs it on the tier it has.
     * The arguments' references are in {@code refs} (null when there are none), the results' go to
     * the store's {@link StoreContext#resultRefs}.
     */
    static long[] enter(FunctionTiers tiers, int functionIndex, long[] args, Object[] refs, int depthLeft,
            ModuleInstance instance) {
        JvmCode compiled = tiers.admit(functionIndex, depthLeft, instance.context());
        var function = (WasmFunction) instance.functions[functionIndex];
        if (compiled == null) {
            return tiers.interpret(function, args, refs);
        }
        FuncType type = function.type();
        if (PairedSlots.hasWide(type.params()) || PairedSlots.hasWide(type.results())) {
            return callUnpaired(compiled.slots(), type, args, refs, instance, false);
        }
        int results = type.results().size();
        long[] slots = Arrays.copyOf(args, Math.max(args.length, results));
        compiled.slots().call(slots, null, null, 0, instance);
        return slots.length == results ? slots : Arrays.copyOf(slots, results);
    }

    /** {@link #enter} of a function whose one result is a reference: returns it. */
    static Object enterForReference(FunctionTiers tiers, int functionIndex, long[] args, Object[] refs, int depthLeft,
            ModuleInstance instance) {
        enter(tiers, functionIndex, args, refs, depthLeft, instance);
        return instance.context().resultRefs(1)[0];
    }

    /**
     * Calls (or tail-calls) {@code entry} on the paired arguments {@code args} (references in
     * {@code refs}) in the interpreter's layout, which has the high halves and references apart;
     * returns the results paired (their references in the store's {@link StoreContext#resultRefs}),
     * or null when a tail call was left pending.
     */
    private static long[] callUnpaired(SlotEntry entry, FuncType type, long[] args, Object[] refs,
            ModuleInstance instance, boolean tail) {
        int size = Math.max(type.params().size(), type.results().size());
        long[] slots = new long[size];
        long[] high = new long[size];
        Object[] unpairedRefs = new Object[size];
        PairedSlots.unpair(type.params(), args, refs, slots, high, unpairedRefs, 0);
        if (!tail) {
            entry.call(slots, high, unpairedRefs, 0, instance);
        } else {
            entry.tailCall(slots, high, unpairedRefs, 0, instance);
            if (instance.context().tailCall.callee != null) {
                return null;
            }
        }
        Object[] resultRefs = instance.context().resultRefs(PairedSlots.count(type.results()));
        return PairedSlots.pair(type.results(), slots, high, unpairedRefs, 0, resultRefs);
    }

    /**
     * A tail call made by {@link TailCalls}: the arguments in {@code slots[0…]} (paired, references
     * in {@code refs}), the results written there (references in the store's {@link StoreContext#resultRefs}),
     * unless the callee's own tail call is left pending (which the trampoline makes next).
     */
    static void enterTail(WasmFunction function, long[] slots, Object[] refs, int depthLeft) {
        FunctionTiers tiers = (FunctionTiers) function.tiers(); // compiled code runs only where the store compiles
        JvmCode compiled;
        try {
            compiled = tiers.admit(function.index(), depthLeft, function.instance().context());
        } catch (Trap trap) {
            // the caller's frame is gone and the callee has not begun: named without an offset, as the interpreter does
            trap.addFrame(Interpreter.frameName(function, -1));
            throw trap;
        }
        FuncType type = function.type();
        if (compiled == null) {
            long[] results = tiers.interpret(function, Arrays.copyOf(slots, PairedSlots.count(type.params())), refs);
            System.arraycopy(results, 0, slots, 0, results.length);
        } else if (PairedSlots.hasWide(type.params()) || PairedSlots.hasWide(type.results())) {
            long[] results = callUnpaired(compiled.slots(), type, slots, refs, function.instance(), true);
            if (results != null) {
                System.arraycopy(results, 0, slots, 0, results.length);
            }
        } else {
            compiled.slots().tailCall(slots, null, null, 0, function.instance());
        }
    }

    /** Checks the depth, counts the call, polls for a stop; returns the code to run, null to interpret. */
    private JvmCode admit(int functionIndex, int depthLeft, StoreContext context) {
        if (depthLeft <= 0) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        context.callDepth = context.maxCallDepth - depthLeft; // the frames active before this one
        if (--context.budget == 0) {
            context.refillBudget();
        }
        if (!metered && context.stop) {
            context.checkStop();
        }
        return codeFor(functionIndex, context.engine());
    }

    /** Runs a still interpreted function for compiled code; called often, it heats up. */
    private long[] interpret(WasmFunction function, long[] args, Object[] refs) {
        if (++bridgeCalls[function.index() - imported] % HOT_CALLS == 0) {
            heat(function.index());
        }
        return Interpreter.invokeNested(function, args, refs);
    }
}
