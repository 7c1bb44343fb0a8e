package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * Exception handling as JVM exception ranges (DESIGN §5): {@code throw}, {@code throw_ref} and {@code rethrow}
 * raise the interpreter's {@code ThrownException}; a {@code try_table}'s body or a legacy {@code try}'s is a
 * range of the method's exception table whose handler ({@link ControlEmitter} lays out its clauses) matches
 * the tag, unpacks the payload and jumps to the clause's target, or jumps on to the handler around. Entering
 * a try runs no code, unless values lie on the stack below it that a target keeps: the JVM empties the operand
 * stack for a handler, so those are copied to locals of their stack position first (a store and a load each,
 * registers to C2), where every try inside finds them too.
 */
final class ExceptionEmitter {
    private static final String THROWN = "org/wasmvm/core/ThrownException";
    private static final String TAG = "org/wasmvm/core/runtime/TagInstance";

    /** A range of the exception table, for wasm exceptions. */
    private record Range(Label start, Label end, Label handler) {
    }

    /** An open try's range: its handler and where its current segment started (a try inside leaves a gap). */
    private static final class Open {
        final Label handler;
        Label start;

        Open(Label handler, Label start) {
            this.handler = handler;
            this.start = start;
        }
    }

    /** A stack position kept in a local, by its height and type (references share one: their JVM type is the same). */
    private record Position(int height, ValType type) {
    }

    private final MethodVisitor mv;
    private final JvmFrame frame;
    private final OperandTypes types;
    private final MethodSlots slots;
    private final Metering metering;
    private final TrapSites traps;
    private final WasmModule module;
    private final IndexSpaces spaces;
    /** The handler of the whole method, which adds this frame to what leaves it ({@link TrapSites}). */
    private final Label methodHandler;
    /** Whether the function has a handler: a region method's locals then go back to its caller when something is thrown. */
    private final boolean catches;
    /** Whether it has a {@code rethrow}: only then do legacy catches keep their exception. */
    private final boolean rethrows;
    private final List<Range> ranges = new ArrayList<>();
    /** The tries whose range is open, innermost last. */
    private final List<Open> open = new ArrayList<>();
    private final Map<Position, Integer> positions = new HashMap<>();
    /** How many stack positions from the bottom are in their locals, and the counts before each open try. */
    private int kept;
    private final List<Integer> keptBefore = new ArrayList<>();
    /** The local of the exception a handler is matching, and those where legacy catches keep theirs for {@code rethrow}. */
    private int exception = -1;
    private final List<Integer> caught = new ArrayList<>();

    ExceptionEmitter(MethodVisitor mv, JvmFrame frame, OperandTypes types, MethodSlots slots, Metering metering,
            TrapSites traps, WasmModule module, IndexSpaces spaces, Label methodHandler, boolean catches, boolean rethrows) {
        this.mv = mv;
        this.frame = frame;
        this.types = types;
        this.slots = slots;
        this.metering = metering;
        this.traps = traps;
        this.module = module;
        this.spaces = spaces;
        this.methodHandler = methodHandler;
        this.catches = catches;
        this.rethrows = rethrows;
    }

    boolean catches() {
        return catches;
    }

    /** The payload types of tag {@code tag}. */
    List<ValType> payload(int tag) {
        return module.funcType(spaces.tag(tag).typeIndex()).params();
    }

    // ---- raising ----

