package org.wasmvm.core.tier;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmException;
import org.wasmvm.core.interp.BulkOps;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.runtime.Trap;

/**
 * What compiled code calls into the runtime for: linking its calls, recording its frames in a
 * trap, and the checks that are not worth inlining. Public because generated classes live in the
 * compiler's package; not an API.
 */
public final class CompiledSupport {
    private CompiledSupport() {
    }

    /**
     * Bootstrap of a direct call to the defined function {@code functionIndex} of the caller's module
     * (the first element of the generated class's class data is the module's {@link FunctionTiers}).
     */
    public static CallSite callDirect(MethodHandles.Lookup caller, String name, MethodType type, int functionIndex)
            throws IllegalAccessException {
        return MethodHandles.classDataAt(caller, "_", FunctionTiers.class, 0).site(functionIndex);
    }

    /**
     * Bootstrap of a call through an invoker computed at run time ({@link #importTarget},
     * {@link #indirectTarget}): {@code (params…, int depthLeft, MethodHandle invoker, ModuleInstance caller) → result}.
     */
    public static CallSite callThrough(MethodHandles.Lookup caller, String name, MethodType type) {
        int n = type.parameterCount() - 2;
        MethodType target = type.dropParameterTypes(n, n + 1);
        MethodHandle invoker = MethodHandles.exactInvoker(target);   // (MethodHandle, params…, caller)
        int[] order = new int[n + 2];
        order[0] = n;
        for (int i = 0; i < n; i++) {
            order[i + 1] = i;
        }
        order[n + 1] = n + 1;
        return new ConstantCallSite(MethodHandles.permuteArguments(invoker, type, order));
    }

    /** The invoker of the imported function {@code functionIndex}. */
    public static MethodHandle importTarget(ModuleInstance instance, int functionIndex) {
        return invoker(instance.functions[functionIndex]);
    }

    /** The invoker {@code call_indirect} calls: traps on a bad index, a null entry or a signature mismatch. */
    public static MethodHandle indirectTarget(long index, ModuleInstance instance, int table, int typeIndex) {
        return invoker(indirectCallee(index, instance, table, typeIndex));
    }

