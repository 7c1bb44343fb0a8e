package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.Opcodes.*;
import static org.wasmvm.core.interp.NumericOps.bits;
import static org.wasmvm.core.interp.NumericOps.f32;
import static org.wasmvm.core.interp.NumericOps.f64;

import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Value;
import org.wasmvm.core.WasmException;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.interp.DeepStack;
import org.wasmvm.core.lower.LoweredFunction;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.CodeTiers;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.GlobalInstance;
import org.wasmvm.core.runtime.HostFunctionInstance;
import org.wasmvm.core.runtime.JvmCode;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.runtime.PendingTailCall;
import org.wasmvm.core.runtime.References;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.runtime.TagInstance;
import org.wasmvm.core.runtime.Trap;
import org.wasmvm.core.runtime.WasmEntry;
import org.wasmvm.core.runtime.WasmFunction;

/**
 * Executes lowered code (see {@link Op} and {@link org.wasmvm.core.lower.FunctionLowering}). Values live untagged in one
 * {@code long[]} shared by all frames; every instruction names its operand and result slots
 * relative to the frame pointer. A call's arguments sit in consecutive slots of the caller, which
 * become the callee's first locals in place and receive its results. Calls between wasm functions
 * push an explicit frame instead of recursing in Java, so the depth limit, not the Java stack,
 * bounds recursion; a tail call reuses the caller's frame. Nothing is allocated per executed instruction.
 * References live in a parallel {@code Object[]} at the same slot numbers, allocated when the first
 * function that uses references runs (see {@link org.wasmvm.core.lower.FunctionLowering}); the hot loop never touches it.
 * So do the high halves of {@code v128} values, in a second {@code long[]} ({@link SimdHandlers}).
 */
public final class Interpreter {
    private static final int INITIAL_STACK = 1024;
    private static final int INITIAL_FRAMES = 64;
    /** The detail of the trap a {@link StackOverflowError} becomes. */
    public static final String JAVA_STACK_OVERFLOW = "the Java stack overflowed (host and wasm calls nested too deeply)";

    /** A spare interpreter is kept for reuse only while its value stack is this small (slots). */
    private static final int MAX_SPARE_STACK = 1 << 16;

    private final StoreContext context;
    private int baseDepth;
    private long[] stack = new long[INITIAL_STACK];
    /** The reference slots beside {@link #stack} (as long), or null while no function with references ran. */
    private Object[] refs;
    /** The high halves of v128 values beside {@link #stack}, or null while no function with vectors ran. */
    private long[] high;
    private WasmFunction[] frameFunctions = new WasmFunction[INITIAL_FRAMES];
    private int[] frameReturnPcs = new int[INITIAL_FRAMES];
    private int[] frameFps = new int[INITIAL_FRAMES];
    private int depth;
    /** The budget compiled code left after on-stack replacement. */
    private int osrBudget;
    /**
     * Whether a callee run from the dispatch loop (compiled code, a tail call) counts in
     * {@code context.budget}: then a trap that leaves it leaves that count, not the loop's stale one.
     */
    private boolean budgetInContext;
    /** Whether the current frame was replaced (by compiled code, or by a tail call's callee) when a trap left it. */
    private boolean frameReplaced;

    private Interpreter(StoreContext context) {
        this.context = context;
        this.baseDepth = context.callDepth;
    }

    /** How calls from Java enter wasm code: every store's {@link StoreContext#entry()}. */
    public static final WasmEntry ENTRY = new WasmEntry() {
        @Override
        public long[] invoke(WasmFunction function, long[] args) {
            return enter(function, args, null, null);
        }

        @Override
        public Value[] invoke(WasmFunction function, Value[] args) {
            FuncType type = function.type();
            long[] bits = new long[args.length];
            for (int i = 0; i < args.length; i++) {
                bits[i] = args[i].bits();
            }
            Value[] out = new Value[type.results().size()];
            if (Value.isSlotNumeric(type)) {
                long[] results = enter(function, bits, null, null);
                for (int i = 0; i < out.length; i++) {
                    out[i] = Value.fromBits(type.results().get(i), results[i]);
                }
            } else {
                enter(function, bits, args, out);
            }
            return out;
        }
    };

    /**
     * An outermost call of {@code wasm} from the host. For a signature with references or vectors,
     * {@code typedArgs} holds the arguments as values (their low halves are in {@code args} too) and
     * {@code typedResults} receives the results; both are null for a numeric signature.
     */
    private static long[] enter(WasmFunction wasm, long[] args, Value[] typedArgs, Value[] typedResults) {
        StoreContext context = wasm.instance().context();
        if (wasm.tiers() != null && !DeepStack.current()) {
            return DeepStack.call(() -> enter(wasm, args, typedArgs, typedResults), context);
        }
        int savedDepth = context.callDepth;
        int savedBudget = context.budget;
        int savedArrayFrameSlots = context.arrayFrameSlots; // compiled frames a trap unwound do not give theirs back
        context.startCall();
        context.budget = 0;
        try {
            JvmCode compiled = wasm.tiers() == null ? null : wasm.tiers().codeFor(wasm.index(), context.engine());
            return compiled != null ? runCompiled(compiled, wasm, args, typedArgs, typedResults)
                    : new Interpreter(context).run(wasm, args, typedArgs, typedResults);
        } catch (Trap trap) {
            throw new WasmTrap(trap.kind(), trap.detail(), trap.frames(), trap.getCause());
        } finally {
            context.returnSlice(context.budget);
            context.budget = savedBudget;
            context.callDepth = savedDepth;
            context.arrayFrameSlots = savedArrayFrameSlots;
            context.endCall();
        }
    }