    /** {@code throw tag}: the payload from the stack into a new exception, thrown. */
    void throwTag(int tag, int offset) {
        List<ValType> params = payload(tag);
        types.pop(params.size());
        traps.site(offset, () -> {
            metering.syncOut(); // a handler of this method counts on from the store's budget
            int bits = array(T_LONG, params.size(), 0);
            int high = params.contains(ValType.V128) ? array(T_LONG, params.size(), 1) : -1;
            int refs = params.stream().anyMatch(ValType::isReference) ? array(-1, params.size(), 2) : -1;
            for (int i = params.size() - 1; i >= 0; i--) {
                ValType type = params.get(i);
                if (type == ValType.V128) {
                    putLong(high, i);
                    putLong(bits, i);
                } else if (type.isReference()) {
                    int value = frame.scratch(type, 0);
                    mv.visitVarInsn(ASTORE, value);
                    mv.visitVarInsn(ALOAD, refs);
                    frame.iconst(i);
                    mv.visitVarInsn(ALOAD, value);
                    mv.visitInsn(AASTORE);
                } else {
                    frame.toSlot(type);
                    putLong(bits, i);
                }
            }
            mv.visitVarInsn(ALOAD, slots.instance());
            mv.visitFieldInsn(GETFIELD, FunctionEmitter.INSTANCE, "tags", "[L" + TAG + ";");
            frame.iconst(tag);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ALOAD, bits);
            loadOrNull(high);
            loadOrNull(refs);
            mv.visitMethodInsn(INVOKESTATIC, THROWN, "of",
                    "(L" + TAG + ";[J[J[Ljava/lang/Object;)L" + THROWN + ";", false);
            mv.visitInsn(ATHROW);
        });
    }

    /** {@code throw_ref}: the exception of the {@code exnref} on top again (null traps). */
    void throwRef(int offset) {
        types.pop();
        traps.site(offset, () -> {
            metering.syncOut();
            mv.visitMethodInsn(INVOKESTATIC, THROWN, "ofReference", "(Ljava/lang/Object;)L" + THROWN + ";", false);
            mv.visitInsn(ATHROW);
        });
    }

    /** {@code rethrow}: a {@code throw_ref} of the exception the legacy catch at try nesting level {@code level} caught. */
    void rethrow(int level, int offset) {
        mv.visitVarInsn(ALOAD, caughtLocal(level));
        types.push(ValType.EXNREF);
        throwRef(offset);
    }

    /** The local where the legacy catch at try nesting level {@code level} keeps its exception. */
    int caughtLocal(int level) {
        while (caught.size() <= level) {
            caught.add(frame.allocateReference());
        }
        return caught.get(level);
    }

    /** A new array of {@code length} ({@code T_LONG}, or -1: {@code Object[]}) in scratch reference {@code index}. */
    private int array(int elementType, int length, int index) {
        int local = frame.scratch(null, index);
        frame.iconst(length);
        if (elementType < 0) {
            mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        } else {
            mv.visitIntInsn(NEWARRAY, elementType);
        }
        mv.visitVarInsn(ASTORE, local);
        return local;
    }

    /** Stores the {@code long} on top at element {@code index} of the array in {@code array}. */
    private void putLong(int array, int index) {
        int value = frame.scratch(ValType.I64, 0);
        mv.visitVarInsn(LSTORE, value);
        mv.visitVarInsn(ALOAD, array);
        frame.iconst(index);
        mv.visitVarInsn(LLOAD, value);
        mv.visitInsn(LASTORE);
    }

    private void loadOrNull(int local) {
        if (local < 0) {
            mv.visitInsn(ACONST_NULL);
        } else {
            mv.visitVarInsn(ALOAD, local);
        }
    }

    // ---- the stack below a try ----

    /**
     * Before a try whose handler may go to a label that keeps the stack below {@code height}: the values
     * there not yet in their position locals go there (the stack stays as it was).
     */
    void keep(int height) {
        keptBefore.add(kept);
        if (height <= kept) {
            return;
        }
        for (int h = types.height() - 1; h >= kept; h--) {
            frame.store(types.at(h), position(h, types.at(h)));
        }
        for (int h = kept; h < types.height(); h++) {
            frame.load(types.at(h), position(h, types.at(h)));
        }
        kept = height;
    }

    /** After the try: the positions kept for it may change again. */
    void release() {
        kept = keptBefore.remove(keptBefore.size() - 1);
    }

    /** How many stack positions from the bottom are in their locals (an on-stack-replacement entry sets them). */
    int kept() {
        return kept;
    }

    /** The local that keeps stack position {@code height} when it holds a value of {@code type}. */
    int position(int height, ValType type) {
        return positions.computeIfAbsent(new Position(height, type.isReference() ? ValType.EXNREF : type),
                p -> frame.allocate(type));
    }

    // ---- ranges and handlers ----

    /** The handler of the whole method: what reaches it leaves the function. */
    Label methodHandler() {
        return methodHandler;
    }

    /**
     * A try's range opens here, its wasm exceptions going to {@code handler}. Only the innermost try covers
     * its code: the range around pauses until this one closes, so no instruction has more than one handler
     * of a try (ASM's frames, computed for every handler of every basic block, stay linear in deep nests of
     * C++ destructors' tries), and a handler hands what it does not catch on by a jump ({@link #onward}).
     */
    void openRange(Label handler) {
        Label here = new Label();
        mv.visitLabel(here);
        if (!open.isEmpty()) {
            Open around = open.get(open.size() - 1);
            ranges.add(new Range(around.start, here, around.handler));
        }
        open.add(new Open(handler, here));
    }

    /** The innermost open range closes here; the one around it (if any) goes on. */
    void closeRange() {
        Label here = new Label();
        mv.visitLabel(here);
        Open closed = open.remove(open.size() - 1);
        ranges.add(new Range(closed.start, here, closed.handler));
        if (!open.isEmpty()) {
            open.get(open.size() - 1).start = here;
        }
    }

    /** Where an exception goes on from here: the handler of the innermost open range, else the method's (the caller). */
    Label onward() {
        return open.isEmpty() ? methodHandler : open.get(open.size() - 1).handler;
    }

    /** A handler at {@code handler} that hands every exception to {@code target} (a delegate, a try without catches). */
    void forward(Label handler, Label target) {
        mv.visitLabel(handler);
        mv.visitJumpInsn(GOTO, target);
    }

    /**
     * The exception table: the ranges of region calls, of tries (which do not overlap) in the order they
     * closed, and last the method's handler of everything in the body.
     */
    void visitRanges(Label bodyStart, Label bodyEnd) {
        for (Range range : ranges) {
            if (range.start().getOffset() < range.end().getOffset()) { // the JVM refuses empty ranges
                mv.visitTryCatchBlock(range.start(), range.end(), range.handler(), THROWN);
            }
        }
        mv.visitTryCatchBlock(bodyStart, bodyEnd, methodHandler, "java/lang/Throwable");
    }

    /**
     * Emits {@code call} (a region method's) so that in a function with handlers a wasm exception out of it
     * first runs {@code reload} (the locals the region wrote back), then goes on {@link #onward}.
     */
    void guard(Runnable call, Runnable reload) {
        if (!catches) {
            call.run();
            return;
        }
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label after = new Label();
        mv.visitLabel(start);
        call.run();
        mv.visitLabel(end);
        mv.visitJumpInsn(GOTO, after);
        mv.visitLabel(handler);
        reload.run();
        mv.visitJumpInsn(GOTO, onward());
        mv.visitLabel(after);
        ranges.add(new Range(start, end, handler));
    }

    /** At a try's handler, the exception on the stack: kept in a local while the clauses look at it. */
    void enterHandler(Label handler) {
        mv.visitLabel(handler);
        if (exception < 0) {
            exception = frame.allocateReference();
        }
        mv.visitVarInsn(ASTORE, exception);
    }

    /** Jumps to {@code next} unless the exception has tag {@code tag} (-1: any tag matches). */
    void match(int tag, Label next) {
        if (tag < 0) {
            return;
        }
        mv.visitVarInsn(ALOAD, exception);
        mv.visitMethodInsn(INVOKEVIRTUAL, THROWN, "tagInstance", "()L" + TAG + ";", false);
        mv.visitVarInsn(ALOAD, slots.instance());
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.INSTANCE, "tags", "[L" + TAG + ";");
        frame.iconst(tag);
        mv.visitInsn(AALOAD);
        mv.visitJumpInsn(IF_ACMPNE, next);
    }

    /**
     * A clause caught the exception: one budget unit, as the interpreter counts a catch (a loop that
     * only throws and catches must run out of fuel too; a trap there names the instruction the exception
     * came out of), then the stack below the target's height from the position locals, the payload of
     * {@code tag} (none for -1), and the exception when {@code ref}. A legacy catch at try nesting level
     * {@code level} (else -1) keeps it for {@code rethrow}.
     */
    void deliver(int height, int tag, boolean ref, int level) {
        traps.caught();
        metering.syncIn(); // a callee, or this method's throw, left the count in the store
        metering.tick();
        for (int h = 0; h < height; h++) {
            frame.load(types.at(h), position(h, types.at(h)));
        }
        if (tag >= 0) {
            List<ValType> params = payload(tag);
            for (int i = 0; i < params.size(); i++) {
                ValType type = params.get(i);
                payloadElement(type.isReference() ? "ref" : "bits", i);
                if (!type.isReference()) {
                    frame.fromSlot(type);
                }
                if (type == ValType.V128) {
                    payloadElement("high", i);
                }
            }
        }
        if (ref) {
            mv.visitVarInsn(ALOAD, exception);
        }
        if (level >= 0 && rethrows) {
            mv.visitVarInsn(ALOAD, exception);
            mv.visitVarInsn(ASTORE, caughtLocal(level));
        }
    }

    private void payloadElement(String accessor, int index) {
        mv.visitVarInsn(ALOAD, exception);
        frame.iconst(index);
        mv.visitMethodInsn(INVOKEVIRTUAL, THROWN, accessor, "ref".equals(accessor) ? "(I)Ljava/lang/Object;" : "(I)J",
                false);
    }

    /** No clause matched: the exception goes on {@link #onward}. */
    void unmatched() {
        mv.visitVarInsn(ALOAD, exception);
        mv.visitJumpInsn(GOTO, onward());
    }
}
