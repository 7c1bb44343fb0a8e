package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.Opcodes.BR_IF;
import static org.wasmvm.core.binary.Opcodes.IF;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.binary.ByteReader;

/**
 * The i32 conditions that {@code if}, {@code br_if} and {@code select} consume: a comparison
 * right before a {@code br_if} or {@code if} becomes that jump's opcode, with no 0 or 1 in between.
 */
final class Conditions {
    private final MethodVisitor mv;
    private final OperandTypes types;
    /** The jump opcode of a comparison whose result the next br_if or if consumes directly, else -1. */
    private int pendingJump = -1;

    Conditions(MethodVisitor mv, OperandTypes types) {
        this.mv = mv;
        this.types = types;
    }

    /**
     * A comparison result ({@code jump} taken when it is true): consumed directly by a following
     * {@code br_if} or {@code if}, else materialized as 0 or 1.
     */
    void comparison(int jump, ByteReader in) {
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
    int take() {
        types.pop();
        int jump = pendingJump >= 0 ? pendingJump : IFNE;
        pendingJump = -1;
        return jump;
    }

    static int inverse(int jump) {
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
            case IFNULL -> IFNONNULL;
            case IFNONNULL -> IFNULL;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
        };
    }
}
