package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Where in the function a trap happened, at no cost until one does: before each instruction that
 * can trap, its byte offset goes into the site local, and the method's one exception handler adds
 * this frame with that offset to the trap. (A constant store the JIT keeps in its debug
 * information, where an exception range per instruction would cost every call an exception edge
 * of its own.)
 *
 * @param splits whether the function calls region methods, whose traps have this frame already
 */
record TrapSites(MethodVisitor mv, JvmFrame frame, Metering metering, MethodSlots slots, int functionIndex,
        boolean splits) {
    /** The site value while a region method runs: its trap has this frame already. */
    private static final int IN_REGION = Integer.MIN_VALUE;

    /** Emits {@code code}, which may trap, after noting its {@code offset}: the handler first gives back what this frame has left of the budget. */
    void site(int offset, Runnable code) {
        note(offset);
        code.run();
    }

    /** As {@link #site}, for a call: the store's budget is the callee's (it synchronized it), so the handler leaves it. */
    void callSite(int offset, Runnable code) {
        note(~offset);
        code.run();
    }

    /** Before a region method's call. */
    void inRegion() {
        note(IN_REGION);
    }

    /**
     * At a handler of this method: what a region method threw is where the region noted it, so that a trap of the
     * catch (fuel, time) names that instruction, as the exception's stack would.
     */
    void caught() {
        if (!splits) {
            return;
        }
        Label own = new Label();
        mv.visitVarInsn(ILOAD, slots.site());
        mv.visitLdcInsn(IN_REGION);
        mv.visitJumpInsn(IF_ICMPNE, own);
        mv.visitVarInsn(ALOAD, slots.context());
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "thrownSite", "I");
        mv.visitVarInsn(ISTORE, slots.site());
        mv.visitLabel(own);
    }

    /** In the prologue: no instruction of the body has run yet. */
    void clear() {
        note(-1);
    }

    private void note(int site) {
        frame.iconst(site);
        mv.visitVarInsn(ISTORE, slots.site());
    }

    /**
     * The handler of the whole body: the trap records this frame at the site's offset, after {@code leaving}
     * (what the frame gives back as it is left). In a region method ({@code inRegion}) a wasm exception only
     * notes the offset: a handler of the function's own method may still catch it, else that method adds the frame.
     */
    void emitHandler(Label handler, boolean inRegion, Runnable leaving) {
        Label call = new Label();
        Label offset = new Label();
        mv.visitLabel(handler);
        leaving.run();
        if (splits) {
            Label own = new Label();
            mv.visitVarInsn(ILOAD, slots.site());
            mv.visitLdcInsn(IN_REGION);
            mv.visitJumpInsn(IF_ICMPNE, own);
            if (!inRegion) {
                mv.visitVarInsn(ALOAD, slots.instance());
                frame.iconst(functionIndex);
                mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, "fromRegion",
                        "(Ljava/lang/Throwable;L" + FunctionEmitter.INSTANCE + ";I)Ljava/lang/Throwable;", false);
            }
            mv.visitInsn(ATHROW); // the region method added this frame (or noted its offset)
            mv.visitLabel(own);
        }
        mv.visitVarInsn(ILOAD, slots.site());
        mv.visitJumpInsn(IFLT, call);
        metering.syncOut();
        mv.visitVarInsn(ILOAD, slots.site());
        mv.visitJumpInsn(GOTO, offset);
        mv.visitLabel(call);
        mv.visitVarInsn(ILOAD, slots.site());
        mv.visitInsn(ICONST_M1);
        mv.visitInsn(IXOR);
        mv.visitLabel(offset);
        mv.visitVarInsn(ALOAD, slots.instance());
        frame.iconst(functionIndex);
        mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, inRegion ? "regionFrame" : "frame",
                "(Ljava/lang/Throwable;IL" + FunctionEmitter.INSTANCE + ";I)Ljava/lang/Throwable;", false);
        mv.visitInsn(ATHROW);
    }
}