    /** The function an indirect call calls: traps on a bad index, a null entry or a signature mismatch. */
    public static FunctionInstance indirectCallee(long index, ModuleInstance instance, int table, int typeIndex) {
        FunctionInstance callee = BulkOps.indirectTarget(instance.tables[table], index);
        if (!callee.matches(instance.module().typeId(typeIndex))) {
            throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return callee;
    }

    /** Argument {@code index} of the tail call about to be requested ({@link #tailCall}). */
    public static void tailArg(long value, StoreContext context, int index) {
        context.tailCall.ensure(index + 1)[index] = value;
    }

    /** Reference argument {@code index} of the tail call about to be requested. */
    public static void tailRef(Object ref, StoreContext context, int index) {
        context.tailCall.ensure(index + 1);
        context.tailCall.refs[index] = ref;
    }

    /** Reference result {@code index} of a function returning a {@code long[]}, stored just before it returns. */
    public static void resultRef(Object ref, StoreContext context, int index) {
        context.resultRefs(index + 1)[index] = ref;
    }

    /** Reference result {@code index} of the call that just returned a {@code long[]}. */
    public static Object resultRef(StoreContext context, int index) {
        return context.resultRefs(index + 1)[index];
    }

    /** The invoker {@code call_ref} calls: traps on a null reference. */
    public static MethodHandle referenceTarget(Object ref) {
        return invoker(referencedCallee(ref));
    }

    /** The function a call through a reference calls: traps on null. */
    public static FunctionInstance referencedCallee(Object ref) {
        if (ref == null) {
            throw new Trap(TrapKind.NULL_FUNCTION_REFERENCE);
        }
        return (FunctionInstance) ref;
    }

    /** {@code ref.as_non_null}: traps on null. */
    public static Object nonNull(Object ref) {
        if (ref == null) {
            throw new Trap(TrapKind.NULL_REFERENCE);
        }
        return ref;
    }

    /**
     * A tail call of {@code callee} from compiled code of {@code caller}, its arguments stored: left
     * pending for the code that called the tail-calling function ({@link TailCalls}), which returns next.
     */
    public static void tailCall(FunctionInstance callee, ModuleInstance caller) {
        caller.context().tailCall.request(callee, caller);
    }

    private static MethodHandle invoker(FunctionInstance function) {
        MethodHandle invoker = function.invoker;
        if (invoker == null) {
            invoker = Bridges.invoker(function);
            function.invoker = invoker;
        }
        return invoker;
    }

    /** A compiled frame whose locals live in arrays of {@code slots} elements begins (see {@link StoreContext#arrayFrameSlots}). */
    public static void enterArrayFrame(StoreContext context, int slots) {
        int limit = context.limits().maxStackSlots();
        if (slots > limit - context.arrayFrameSlots) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED, "the value stack would exceed " + limit + " slots");
        }
        context.arrayFrameSlots += slots;
    }

    /** Such a frame returns. (A trap leaves the count to the host's call, which restores it: {@code Interpreter}.) */
    public static void leaveArrayFrame(StoreContext context, int slots) {
        context.arrayFrameSlots -= slots;
    }

    /** The prologue found the call depth limit reached. */
    public static Trap callStackExhausted() {
        return new Trap(TrapKind.CALL_STACK_EXHAUSTED);
    }

    /**
     * Unmetered compiled code's entry found {@code depthLeft} not above {@link ModuleInstance#entryFloor}: traps when
     * no frame is left, or when a stop was asked for; returns when the stop was an earlier call's.
     */
    public static void refuseEntry(int depthLeft, ModuleInstance instance) {
        if (depthLeft <= 0) {
            throw callStackExhausted();
        }
        instance.context().checkStop();
    }

    /** The trap {@code unreachable} raises. */
    public static Trap unreachable() {
        return new Trap(TrapKind.UNREACHABLE);
    }

    /**
     * The exception handler of every compiled function: what left the instruction at {@code offset}
     * becomes (or stays) a {@link Trap} that records this frame; a wasm exception ({@link ThrownException})
     * records it and goes on. A heap exhausted (a GC allocation, or anything else) is an {@code out of memory}
     * trap ({@link #outOfMemory}). Other exceptions of the API (a nested trap, {@code exit}) and other JVM errors
     * pass through.
     */
    public static Throwable frame(Throwable thrown, int offset, ModuleInstance instance, int functionIndex) {
        Trap trap;
        if (thrown instanceof Trap t) {
            trap = t;
        } else if (thrown instanceof StackOverflowError) {
            trap = new Trap(TrapKind.CALL_STACK_EXHAUSTED, Interpreter.JAVA_STACK_OVERFLOW);
        } else if (thrown instanceof OutOfMemoryError e) {
            return outOfMemory(e, offset, instance, functionIndex);
        } else if (thrown instanceof ThrownException e) {
            FunctionInstance function = instance.functions[functionIndex];
            e.addFrame(() -> Interpreter.frameName(function, offset));
            return e;
        } else if (thrown instanceof RuntimeException e && !(e instanceof WasmException)) {
            trap = new Trap(TrapKind.HOST_ERROR, e.toString(), e);
        } else {
            return thrown;
        }
        trap.addFrame(Interpreter.frameName(instance.functions[functionIndex], offset));
        return trap;
    }

    /**
     * The {@code out of memory} trap of this frame, or, when even that cannot be allocated because this frame's
     * locals still hold what wasm allocated, the error itself: the next handler out, or the host's call
     * ({@code Interpreter}), makes the trap once this frame is unwound.
     */
    private static Throwable outOfMemory(OutOfMemoryError error, int offset, ModuleInstance instance, int functionIndex) {
        try {
            Trap trap = new Trap(TrapKind.OUT_OF_MEMORY, "the JVM's heap is exhausted", error);
            trap.addFrame(Interpreter.frameName(instance.functions[functionIndex], offset));
            return trap;
        } catch (OutOfMemoryError stillFull) {
            return error;
        }
    }

    /**
     * The exception handler of a region method of a split function: as {@link #frame}, except that a wasm
     * exception only notes the offset ({@link StoreContext#thrownSite}), since a handler of the function's
     * own method may still catch it; that method then adds the frame ({@link #fromRegion}).
     */
    public static Throwable regionFrame(Throwable thrown, int offset, ModuleInstance instance, int functionIndex) {
        if (thrown instanceof ThrownException) {
            instance.context().thrownSite = offset;
            return thrown;
        }
        return frame(thrown, offset, instance, functionIndex);
    }

    /** What left a region method reaches the function's own method's handler: a wasm exception gets the frame the region noted. */
    public static Throwable fromRegion(Throwable thrown, ModuleInstance instance, int functionIndex) {
        return thrown instanceof ThrownException ? frame(thrown, instance.context().thrownSite, instance, functionIndex) : thrown;
    }

    /** The effective address of a 64-bit memory access: as the interpreter computes it (-1 when beyond 2^63). */
    public static long address64(long base, long offset) {
        return (base | offset) < 0 ? -1 : base + offset;
    }
}
