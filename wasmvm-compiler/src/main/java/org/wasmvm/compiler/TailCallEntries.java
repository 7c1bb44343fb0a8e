package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodType;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.tier.JvmTypes;

/**
 * The entries of a function that makes tail calls (docs/RATIONALE.md, "Tail calls"). Its body is
 * the method {@value #BODY}, which leaves a tail call pending in the store and returns placeholder
 * results; {@code invoke}, the entry every caller links to, calls the body and then, if a call is
 * pending, has the runtime's trampoline ({@code TailCalls.finish}) make it and the chain that
 * follows, returning the last callee's results. Only such functions carry the check: an ordinary
 * call of a function without tail calls costs what it did.
 */
final class TailCallEntries {
    static final String BODY = "body";
    private static final String TAIL_CALLS = "org/wasmvm/core/tier/TailCalls";

    private TailCallEntries() {
    }

    /** {@code invoke(params…, int depthLeft, ModuleInstance)}: the body, then the pending tail calls. */
    static void emitInvoke(ClassWriter writer, String className, FuncType type, MethodType methodType) {
        String descriptor = methodType.toMethodDescriptorString();
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "invoke", descriptor, null, null);
        mv.visitCode();
        int slot = 0;
        var frame = new JvmFrame(mv, 0);
        for (ValType param : type.params()) {
            frame.load(param, slot);
            slot += JvmFrame.size(param);
        }
        int depth = slot;
        int instance = slot + 1;
        mv.visitVarInsn(ILOAD, depth);
        mv.visitVarInsn(ALOAD, instance);
        mv.visitMethodInsn(INVOKESTATIC, className, BODY, descriptor, false);
        finishPending(mv, frame, type, depth, instance);
        mv.visitInsn(Type.getType(methodType.returnType()).getOpcode(IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * In the slot entry {@code tailCall}, with the body's typed result on the stack: returns if a
     * tail call is pending, whose arguments may be in the very slots the placeholder would overwrite.
     */
    static void returnIfPending(MethodVisitor mv, JvmFrame frame, FuncType type, int instance) {
        Label notPending = new Label();
        loadPendingCallee(mv, instance);
        mv.visitJumpInsn(IFNULL, notPending);
        popResult(mv, frame, type.results());
        mv.visitInsn(RETURN);
        mv.visitLabel(notPending);
    }

    /**
     * With the function's typed result on the stack: if a tail call is pending, replaces the result
     * by that of the trampoline, which runs the callees at {@code depthLeft} (local {@code depth}).
     */
    static void finishPending(MethodVisitor mv, JvmFrame frame, FuncType type, int depth, int instance) {
        Label done = new Label();
        loadPendingCallee(mv, instance);
        mv.visitJumpInsn(IFNULL, done);
        List<ValType> results = type.results();
        popResult(mv, frame, results);
        mv.visitVarInsn(ILOAD, depth);
        mv.visitVarInsn(ALOAD, instance);
        mv.visitMethodInsn(INVOKESTATIC, TAIL_CALLS, "finish", "(IL" + FunctionEmitter.INSTANCE + ";)[J", false);
        if (results.isEmpty()) {
            mv.visitInsn(POP);
        } else if (results.size() == 1 && results.get(0).isReference()) {
            mv.visitInsn(POP); // the trampoline leaves references in the store's resultRefs
            mv.visitVarInsn(ALOAD, instance);
            mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "context", "()L" + FunctionEmitter.CONTEXT + ";", false);
            frame.iconst(0);
            mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, "resultRef",
                    "(L" + FunctionEmitter.CONTEXT + ";I)Ljava/lang/Object;", false);
        } else if (!JvmTypes.returnsSlots(results)) {
            frame.iconst(0);
            mv.visitInsn(LALOAD);
            frame.fromSlot(results.get(0));
        } else {
            // the trampoline's slots are the store's, reused by the next tail call: the caller gets its own
            frame.iconst(PairedSlots.count(results));
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "copyOf", "([JI)[J", false);
        }
        mv.visitLabel(done);
    }

    private static void loadPendingCallee(MethodVisitor mv, int instance) {
        mv.visitVarInsn(ALOAD, instance);
        mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "context", "()L" + FunctionEmitter.CONTEXT + ";", false);
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "tailCall", "Lorg/wasmvm/core/runtime/PendingTailCall;");
        mv.visitFieldInsn(GETFIELD, "org/wasmvm/core/runtime/PendingTailCall", "callee",
                "Lorg/wasmvm/core/runtime/FunctionInstance;");
    }

    private static void popResult(MethodVisitor mv, JvmFrame frame, List<ValType> results) {
        if (JvmTypes.returnsSlots(results)) {
            mv.visitInsn(POP);
        } else if (results.size() == 1) {
            frame.pop(results.get(0));
        }
    }
}