    /** Runs compiled code from the host: its own slice, the results in the argument slots (and {@code typedResults}). */
    private static long[] runCompiled(JvmCode compiled, WasmFunction function, long[] args, Value[] typedArgs,
            Value[] typedResults) {
        StoreContext context = function.instance().context();
        List<ValType> resultTypes = function.type().results();
        int results = resultTypes.size();
        long[] slots = Arrays.copyOf(args, Math.max(args.length, results));
        long[] high = null;
        Object[] refs = null;
        if (typedArgs != null) {
            high = new long[slots.length];
            refs = new Object[slots.length];
            for (int i = 0; i < typedArgs.length; i++) {
                high[i] = typedArgs[i].high();
                refs[i] = typedArgs[i].ref();
            }
        }
        try {
            context.budget = context.takeBudget();
        } catch (Trap trap) {
            trap.addFrame(frameName(function, -1));
            throw trap;
        }
        try {
            compiled.slots().call(slots, high, refs, 0, function.instance());
        } catch (StackOverflowError e) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED, JAVA_STACK_OVERFLOW);
        } catch (OutOfMemoryError e) { // no compiled frame could make the trap: now that they are unwound, it can be made
            if (refs != null) {
                Arrays.fill(refs, null);
            }
            throw new Trap(TrapKind.OUT_OF_MEMORY, "the JVM's heap is exhausted", e);
        }
        if (typedResults != null) {
            for (int i = 0; i < results; i++) {
                typedResults[i] = Value.fromSlots(resultTypes.get(i), slots[i], high[i], refs[i]);
            }
        }
        return slots.length == results ? slots : Arrays.copyOf(slots, results);
    }

    /**
     * Calls {@code function} from compiled code, which has checked the call depth and counted the
     * call: a trap leaves as the internal {@link Trap}, with this interpreter's frames added. The
     * arguments and results are in compiled code's layout, a {@code v128} in two slots ({@link PairedSlots}),
     * the references of the arguments in {@code refs} and those of the results in the store's
     * {@link StoreContext#resultRefs}.
     */
    public static long[] invokeNested(WasmFunction function, long[] args, Object[] refs) {
        StoreContext context = function.instance().context();
        int savedDepth = context.callDepth;
        // compiled code calls functions that are still interpreted often: reuse their interpreters' stacks
        Interpreter interpreter = (Interpreter) context.spareInterpreters.poll();
        if (interpreter == null) {
            interpreter = new Interpreter(context);
        } else {
            interpreter.baseDepth = savedDepth;
        }
        try {
            FuncType type = function.type();
            if (!PairedSlots.hasWide(type.params()) && !PairedSlots.hasWide(type.results())) {
                return interpreter.run(function, args, null, null);
            }
            Value[] values = PairedSlots.values(type.params(), args, refs);
            long[] bits = new long[values.length];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = values[i].bits();
            }
            Value[] results = new Value[type.results().size()];
            interpreter.run(function, bits, values, results);
            return PairedSlots.of(type.results(), results, context.resultRefs(PairedSlots.count(type.results())));
        } finally {
            context.callDepth = savedDepth;
            interpreter.release();
        }
    }

    /** Back to the store's spares, its frames cleared (a trap leaves them), unless its stack grew large. */
    private void release() {
        Arrays.fill(frameFunctions, 0, depth, null);
        depth = 0;
        frameReplaced = false;
        budgetInContext = false;
        if (stack.length <= MAX_SPARE_STACK) {
            context.spareInterpreters.push(this);
        }
    }

    /** Runs {@code entry}; a trap leaves as a {@link Trap} carrying the frames of this interpreter. */
    private long[] run(WasmFunction entry, long[] args, Value[] typedArgs, Value[] typedResults) {
        WasmFunction[] current = {entry};
        int[] position = {0, 0}; // pc and fp where the dispatch loop was left
        Trap trap;
        try {
            ensureStack(entry.code().frameSize());
            System.arraycopy(args, 0, stack, 0, args.length);
            if (typedArgs != null) {
                ensureRefs();
                ensureHigh();
                for (int i = 0; i < typedArgs.length; i++) {
                    refs[i] = typedArgs[i].ref();
                    high[i] = typedArgs[i].high();
                }
            }
            initFrame(stack, 0, entry.code());
            while (true) {
                try {
                    execute(current, position);
                    break;
                } catch (ThrownException thrown) {
                    unwind(thrown, current, position);
                }
            }
            int results = entry.type().results().size();
            if (typedResults != null) {
                for (int i = 0; i < results; i++) {
                    typedResults[i] = Value.fromSlots(entry.type().results().get(i), stack[i], high[i], refs[i]);
                }
                Arrays.fill(refs, 0, results, null);
            }
            return Arrays.copyOf(stack, results);
        } catch (Trap t) {
            trap = t;
        } catch (StackOverflowError e) {
            trap = new Trap(TrapKind.CALL_STACK_EXHAUSTED, JAVA_STACK_OVERFLOW);
        } catch (ThrownException e) { // no handler of this interpreter's frames caught it
            if (refs != null) {
                Arrays.fill(refs, null);
            }
            throw e;
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            trap = new Trap(TrapKind.HOST_ERROR, e.toString(), e);
        } catch (OutOfMemoryError e) {
            if (refs != null) {
                Arrays.fill(refs, null); // first let go of what wasm held, so that the trap can be made
            }
            trap = new Trap(TrapKind.OUT_OF_MEMORY, "the JVM's heap is exhausted", e);
        }
        if (refs != null) {
            Arrays.fill(refs, null); // the frames the trap unwound did not clear theirs
        }
        addFrames(trap, current[0], position[0]);
        throw trap;
    }

    /** Adds this interpreter's frames to {@code trap}, innermost first. */
    private void addFrames(Trap trap, WasmFunction function, int pc) {
        if (!frameReplaced) {
            // pc 0: the entry's first slice could not be drawn; the function had not begun (as in compiled code)
            trap.addFrame(pc == 0 ? frameName(function, -1) : frameAt(function, pc - 1));
        }
        for (int i = depth - 1; i >= 0; i--) {
            trap.addFrame(frameAt(frameFunctions[i], frameReturnPcs[i] - 1));
        }
    }

    private static String frameAt(WasmFunction function, int pc) {
        return frameName(function, function.code().sourceOffset(Math.max(pc, 0)));
    }

    /** A frame of a wasm stack trace: the function's name and the byte offset of the instruction. */
    public static String frameName(FunctionInstance function, int offset) {
        return function.displayName() + (offset >= 0 ? " @ 0x" + Integer.toHexString(offset) : "");
    }

    /** Grows the value stack to hold {@code needed} slots, within the store's stack limit. */
    private void ensureStack(int needed) {
        if (needed > stack.length) {
            int limit = context.limits().maxStackSlots();
            if (needed > limit || needed < 0) {
                throw new Trap(TrapKind.CALL_STACK_EXHAUSTED, "the value stack would exceed " + limit + " slots");
            }
            stack = Arrays.copyOf(stack, (int) Math.min(limit, Math.max(needed, 2L * stack.length)));
            if (refs != null) {
                refs = Arrays.copyOf(refs, stack.length);
            }
            if (high != null) {
                high = Arrays.copyOf(high, stack.length);
            }
        }
    }

    /** The reference slots exist (a function with references runs). */
    private void ensureRefs() {
        if (refs == null) {
            refs = new Object[stack.length];
        }
    }

    /** The slots of high halves exist (a function with vectors runs). */
    private void ensureHigh() {
        if (high == null) {
            high = new long[stack.length];
        }
    }

    private void checkDepth() {
        if (baseDepth + depth + 1 >= context.maxCallDepth) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        }
    }

    /**
     * Runs a compiled callee on the arguments at slot {@code base} of {@code caller}'s frame at
     * {@code fp}, counting the call; returns the rest of the slice. (Out of the dispatch loop, which
     * must stay small: every byte of it is a byte less of C2's inlining budget for its helpers.)
     * The callee counts in {@code context.budget}, which stays the count when it traps ({@link #budgetInContext}).
     */
    private int callCompiled(JvmCode jvm, WasmFunction callee, int base, int budget, WasmFunction caller, int fp) {
        checkDepth();
        budgetInContext = true;
        context.budget = budget - 1;
        if (context.budget == 0) {
            context.budget = nextSlice(caller, -1, fp);
        }
        ensureStack(base + callee.type().results().size());
        context.callDepth = baseDepth + depth + 1;
        jvm.slots().call(stack, high, refs, base, callee.instance());
        budgetInContext = false;
        return context.budget;
    }

    private void pushFrame(WasmFunction caller, int returnPc, int fp) {
        checkDepth();
        saveFrame(caller, returnPc, fp);
        depth++;
    }

    /**
     * The slice for a call from {@code caller} that used up the last one. A trap names the caller at the call,
     * once: its frame, pushed already, comes off again (the callee has not begun, as in compiled code).
     */
    private int callSlice(WasmFunction caller, int fp) {
        try {
            return nextSlice(caller, -1, fp);
        } catch (Trap trap) {
            frameFunctions[--depth] = null;
            throw trap;
        }
    }

    /** Stores a frame at index {@code depth} of the frame stack (growing it), without entering it. */
    private void saveFrame(WasmFunction caller, int returnPc, int fp) {
        if (depth == frameFunctions.length) {
            int size = depth * 2;
            frameFunctions = Arrays.copyOf(frameFunctions, size);
            frameReturnPcs = Arrays.copyOf(frameReturnPcs, size);
            frameFps = Arrays.copyOf(frameFps, size);
        }
        frameFunctions[depth] = caller;
        frameReturnPcs[depth] = returnPc;
        frameFps[depth] = fp;
    }

    /**
     * Finds the handler of {@code thrown}, which left the dispatch loop at {@code position} (pc and fp) in
     * {@code current[0]}, raised at pc - 1 (a call's last word for an exception a callee let out): the
     * frame's handler table ({@link ExceptionHandlers#find}), then the callers' frames, which it pops. The
     * payload (and the exception, for a {@code _ref} clause or a legacy catch that may rethrow) goes to the
     * catching frame's slots, and {@code current}/{@code position} to the clause's target, where the
     * dispatch loop resumes: the loop itself has no handler, which would cost every wasm program speed
     * (RATIONALE). A catch counts one unit of the slice, as a back-edge: a loop that only throws and
     * catches runs out of fuel or time too. Every frame left is added to the exception's stack; when none
     * catches, it leaves this interpreter.
     */
    private void unwind(ThrownException thrown, WasmFunction[] current, int[] position) {
        budgetInContext = false; // the loop left its count in context.budget either way
        boolean gone = frameReplaced; // a tail call's callee or compiled code took the frame over: its handlers are left
        frameReplaced = false;
        WasmFunction function = current[0];
        int at = position[0] - 1;
        int fp = position[1];
        while (true) {
            int[] handlers = function.code().handlers();
            int clause = gone || handlers.length == 0 ? -1
                    : ExceptionHandlers.find(handlers, at, thrown.tagInstance(), function.instance().tags);
            if (clause >= 0) {
                deliver(thrown, handlers, clause, fp);
                current[0] = function;
                position[0] = handlers[clause + ExceptionHandlers.TARGET];
                position[1] = fp;
                if (--context.budget == 0) {
                    context.budget = catchSlice(function, at, fp);
                }
                return;
            }
            if (!gone) {
                WasmFunction left = function;
                int offset = at;
                thrown.addFrame(() -> frameAt(left, offset));
            }
            gone = false;
            if (depth == 0) {
                throw thrown;
            }
            depth--;
            function = frameFunctions[depth];
            frameFunctions[depth] = null;
            at = frameReturnPcs[depth] - 1;
            fp = frameFps[depth];
        }
    }

    /**
     * The next slice for a catch of what came out of the instruction at {@code at} (a throw, or a call). A trap
     * names the catching frame there, as the exception's stack would: {@link #addFrames} would take the catch's
     * target, which at the function's start is a call that had not begun.
     */
    private int catchSlice(WasmFunction function, int at, int fp) {
        try {
            return nextSlice(function, -1, fp);
        } catch (Trap trap) {
            trap.addFrame(frameAt(function, at));
            frameReplaced = true; // the frame is in the trace already
            throw trap;
        }
    }

    /** Writes what the handler clause at {@code clause} passes to its target: the payload, and the exception where it keeps it. */
    private void deliver(ThrownException thrown, int[] handlers, int clause, int fp) {
        TagInstance tag = thrown.tagInstance();
        int exceptionSlot = handlers[clause + ExceptionHandlers.EXCEPTION_SLOT];
        if (tag.payloadHasReferences() || exceptionSlot >= 0) {
            ensureRefs();
        }
        if (tag.payloadHasVectors()) {
            ensureHigh();
        }
        if (handlers[clause] >= 0) { // catch_all takes no payload
            thrown.toSlots(stack, high, refs, fp + handlers[clause + ExceptionHandlers.DESTINATION]);
        }
        if (exceptionSlot >= 0) {
            refs[fp + exceptionSlot] = thrown;
        }
    }

    /** Sets up the frame of {@code function} at {@code fp} ({@link #initFrame}), growing the stack first if need be; returns the stack. */
    private long[] enterFrame(int fp, LoweredFunction function) {
        if (fp + function.frameSize() > stack.length) {
            ensureStack(fp + function.frameSize());
        }
        initFrame(stack, fp, function);
        return stack;
    }

    /** Zeroes the declared locals and loads the constant slots of a new frame at {@code fp}. */
    private static void initFrame(long[] s, int fp, LoweredFunction function) {
        Arrays.fill(s, fp + function.paramCount(), fp + function.localCount(), 0L);
        long[] constants = function.constants();
        System.arraycopy(constants, 0, s, fp + function.localCount(), constants.length);
    }

    /**
     * Calls a host function with the arguments at slot {@code base}; its results are written there.
     * {@code framesBefore}: the wasm frames active below it (for wasm the host calls in turn).
     */
    private void callHost(HostFunctionInstance host, ModuleInstance caller, int base, int framesBefore) {
        if (host.isTyped()) {
            context.callDepth = framesBefore;
            callTypedHost(host, caller, base);
            return;
        }
        int paramCount = host.type().params().size();
        long[] args = Arrays.copyOfRange(stack, base, base + paramCount);
        context.callDepth = framesBefore;
        long[] results = host.call(caller, args);
        ensureStack(base + results.length);
        System.arraycopy(results, 0, stack, base, results.length);
    }

    /** A typed host function on the arguments at slot {@code base}: its results go there. */
    private void callTypedHost(HostFunctionInstance host, ModuleInstance caller, int base) {
        var params = host.type().params();
        Value[] args = new Value[params.size()];
        for (int i = 0; i < args.length; i++) {
            ValType type = params.get(i);
            int slot = base + i;
            args[i] = Value.fromSlots(type, stack[slot], high == null ? 0 : high[slot], refs == null ? null : refs[slot]);
        }
        Value[] results = host.call(caller, args);
        ensureStack(base + results.length);
        for (int i = 0; i < results.length; i++) {
            stack[base + i] = results[i].bits();
            // (a numeric caller may have no reference or high slots)
            if (results[i].type().isReference()) {
                refs[base + i] = results[i].ref();
            } else if (results[i].type() == ValType.V128) {
                high[base + i] = results[i].high();
            }
        }
    }

    /**
     * {@code return_call}, {@code return_call_indirect} or {@code return_call_ref} (immediates at
     * {@code pc}) in the frame of {@code function} at {@code fp}: resolves the callee, moves the
     * arguments to the frame base and hands the frame over to the callee ({@link #handOver}); an
     * interpreted one that continues there gets its frame set up.
     */
    private WasmFunction tailCall(int op, int[] c, int pc, int fp, WasmFunction function, int budget) {
        context.budget = budget;
        budgetInContext = true;
        ModuleInstance instance = function.instance();
        FunctionInstance callee;
        int base;
        if (op == RETURN_CALL) {
            callee = instance.functions[c[pc]];
            base = c[pc + 1];
        } else {
            boolean byReference = op == RETURN_CALL_REF;
            callee = dynamicCallee(byReference, instance, c, pc, fp);
            base = c[pc + (byReference ? 1 : 3)];
        }
        int params = callee.type().params().size();
        System.arraycopy(stack, fp + base, stack, fp, params);
        LoweredFunction lowered = function.code();
        if (lowered.movesWideValues()) {
            System.arraycopy(refs, fp + base, refs, fp, params);
            Arrays.fill(refs, fp + params, fp + lowered.frameSize(), null); // the rest of this frame is dead
            if (high != null) {
                System.arraycopy(high, fp + base, high, fp, params);
            }
        }
        WasmFunction next = handOver(callee, instance, fp);
        if (next != null) {
            initFrame(stack, fp, next.code());
        }
        budgetInContext = false;
        return next;
    }

    /** The callee of a call through a function reference (slot {@code c[pc]}) or a table ({@code call_indirect}'s immediates). */
    private FunctionInstance dynamicCallee(boolean byReference, ModuleInstance instance, int[] c, int pc, int fp) {
        return byReference ? referencedCallee(refs[fp + c[pc]])
                : indirectCallee(instance, c[pc], c[pc + 1], stack[fp + c[pc + 2]]);
    }

    /**
     * Replaces the frame at {@code fp}, whose first slots hold the arguments, by a call of
     * {@code callee} from {@code caller} ({@code return_call_ref} can enter here with its resolved
     * callee), counted as any call. Returns the interpreted function that continues in the frame
     * (the stack is large enough for it), or null once the frame's results are at {@code fp}: a
     * host or compiled callee ran. A compiled callee's own tail calls come back here through the
     * store's {@link PendingTailCall} and are made in this loop, so that a cycle through compiled
     * code does not grow the Java stack either. Counts in {@code context.budget}, which is up to date
     * when a trap leaves too.
     */
    private WasmFunction handOver(FunctionInstance callee, ModuleInstance caller, int fp) {
        frameReplaced = true; // a trap from here on is the callee's: this frame is gone
        int framesBefore = baseDepth + depth;
        while (true) {
            if (callee instanceof HostFunctionInstance host) {
                callHost(host, caller, fp, framesBefore);
                break;
            }
            var wasm = (WasmFunction) callee;
            if (--context.budget == 0) {
                context.budget = calleeSlice(wasm, fp);
            }
            JvmCode jvm = wasm.compiledCode();
            if (jvm == null) {
                ensureStack(fp + wasm.code().frameSize());
                frameReplaced = false;
                return wasm;
            }
            ensureStack(fp + wasm.type().results().size());
            context.callDepth = framesBefore;
            jvm.slots().tailCall(stack, high, refs, fp, wasm.instance());
            PendingTailCall pending = context.tailCall;
            callee = pending.take();
            if (callee == null) {
                break;
            }
            caller = pending.caller;
            List<ValType> params = callee.type().params();
            ensureStack(fp + params.size());
            if (PairedSlots.hasWide(params)) {
                ensureHigh();
                ensureRefs();
                PairedSlots.unpair(params, pending.args, pending.refs, stack, high, refs, fp);
            } else {
                System.arraycopy(pending.args, 0, stack, fp, params.size());
            }
        }
        frameReplaced = false;
        return null;
    }

    /**
     * The slice for a tail callee whose call used up the last one. A trap names the callee without
     * an offset: the caller's frame is gone and the callee has not begun, as an entry whose first
     * slice cannot be drawn (and as {@code FunctionTiers.enterTail} in compiled code).
     */
    private int calleeSlice(WasmFunction callee, int fp) {
        try {
            return nextSlice(callee, -1, fp);
        } catch (Trap trap) {
            trap.addFrame(frameName(callee, -1));
            throw trap;
        }
    }

    /**
     * The dispatch loop, from {@code position} (pc and fp) in {@code current[0]}, whose frame is set up.
     * Both are written back (in the {@code finally}) whenever the loop is left, so a trap can name the
     * function and instruction and a caught exception can resume the loop ({@link #unwind}). The
     * results of the entry function end up in slots 0….
     */
    private void execute(WasmFunction[] current, int[] position) {
        WasmFunction function = current[0];
        LoweredFunction lowered = function.code();
        int[] c = lowered.code();
        ModuleInstance instance = function.instance();
        LinearMemory[] memories = instance.memories;
        GlobalInstance[] globals = instance.globals;
        long[] s = this.stack;
        int pc = position[0];
        int fp = position[1];
        int budget = 0;
        try {
            budget = context.takeBudget();
            while (true) {
                try {
                    int op = c[pc++];
                    // a tree of opcode ranges, then a switch per range: C1, which compiles this loop in the tiered
                    // engine, tests a switch's cases one by one in key order (RATIONALE "The dispatch is a tree of switches")
                    if (op < I32_EQZ) { // control, calls, variables, memory
                        if (op < I32_LOAD) {
                            if (op < CALL) {
                                switch (op) {
                                    case UNREACHABLE -> throw new Trap(TrapKind.UNREACHABLE);
                                    case BR -> pc = c[pc];
                                    case BR_IF -> pc = (int) s[fp + c[pc]] != 0 ? c[pc + 1] : pc + 2;
                                    case Op.IF -> pc = (int) s[fp + c[pc]] == 0 ? c[pc + 1] : pc + 2;
                                    case Op.BR_LOOP -> {
                                        if (--budget == 0) {
                                            budget = nextSlice(function, c[pc], fp);
                                        }
                                        pc = c[pc];
                                    }
                                    case Op.BR_IF_LOOP -> {
                                        if ((int) s[fp + c[pc]] != 0) {
                                            if (--budget == 0) {
                                                budget = nextSlice(function, c[pc + 1], fp);
                                            }
                                            pc = c[pc + 1];
                                        } else {
                                            pc += 2;
                                        }
                                    }
                                    case Op.BR_UNWIND, Op.BR_IF_UNWIND, BR_TABLE -> {
                                        // each form leads to one (target, dst, arity) entry and a src slot
                                        int entry;
                                        int src;
                                        if (op == BR_TABLE) {
                                            int index = (int) s[fp + c[pc]];
                                            int count = c[pc + 2];
                                            src = c[pc + 1];
                                            entry = pc + 3 + 3 * (Integer.compareUnsigned(index, count) < 0 ? index : count);
                                        } else if (op == Op.BR_UNWIND) {
                                            src = c[pc];
                                            entry = pc + 1;
                                        } else if ((int) s[fp + c[pc]] != 0) {
                                            src = c[pc + 1];
                                            entry = pc + 2;
                                        } else {
                                            pc += 5;
                                            continue;
                                        }
                                        int arity = c[entry + 2];
                                        System.arraycopy(s, fp + src, s, fp + c[entry + 1], arity);
                                        if (c[entry] < pc && --budget == 0) {
                                            budget = nextSlice(function, c[entry], fp);
                                        }
                                        pc = c[entry];
                                    }
                                    case RETURN -> {
                                        int results = lowered.resultCount();
                                        System.arraycopy(s, fp + c[pc], s, fp, results);
                                        if (depth == 0) {
                                            return;
                                        }
                                        depth--;
                                        function = frameFunctions[depth];
                                        frameFunctions[depth] = null;
                                        pc = frameReturnPcs[depth];
                                        fp = frameFps[depth];
                                        lowered = function.code();
                                        c = lowered.code();
                                        instance = function.instance();
                                        memories = instance.memories;
                                        globals = instance.globals;
                                    }
                                    default -> pc = executeCold(op, s, fp, c, pc, instance);
                                }
                            } else {
                                switch (op) {
                                    case CALL, CALL_INDIRECT, CALL_REF -> {
                                        FunctionInstance callee;
                                        int base;
                                        if (op == CALL) {
                                            callee = instance.functions[c[pc]];
                                            base = c[pc + 1];
                                            pc += 2;
                                        } else {
                                            boolean byReference = op == CALL_REF;
                                            callee = dynamicCallee(byReference, instance, c, pc, fp);
                                            base = c[pc + (byReference ? 1 : 3)];
                                            pc += byReference ? 2 : 4;
                                        }
                                        JvmCode jvm;
                                        if (callee instanceof WasmFunction wasm && (jvm = wasm.compiledCode()) != null) {
                                            budget = callCompiled(jvm, wasm, fp + base, budget, function, fp);
                                            s = this.stack;
                                        } else if (callee instanceof WasmFunction wasm) {
                                            pushFrame(function, pc, fp);
                                            if (--budget == 0) {
                                                budget = callSlice(function, fp);
                                            }
                                            function = wasm;
                                            lowered = wasm.code();
                                            fp += base;
                                            s = enterFrame(fp, lowered);
                                            c = lowered.code();
                                            instance = wasm.instance();
                                            memories = instance.memories;
                                            globals = instance.globals;
                                            pc = 0;
                                        } else {
                                            callHost((HostFunctionInstance) callee, instance, fp + base, baseDepth + depth + 1);
                                            s = this.stack;
                                        }
                                    }
                                    case RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> {
                                        WasmFunction next = tailCall(op, c, pc, fp, function, budget);
                                        budget = context.budget;
                                        s = this.stack;
                                        if (next == null) {
                                            pc = lowered.osrExit(); // the results are at fp: leave through the final RETURN
                                        } else {
                                            function = next;
                                            lowered = next.code();
                                            c = lowered.code();
                                            instance = next.instance();
                                            memories = instance.memories;
                                            globals = instance.globals;
                                            pc = 0;
                                        }
                                    }
                                    case Op.COPY -> {
                                        s[fp + c[pc]] = s[fp + c[pc + 1]];
                                        pc += 2;
                                    }
                                    case Op.CONST -> {
                                        s[fp + c[pc]] = (c[pc + 1] & 0xFFFFFFFFL) | ((long) c[pc + 2] << 32);
                                        pc += 3;
                                    }
                                    case SELECT -> {
                                        s[fp + c[pc]] = (int) s[fp + c[pc + 3]] != 0 ? s[fp + c[pc + 1]] : s[fp + c[pc + 2]];
                                        pc += 4;
                                    }
                                    case GLOBAL_GET -> {
                                        s[fp + c[pc]] = globals[c[pc + 1]].value;
                                        pc += 2;
                                    }
                                    case GLOBAL_SET -> {
                                        globals[c[pc + 1]].value = s[fp + c[pc]];
                                        pc += 2;
                                    }
                                    default -> pc = executeCold(op, s, fp, c, pc, instance);
                                }
                            }
                        } else if (op < I32_STORE) {
                            switch (op) {
                                case I32_LOAD, F32_LOAD, I64_LOAD32_S -> {
                                    s[fp + c[pc]] = memory(memories, c, pc + 2).load32(address(s[fp + c[pc + 1]], c, pc + 2));
                                    pc += 5;
                                }
                                case I64_LOAD, F64_LOAD -> {
                                    s[fp + c[pc]] = memory(memories, c, pc + 2).load64(address(s[fp + c[pc + 1]], c, pc + 2));
                                    pc += 5;
                                }
                                case I32_LOAD8_S, I64_LOAD8_S -> {
                                    s[fp + c[pc]] = memory(memories, c, pc + 2).load8(address(s[fp + c[pc + 1]], c, pc + 2));
                                    pc += 5;
                                }
                                case I32_LOAD8_U, I64_LOAD8_U -> {
                                    s[fp + c[pc]] = memory(memories, c, pc + 2).load8(address(s[fp + c[pc + 1]], c, pc + 2)) & 0xFF;
                                    pc += 5;
                                }
                                case I32_LOAD16_S, I64_LOAD16_S -> {
                                    s[fp + c[pc]] = memory(memories, c, pc + 2).load16(address(s[fp + c[pc + 1]], c, pc + 2));
                                    pc += 5;
                                }
                                case I32_LOAD16_U, I64_LOAD16_U -> {
                                    s[fp + c[pc]] = memory(memories, c, pc + 2).load16(address(s[fp + c[pc + 1]], c, pc + 2)) & 0xFFFF;
                                    pc += 5;
                                }
                                case I64_LOAD32_U -> {
                                    s[fp + c[pc]] = memory(memories, c, pc + 2).load32(address(s[fp + c[pc + 1]], c, pc + 2)) & 0xFFFFFFFFL;
                                    pc += 5;
                                }
                                default -> pc = executeCold(op, s, fp, c, pc, instance);
                            }
                        } else {
                            switch (op) {
                                case I32_STORE, F32_STORE, I64_STORE32 -> {
                                    memory(memories, c, pc + 2).store32(address(s[fp + c[pc]], c, pc + 2), (int) s[fp + c[pc + 1]]);
                                    pc += 5;
                                }
                                case I64_STORE, F64_STORE -> {
                                    memory(memories, c, pc + 2).store64(address(s[fp + c[pc]], c, pc + 2), s[fp + c[pc + 1]]);
                                    pc += 5;
                                }
                                case I32_STORE8, I64_STORE8 -> {
                                    memory(memories, c, pc + 2).store8(address(s[fp + c[pc]], c, pc + 2), (byte) s[fp + c[pc + 1]]);
                                    pc += 5;
                                }
                                case I32_STORE16, I64_STORE16 -> {
                                    memory(memories, c, pc + 2).store16(address(s[fp + c[pc]], c, pc + 2), (short) s[fp + c[pc + 1]]);
                                    pc += 5;
                                }
                                default -> pc = executeCold(op, s, fp, c, pc, instance);
                            }
                        }
                    } else if (op < Op.BR_IF_CMP) { // numeric
                        if (op < I32_CLZ) {
                            switch (op) {
                                case I32_EQZ -> {
                                    s[fp + c[pc]] = Comparisons.i32Eqz((int) s[fp + c[pc + 1]]);
                                    pc += 2;
                                }
                                case I32_EQ -> {
                                    s[fp + c[pc]] = Comparisons.i32Eq((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_NE -> {
                                    s[fp + c[pc]] = Comparisons.i32Ne((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_LT_S -> {
                                    s[fp + c[pc]] = Comparisons.i32LtS((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_LT_U -> {
                                    s[fp + c[pc]] = Comparisons.i32LtU((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_GT_S -> {
                                    s[fp + c[pc]] = Comparisons.i32GtS((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_GT_U -> {
                                    s[fp + c[pc]] = Comparisons.i32GtU((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_LE_S -> {
                                    s[fp + c[pc]] = Comparisons.i32LeS((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_LE_U -> {
                                    s[fp + c[pc]] = Comparisons.i32LeU((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_GE_S -> {
                                    s[fp + c[pc]] = Comparisons.i32GeS((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_GE_U -> {
                                    s[fp + c[pc]] = Comparisons.i32GeU((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_EQZ -> {
                                    s[fp + c[pc]] = Comparisons.i64Eqz(s[fp + c[pc + 1]]);
                                    pc += 2;
                                }
                                case I64_EQ -> {
                                    s[fp + c[pc]] = Comparisons.i64Eq(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_NE -> {
                                    s[fp + c[pc]] = Comparisons.i64Ne(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_LT_S -> {
                                    s[fp + c[pc]] = Comparisons.i64LtS(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_LT_U -> {
                                    s[fp + c[pc]] = Comparisons.i64LtU(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_GT_S -> {
                                    s[fp + c[pc]] = Comparisons.i64GtS(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_GT_U -> {
                                    s[fp + c[pc]] = Comparisons.i64GtU(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_LE_S -> {
                                    s[fp + c[pc]] = Comparisons.i64LeS(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_LE_U -> {
                                    s[fp + c[pc]] = Comparisons.i64LeU(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_GE_S -> {
                                    s[fp + c[pc]] = Comparisons.i64GeS(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_GE_U -> {
                                    s[fp + c[pc]] = Comparisons.i64GeU(s[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case F64_EQ -> {
                                    s[fp + c[pc]] = f64(s[fp + c[pc + 1]]) == f64(s[fp + c[pc + 2]]) ? 1 : 0;
                                    pc += 3;
                                }
                                case F64_NE -> {
                                    s[fp + c[pc]] = f64(s[fp + c[pc + 1]]) != f64(s[fp + c[pc + 2]]) ? 1 : 0;
                                    pc += 3;
                                }
                                case F64_LT -> {
                                    s[fp + c[pc]] = f64(s[fp + c[pc + 1]]) < f64(s[fp + c[pc + 2]]) ? 1 : 0;
                                    pc += 3;
                                }
                                case F64_GT -> {
                                    s[fp + c[pc]] = f64(s[fp + c[pc + 1]]) > f64(s[fp + c[pc + 2]]) ? 1 : 0;
                                    pc += 3;
                                }
                                case F64_LE -> {
                                    s[fp + c[pc]] = f64(s[fp + c[pc + 1]]) <= f64(s[fp + c[pc + 2]]) ? 1 : 0;
                                    pc += 3;
                                }
                                case F64_GE -> {
                                    s[fp + c[pc]] = f64(s[fp + c[pc + 1]]) >= f64(s[fp + c[pc + 2]]) ? 1 : 0;
                                    pc += 3;
                                }
                                default -> pc = executeCold(op, s, fp, c, pc, instance);
                            }
                        } else if (op < I64_CLZ) {
                            switch (op) {
                                case I32_ADD -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] + (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_SUB -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] - (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_MUL -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] * (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_DIV_S -> {
                                    s[fp + c[pc]] = NumericOps.i32DivS((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_DIV_U -> {
                                    s[fp + c[pc]] = NumericOps.i32DivU((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_REM_S -> {
                                    s[fp + c[pc]] = NumericOps.i32RemS((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_REM_U -> {
                                    s[fp + c[pc]] = NumericOps.i32RemU((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_AND -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] & (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_OR -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] | (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_XOR -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] ^ (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_SHL -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] << (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_SHR_S -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] >> (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_SHR_U -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]] >>> (int) s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I32_ROTL -> {
                                    s[fp + c[pc]] = Integer.rotateLeft((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I32_ROTR -> {
                                    s[fp + c[pc]] = Integer.rotateRight((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                default -> pc = executeCold(op, s, fp, c, pc, instance);
                            }
                        } else if (op < F32_ABS) {
                            switch (op) {
                                case I64_ADD -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] + s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_SUB -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] - s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_MUL -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] * s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_AND -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] & s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_OR -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] | s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_XOR -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] ^ s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_SHL -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] << s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_SHR_S -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] >> s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_SHR_U -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] >>> s[fp + c[pc + 2]];
                                    pc += 3;
                                }
                                case I64_ROTL -> {
                                    s[fp + c[pc]] = Long.rotateLeft(s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                case I64_ROTR -> {
                                    s[fp + c[pc]] = Long.rotateRight(s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]]);
                                    pc += 3;
                                }
                                default -> pc = executeCold(op, s, fp, c, pc, instance);
                            }
                        } else {
                            switch (op) {
                                case F32_ADD -> {
                                    s[fp + c[pc]] = bits(f32(s[fp + c[pc + 1]]) + f32(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case F32_SUB -> {
                                    s[fp + c[pc]] = bits(f32(s[fp + c[pc + 1]]) - f32(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case F32_MUL -> {
                                    s[fp + c[pc]] = bits(f32(s[fp + c[pc + 1]]) * f32(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case F32_DIV -> {
                                    s[fp + c[pc]] = bits(f32(s[fp + c[pc + 1]]) / f32(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case F64_NEG -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] ^ Long.MIN_VALUE;
                                    pc += 2;
                                }
                                case F64_ADD -> {
                                    s[fp + c[pc]] = bits(f64(s[fp + c[pc + 1]]) + f64(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case F64_SUB -> {
                                    s[fp + c[pc]] = bits(f64(s[fp + c[pc + 1]]) - f64(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case F64_MUL -> {
                                    s[fp + c[pc]] = bits(f64(s[fp + c[pc + 1]]) * f64(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case F64_DIV -> {
                                    s[fp + c[pc]] = bits(f64(s[fp + c[pc + 1]]) / f64(s[fp + c[pc + 2]]));
                                    pc += 3;
                                }
                                case I32_WRAP_I64 -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]];
                                    pc += 2;
                                }
                                case I64_EXTEND_I32_S -> {
                                    s[fp + c[pc]] = (int) s[fp + c[pc + 1]];
                                    pc += 2;
                                }
                                case I64_EXTEND_I32_U -> {
                                    s[fp + c[pc]] = s[fp + c[pc + 1]] & 0xFFFFFFFFL;
                                    pc += 2;
                                }
                                case F64_CONVERT_I32_S -> {
                                    s[fp + c[pc]] = bits((double) (int) s[fp + c[pc + 1]]);
                                    pc += 2;
                                }
                                default -> pc = executeCold(op, s, fp, c, pc, instance);
                            }
                        }
                    } else { // fused compare-and-branch, and the cold forms
                        switch (op) {
                            // A negative target is a back-edge (stored as ~target), counted while pc still names the
                            // branch (for a trap's frame). Decoded without a branch: a direction this site has not
                            // taken yet would otherwise be left out by C2 and cost a deoptimization of this method.
                            case Op.BR_IF_CMP + 0 -> {
                                if ((int) s[fp + c[pc]] == 0) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 1 -> {
                                if ((int) s[fp + c[pc]] == (int) s[fp + c[pc + 1]]) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 2 -> {
                                if ((int) s[fp + c[pc]] != (int) s[fp + c[pc + 1]]) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 3 -> {
                                if ((int) s[fp + c[pc]] < (int) s[fp + c[pc + 1]]) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 4 -> {
                                if (Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) < 0) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 5 -> {
                                if ((int) s[fp + c[pc]] > (int) s[fp + c[pc + 1]]) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 6 -> {
                                if (Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) > 0) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 7 -> {
                                if ((int) s[fp + c[pc]] <= (int) s[fp + c[pc + 1]]) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 8 -> {
                                if (Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) <= 0) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 9 -> {
                                if ((int) s[fp + c[pc]] >= (int) s[fp + c[pc + 1]]) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.BR_IF_CMP + 10 -> {
                                if (Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) >= 0) {
                                    int target = c[pc + 2];
                                    int backEdge = target >> 31;
                                    target ^= backEdge;
                                    if ((budget += backEdge) == 0) {
                                        budget = nextSlice(function, target, fp);
                                    }
                                    pc = target;
                                } else {
                                    pc += 3;
                                }
                            }
                            case Op.IF_NOT_CMP + 0 -> pc = (int) s[fp + c[pc]] == 0 ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 1 -> pc = (int) s[fp + c[pc]] == (int) s[fp + c[pc + 1]] ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 2 -> pc = (int) s[fp + c[pc]] != (int) s[fp + c[pc + 1]] ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 3 -> pc = (int) s[fp + c[pc]] < (int) s[fp + c[pc + 1]] ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 4 -> pc = Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) < 0 ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 5 -> pc = (int) s[fp + c[pc]] > (int) s[fp + c[pc + 1]] ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 6 -> pc = Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) > 0 ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 7 -> pc = (int) s[fp + c[pc]] <= (int) s[fp + c[pc + 1]] ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 8 -> pc = Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) <= 0 ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 9 -> pc = (int) s[fp + c[pc]] >= (int) s[fp + c[pc + 1]] ? pc + 3 : c[pc + 2];
                            case Op.IF_NOT_CMP + 10 -> pc = Integer.compareUnsigned((int) s[fp + c[pc]], (int) s[fp + c[pc + 1]]) >= 0 ? pc + 3 : c[pc + 2];
                            default -> pc = executeCold(op, s, fp, c, pc, instance);
                        }
                    }
                } catch (OsrExit exit) {
                    budget = osrBudget;
                    pc = lowered.osrExit();
                }
            }
        } finally {
            current[0] = function;
            position[0] = pc;
            position[1] = fp;
            if (!budgetInContext) {
                context.budget = budget;
            }
        }
    }

    /**
     * The next slice. For {@link org.wasmvm.core.Engine#TIERED} the function that used up the last
     * one heats up; at a loop back-edge ({@code loopPc} is its header, else -1) it may also leave
     * for compiled code there and then (on-stack replacement, which ends with {@link OsrExit}).
     */
    private int nextSlice(WasmFunction function, int loopPc, int fp) {
        int slice = context.nextSlice();
        CodeTiers tiers = function.tiers();
        if (tiers != null) {
            tiers.heat(function.index());
            if (loopPc >= 0) {
                replaceFrame(function, tiers, loopPc, fp, slice);
            }
        }
        return slice;
    }

    /**
     * Runs the rest of the current frame in compiled code, entering at the loop whose header is at
     * {@code loopPc}, if the function's on-stack-replacement code is ready (it is compiled in the
     * background on first asking). Returns when it is not; otherwise throws {@link OsrExit} once the
     * compiled code has written the frame's results.
     */
    private void replaceFrame(WasmFunction function, CodeTiers tiers, int loopPc, int fp, int slice) {
        JvmCode osr = tiers.osrCode(function.index());
        LoweredFunction lowered = function.code();
        int loop = lowered.loopAt(loopPc);
        if (osr == null || loop < 0 || !osr.entersLoop(loop)) {
            return;
        }
        tiers.frameReplaced();
        context.callDepth = baseDepth + depth;
        context.budget = slice + 1; // the compiled prologue counts one unit for a call that did not happen
        try {
            osr.slots().osr(stack, high, refs, fp, loop, function.instance());
        } catch (Trap | ThrownException e) {
            frameReplaced = true; // the compiled frame is in the trace already
            throw e;
        }
        osrBudget = context.budget;
        throw OsrExit.INSTANCE;
    }

    /** Unwinds from {@link #replaceFrame} to the dispatch loop, which then leaves the replaced frame. */
    private static final class OsrExit extends RuntimeException {
        static final OsrExit INSTANCE = new OsrExit();

        private OsrExit() {
            super(null, null, false, false);
        }
    }

    static LinearMemory memory(LinearMemory[] memories, int[] c, int at) {
        return memories[c[at] & ~Op.INDEX_64];
    }

    /**
     * The effective address of a memory access: base + offset, unsigned; {@code c[at]} is the memory
     * immediate (bit 31 set for a 64-bit memory), then the offset's two halves. A 32-bit base is
     * zero-extended, so the sum cannot overflow. No memory reaches 2^63 bytes, so a 64-bit base or
     * offset of 2^63 or more is out of bounds whatever the sum: returned as -1, which every bounds
     * check rejects (and then the sum cannot wrap past 2^64). Kept small so the JIT inlines it.
     */
    static long address(long base, int[] c, int at) {
        long b = c[at] < 0 ? base : base & 0xFFFFFFFFL;
        long offset = (c[at + 1] & 0xFFFFFFFFL) | ((long) c[at + 2] << 32);
        return (b | offset) < 0 ? -1 : b + offset;
    }

    private static FunctionInstance referencedCallee(Object ref) {
        if (ref == null) {
            throw new Trap(TrapKind.NULL_FUNCTION_REFERENCE);
        }
        return (FunctionInstance) ref;
    }

    private static FunctionInstance indirectCallee(ModuleInstance instance, int typeIndex, int table, long index) {
        FunctionInstance callee = BulkOps.indirectTarget(instance.tables[table & ~Op.INDEX_64], index);
        if (!callee.matches(instance.module().typeId(typeIndex))) {
            throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return callee;
    }

    /**
     * The rarer instructions, out of the dispatch loop so it stays small enough for the JIT, each
     * family in a class of its own: {@link NumericHandlers}, {@link ReferenceHandlers},
     * {@link MemoryTableHandlers}, {@link SimdHandlers}, {@link ExceptionHandlers}, {@link AtomicHandlers} and {@link GcHandlers}. Returns the pc after the instruction.
     */
    private int executeCold(int op, long[] s, int fp, int[] c, int pc, ModuleInstance instance) {
        if (op == Op.CLEAR_REFS) {
            ensureRefs();
            Arrays.fill(refs, fp + c[pc], fp + c[pc + 1], null);
            return pc + 2;
        }
        if (op == Op.CLEAR_HIGH) {
            ensureHigh();
            Arrays.fill(high, fp + c[pc], fp + c[pc + 1], 0L);
            return pc + 2;
        }
        if (op == Op.THROW || op == Op.THROW_REF) {
            throw ExceptionHandlers.thrown(op, s, high, refs, fp, c, pc, instance);
        }
        if (op >= Op.GC_BASE) {
            return GcHandlers.execute(op, s, high, refs, fp, c, pc, instance);
        }
        if (op >= Op.ATOMIC_BASE) {
            return AtomicHandlers.execute(op, s, fp, c, pc, instance);
        }
        if (op >= Op.SIMD_BASE) {
            return SimdHandlers.execute(op, s, high, fp, c, pc, instance.memories, instance.globals);
        }
        if (op >= Op.FC_BASE) {
            int sub = op - Op.FC_BASE;
            return sub < 8 ? NumericHandlers.truncateSaturating(sub, s, fp, c, pc)
                    : MemoryTableHandlers.executeBulk(sub, s, refs, fp, c, pc, instance);
        }
        if (ReferenceHandlers.handles(op)) {
            return ReferenceHandlers.execute(op, s, refs, high, fp, c, pc, instance);
        }
        if (MemoryTableHandlers.handles(op)) {
            return MemoryTableHandlers.execute(op, s, refs, fp, c, pc, instance);
        }
        return NumericHandlers.execute(op, s, fp, c, pc);
    }
}
