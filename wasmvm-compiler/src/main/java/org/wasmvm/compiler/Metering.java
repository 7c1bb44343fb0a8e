package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.runtime.StoreContext;

/**
 * Fuel and stop polling, counted as the interpreter counts them (DESIGN §5). When {@code metered}
 * (a store with a fuel limit) one budget unit goes per call and per loop back-edge, so fuel runs
 * out at the same instruction on both tiers. Otherwise nothing is counted across calls: a call
 * polls {@code StoreContext.stop} (raised by an interrupt or a timeout's alarm) and a loop checks
 * it and the clock every slice of iterations, counted down in the ticks local.
 *
 * @param localTicks whether the budget is counted in the ticks local: that pays for a function
 *     whose loops make no calls (a compute loop then counts in a register). Every other metered
 *     function counts in the store's field, and so has nothing to hand to its callees and take back.
 */
record Metering(MethodVisitor mv, JvmFrame frame, boolean metered, boolean localTicks, MethodSlots slots) {
    private static final String CONTEXT = FunctionEmitter.CONTEXT;

    static Metering of(MethodVisitor mv, JvmFrame frame, BodyScan body, boolean metered, MethodSlots slots) {
        return new Metering(mv, frame, metered, !metered || body.loopsWithoutCalls(), slots);
    }

    /**
     * A function's own entry, with {@code depthLeft} on the stack: the depth check, then this call's
     * unit; unmetered, one test for both the depth and the stop flag ({@code ModuleInstance.entryFloor}).
     */
    void enterCall() {
        Label enter = new Label();
        if (metered) {
            mv.visitJumpInsn(IFGT, enter);
            mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, "callStackExhausted", "()Lorg/wasmvm/core/runtime/Trap;", false);
            mv.visitInsn(ATHROW);
            mv.visitLabel(enter);
            syncIn();
            tick();
            return;
        }
        mv.visitVarInsn(ALOAD, slots.instance());
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.INSTANCE, "entryFloor", "I");
        mv.visitJumpInsn(IF_ICMPGT, enter);
        mv.visitVarInsn(ILOAD, slots.depth());
        mv.visitVarInsn(ALOAD, slots.instance());
        mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, "refuseEntry", "(IL" + FunctionEmitter.INSTANCE + ";)V", false);
        mv.visitLabel(enter);
        startSlice();
    }

    /** A region method continues its caller's count: no call to count. */
    void enterRegion() {
        if (metered) {
            syncIn();
        } else {
            startSlice();
        }
    }

    /** Before a call, a return or a trap: the callee (or the caller) counts on from the store's budget. */
    void syncOut() {
        if (!metered || !localTicks) {
            return;
        }
        mv.visitVarInsn(ALOAD, slots.context());
        mv.visitVarInsn(ILOAD, slots.ticks());
        mv.visitFieldInsn(PUTFIELD, CONTEXT, "budget", "I");
    }

    /** After a call: counts on from what the callee left. */
    void syncIn() {
        if (!metered || !localTicks) {
            return;
        }
        mv.visitVarInsn(ALOAD, slots.context());
        mv.visitFieldInsn(GETFIELD, CONTEXT, "budget", "I");
        mv.visitVarInsn(ISTORE, slots.ticks());
    }

    /** One budget unit (a call or a loop back-edge); a used-up slice draws the next (and checks time and interrupts). */
    void tick() {
        Label left = new Label();
        if (!metered) {
            mv.visitIincInsn(slots.ticks(), -1);
            mv.visitVarInsn(ILOAD, slots.ticks());
            mv.visitJumpInsn(IFNE, left);
            startSlice();
            checkStop();
            mv.visitLabel(left);
            return;
        }
        if (!localTicks) {
            mv.visitVarInsn(ALOAD, slots.context());
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, CONTEXT, "budget", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(ISUB);
            mv.visitInsn(DUP_X1);
            mv.visitFieldInsn(PUTFIELD, CONTEXT, "budget", "I");
            mv.visitJumpInsn(IFNE, left);
            mv.visitVarInsn(ALOAD, slots.context());
            mv.visitMethodInsn(INVOKEVIRTUAL, CONTEXT, "refillBudget", "()V", false);
            mv.visitLabel(left);
            return;
        }
        mv.visitIincInsn(slots.ticks(), -1);
        mv.visitVarInsn(ILOAD, slots.ticks());
        mv.visitJumpInsn(IFNE, left);
        mv.visitVarInsn(ALOAD, slots.context());
        mv.visitMethodInsn(INVOKEVIRTUAL, CONTEXT, "nextSlice", "()I", false);
        mv.visitVarInsn(ISTORE, slots.ticks());
        mv.visitLabel(left);
    }

    private void startSlice() {
        frame.iconst(StoreContext.SLICE);
        mv.visitVarInsn(ISTORE, slots.ticks());
    }

    private void checkStop() {
        mv.visitVarInsn(ALOAD, slots.context());
        mv.visitMethodInsn(INVOKEVIRTUAL, CONTEXT, "checkStop", "()V", false);
    }
}
