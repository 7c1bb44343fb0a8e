package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.model.ValType;

/**
 * On-stack replacement: the method {@code (long[] slots, long[] high, Object[] refs, int fp, int loop, ModuleInstance)}
 * continues the interpreter frame at {@code fp} at the header of loop {@code loop} (loops numbered
 * in code order), taking that frame's locals and the operands from {@code operandBase} on (the high
 * halves of vectors from {@code high}, references from {@code refs}).
 */
final class OsrEntries {
    /**
     * A loop header where on-stack replacement can enter, with the wasm operand types there (bottom first), of
     * which the lowest {@code kept} are kept in their position locals too, for the handlers of tries around.
     */
    private record Entry(int loop, Label header, List<ValType> stack, int kept) {
    }

    /** The method's parameters: the interpreter's three arrays, the frame pointer, the loop. */
    private static final int SLOTS = 0, HIGH = 1, REFS = 2, FP = 3, LOOP = 4;
    private final MethodVisitor mv;
    private final WasmLocals locals;
    private final int operandBase;
    /** The interpreter slots below the operands where legacy catches keep their exception, one per try nesting level. */
    private final int exceptionSlots;
    private final ExceptionEmitter exceptions;
    /** Whether loop headers become entries: only in the OSR method of a function that is not split. */
    private final boolean entering;
    private final List<Entry> entries = new ArrayList<>();
    private int loopCount;

    OsrEntries(MethodVisitor mv, WasmLocals locals, int operandBase, int exceptionSlots, ExceptionEmitter exceptions,
            boolean entering) {
        this.mv = mv;
        this.locals = locals;
        this.operandBase = operandBase;
        this.exceptionSlots = exceptionSlots;
        this.exceptions = exceptions;
        this.entering = entering;
    }

    /** The ordinal of the next loop, reachable or not. */
    int nextLoop() {
        return loopCount++;
    }

    /** The header of loop {@code loop}, with the operands {@code types} there, the lowest {@code kept} in position locals. */
    void header(int loop, Label header, OperandTypes types, int kept) {
        if (!entering) {
            return;
        }
        List<ValType> stack = new ArrayList<>();
        for (int h = 0; h < types.height(); h++) {
            stack.add(types.at(h));
        }
        entries.add(new Entry(loop, header, stack, kept));
    }

    /** Which loops (by ordinal) have an entry. */
    boolean[] loops() {
        boolean[] loops = new boolean[loopCount];
        entries.forEach(entry -> loops[entry.loop()] = true);
        return loops;
    }

    /** The call depth left: the interpreter frame being continued counts the frames below it in the store. */
    void loadDepth(MethodSlots slots) {
        mv.visitVarInsn(ALOAD, slots.context());
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "maxCallDepth", "I");
        mv.visitVarInsn(ALOAD, slots.context());
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "callDepth", "I");
        mv.visitInsn(ISUB);
        mv.visitVarInsn(ISTORE, slots.depth());
    }

    /** All the locals, from the interpreter frame, and the exceptions its legacy catches keep for {@code rethrow} (before the operands). */
    void loadLocals() {
        for (int i = 0; i < locals.count(); i++) {
            loadSlot(i, locals.type(i));
            locals.store(i);
        }
        for (int level = 0; level < exceptionSlots; level++) {
            loadSlot(operandBase - exceptionSlots + level, ValType.EXNREF);
            mv.visitVarInsn(ASTORE, exceptions.caughtLocal(level));
        }
    }

    /** The which-loop switch: each arm pushes that header's operands and jumps there. */
    void emitSwitch() {
        Label unknown = new Label();
        Label[] arms = new Label[Math.max(loopCount, 1)];
        Arrays.fill(arms, unknown);
        for (Entry entry : entries) {
            arms[entry.loop()] = new Label();
        }
        mv.visitVarInsn(ILOAD, LOOP);
        mv.visitTableSwitchInsn(0, arms.length - 1, unknown, arms);
        for (Entry entry : entries) {
            mv.visitLabel(arms[entry.loop()]);
            for (int h = 0; h < entry.stack().size(); h++) {
                ValType valType = entry.stack().get(h);
                loadSlot(operandBase + h, valType);
                if (h < entry.kept()) {
                    locals.frame().dup(valType);
                    locals.frame().store(valType, exceptions.position(h, valType));
                }
            }
            mv.visitJumpInsn(GOTO, entry.header());
        }
        mv.visitLabel(unknown);
        mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        mv.visitInsn(ATHROW);
    }

    /** Pushes interpreter slot {@code fp + index} as a value of {@code valType}. */
    private void loadSlot(int index, ValType valType) {
        JvmFrame frame = locals.frame();
        if (valType == ValType.V128) {
            for (int array = SLOTS; array <= HIGH; array++) { // the low half, then the high one
                slot(array, index);
                mv.visitInsn(LALOAD);
            }
        } else {
            slot(valType.isReference() ? REFS : SLOTS, index);
            frame.loadElement(valType);
        }
    }

    /** Pushes {@code array} and the element of interpreter slot {@code fp + index}. */
    private void slot(int array, int index) {
        mv.visitVarInsn(ALOAD, array);
        mv.visitVarInsn(ILOAD, FP);
        locals.frame().iconst(index);
        mv.visitInsn(IADD);
    }
}
