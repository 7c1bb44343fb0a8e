package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.tier.JvmTypes;

/**
 * {@code call}, {@code call_indirect} and their tail-call forms. A direct call goes through a call site that links to the
 * callee's tier; an imported or indirect callee is a method handle looked up at the call and
 * invoked through an invoker. Each call passes one frame fewer as the callee's {@code depthLeft}
 * and hands the callee the budget around it ({@link Metering}). A call of the function itself invokes
 * {@code selfMethod} of this class.
 */
record CallEmitter(MethodVisitor mv, JvmFrame frame, OperandTypes types, WasmModule module, IndexSpaces spaces,
        int functionIndex, String className, String selfMethod, MethodSlots slots, Metering metering, TrapSites traps) {
    private static final String INSTANCE = FunctionEmitter.INSTANCE;
    private static final String SUPPORT = FunctionEmitter.SUPPORT;
    private static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";
    private static final String FUNCTION = "org/wasmvm/core/runtime/FunctionInstance";
    private static final Handle CALL_DIRECT = new Handle(H_INVOKESTATIC, SUPPORT, "callDirect",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;", false);
    private static final Handle CALL_THROUGH = new Handle(H_INVOKESTATIC, SUPPORT, "callThrough",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);

    void call(int callee, int offset) {
        FuncType calleeType = spaces.functionType(callee);
        String descriptor = JvmTypes.methodType(calleeType).toMethodDescriptorString();
        traps.callSite(offset, () -> {
            metering.syncOut();
            calleeDepth();
            mv.visitVarInsn(ALOAD, slots.instance());
            if (callee < spaces.importedFunctionCount()) {
                mv.visitInsn(DUP);
                frame.iconst(callee);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "importTarget", "(L" + INSTANCE + ";I)L" + METHOD_HANDLE + ";", false);
                mv.visitInsn(SWAP);
                mv.visitInvokeDynamicInsn("call", through(descriptor), CALL_THROUGH);
            } else if (callee == functionIndex) {
                // recursion: a plain static call (of the twin, if it has one), which C2 inlines better than a call site's target
                mv.visitMethodInsn(INVOKESTATIC, className, selfMethod, descriptor, false);
            } else {
                mv.visitInvokeDynamicInsn("call", descriptor, CALL_DIRECT, callee);
            }
            metering.syncIn();
        });
        results(calleeType);
    }

    void callIndirect(int typeIndex, int table, int offset) {
        FuncType calleeType = module.funcType(typeIndex);
        String descriptor = JvmTypes.methodType(calleeType).toMethodDescriptorString();
        traps.callSite(offset, () -> {
            metering.syncOut();
            tableEntry(table, typeIndex);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "indirectTarget", "(JL" + INSTANCE + ";II)L" + METHOD_HANDLE + ";", false);
            callTarget(descriptor);
        });
        results(calleeType);
    }

    /** {@code call_ref}: the reference on top of the arguments gives the invoker (a null one traps). */
    void callRef(int typeIndex, int offset) {
        FuncType calleeType = module.funcType(typeIndex);
        String descriptor = JvmTypes.methodType(calleeType).toMethodDescriptorString();
        types.pop();
        traps.callSite(offset, () -> {
            metering.syncOut();
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "referenceTarget", "(Ljava/lang/Object;)L" + METHOD_HANDLE + ";", false);
            callTarget(descriptor);
        });
        results(calleeType);
    }

    /** {@code return_call_ref}: the callee is the reference (null traps in this frame), then left pending as {@link #returnCall}'s. */
    void returnCallRef(int typeIndex, int offset) {
        FuncType calleeType = module.funcType(typeIndex);
        types.pop();
        traps.site(offset, () -> mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "referencedCallee",
                "(Ljava/lang/Object;)L" + FUNCTION + ";", false));
        pendCallee(calleeType);
    }

    /** With the table index on top: pushes it as a {@code long}, the instance, the table and the type index. */
    private void tableEntry(int table, int typeIndex) {
        if (types.pop() == ValType.I32) {
            mv.visitInsn(I2L);
        }
        mv.visitVarInsn(ALOAD, slots.instance());
        frame.iconst(table);
        frame.iconst(typeIndex);
    }

    /** Calls the invoker on top of the arguments. */
    private void callTarget(String descriptor) {
        calleeDepth();
        mv.visitInsn(SWAP);
        mv.visitVarInsn(ALOAD, slots.instance());
        mv.visitInvokeDynamicInsn("call", through(descriptor), CALL_THROUGH);
        metering.syncIn();
    }

    /**
     * {@code return_call} of this instance's function {@code callee}: left pending in the store
     * ({@link #requestTailCall}); the caller then returns.
     */
    void returnCall(int callee) {
        FuncType calleeType = spaces.functionType(callee);
        storeTailArgs(calleeType);
        mv.visitVarInsn(ALOAD, slots.instance());
        mv.visitFieldInsn(GETFIELD, INSTANCE, "functions", "[L" + FUNCTION + ";");
        frame.iconst(callee);
        mv.visitInsn(AALOAD);
        requestTailCall(calleeType);
    }

    /** {@code return_call_indirect}: the callee is resolved (which may trap in this frame), then left pending as {@link #returnCall}'s. */
    void returnCallIndirect(int typeIndex, int table, int offset) {
        FuncType calleeType = module.funcType(typeIndex);
        traps.site(offset, () -> {
            tableEntry(table, typeIndex);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "indirectCallee", "(JL" + INSTANCE + ";II)L" + FUNCTION + ";", false);
        });
        pendCallee(calleeType);
    }

    /** With the resolved callee on top of its arguments: the arguments go pending, then the call. */
    private void pendCallee(FuncType calleeType) {
        int callee = frame.scratchReference();
        mv.visitVarInsn(ASTORE, callee);
        storeTailArgs(calleeType);
        mv.visitVarInsn(ALOAD, callee);
        requestTailCall(calleeType);
    }

    /** Moves the arguments from the stack into the store's pending tail call, the last first. */
    private void storeTailArgs(FuncType calleeType) {
        List<ValType> params = calleeType.params();
        int index = PairedSlots.count(params);
        for (int i = params.size() - 1; i >= 0; i--) {
            ValType param = params.get(i);
            if (param.isReference()) {
                mv.visitVarInsn(ALOAD, slots.context());
                frame.iconst(--index);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "tailRef", "(Ljava/lang/Object;L" + FunctionEmitter.CONTEXT + ";I)V", false);
                continue;
            }
            frame.toSlot(param);
            for (int half = param == ValType.V128 ? 2 : 1; half > 0; half--) { // paired: a v128's high half on top
                mv.visitVarInsn(ALOAD, slots.context());
                frame.iconst(--index);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "tailArg", "(JL" + FunctionEmitter.CONTEXT + ";I)V", false);
            }
        }
        types.pop(params.size());
    }

    /**
     * With the callee on the stack: marks the tail call pending and pushes placeholder results,
     * which the function returns next; the code that called it makes the call (TailCalls in the
     * runtime, or the interpreter), so this JVM frame is gone by then.
     */
    private void requestTailCall(FuncType calleeType) {
        mv.visitVarInsn(ALOAD, slots.instance());
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "tailCall", "(L" + FUNCTION + ";L" + INSTANCE + ";)V", false);
        for (ValType result : calleeType.results()) {
            frame.zero(result);
        }
        types.pushAll(calleeType.results());
    }

    /** Pushes the callee's {@code depthLeft}: one frame fewer than this one's. */
    private void calleeDepth() {
        mv.visitVarInsn(ILOAD, slots.depth());
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
    }

    /** The descriptor of a call through an invoker: the handle goes between the arguments and the caller. */
    private static String through(String descriptor) {
        return descriptor.replace("L" + INSTANCE + ";)", "L" + METHOD_HANDLE + ";L" + INSTANCE + ";)");
    }

    /**
     * Models the call's results; several, or a v128, come as a {@code long[]} to unpack
     * ({@link PairedSlots}), their references from the store's {@code resultRefs}.
     */
    private void results(FuncType calleeType) {
        types.pop(calleeType.params().size());
        List<ValType> results = calleeType.results();
        if (JvmTypes.returnsSlots(results)) {
            int array = frame.scratchReference();
            mv.visitVarInsn(ASTORE, array);
            int index = 0;
            for (ValType result : results) {
                if (result.isReference()) {
                    mv.visitVarInsn(ALOAD, slots.context());
                    frame.iconst(index++);
                    mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "resultRef", "(L" + FunctionEmitter.CONTEXT + ";I)Ljava/lang/Object;", false);
                    continue;
                }
                for (int half = result == ValType.V128 ? 2 : 1; half > 0; half--) {
                    mv.visitVarInsn(ALOAD, array);
                    frame.iconst(index++);
                    mv.visitInsn(LALOAD);
                }
                frame.fromSlot(result);
            }
        }
        types.pushAll(results);
    }
}
