package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.Opcodes.BLOCK;
import static org.wasmvm.core.binary.Opcodes.IF;
import static org.wasmvm.core.binary.Opcodes.LOOP;
import static org.wasmvm.core.binary.Opcodes.TRY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.wasmvm.core.Value;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.PairedSlots;
import org.wasmvm.core.tier.JvmTypes;

/**
 * Structured control flow as labels and jumps: blocks, loops, ifs, branches and returns. A branch
 * that leaves values behind spills the ones it carries, pops the rest, and reloads them; a loop's
 * back-edge counts a budget unit. In a region method the frames of the code around the region
 * are outer frames: a branch to one leaves the method ({@link RegionEmitter#exit}).
 */
final class ControlEmitter {
    /**
     * A control frame's kind; OUTER_KIND: in a region method, a frame of the code around the region (a branch to it
     * leaves the method); TRY_KIND: a legacy {@code try} (a {@code try_table} is a block with a {@link Try}).
     */
    private static final int BLOCK_KIND = 0, LOOP_KIND = 1, IF_KIND = 2, FUNCTION_KIND = 3, OUTER_KIND = 4, TRY_KIND = 5;
    /** Above this many entries a {@code br_table} with few distinct targets switches through a map. */
    private static final int LARGE_TABLE = 64;

    /**
     * A catch clause: the tag it catches (-1: all), whether it passes the exception on as an {@code exnref},
     * and where it goes: a frame around a {@code try_table}, or a legacy catch's body.
     */
    private record Catch(int tag, boolean ref, Control target, Label body) {
    }

    /** The handler of a {@code try_table} or legacy {@code try}, whose body's exceptions go to {@code handler}. */
    private static final class Try {
        final Label handler = new Label();
        final List<Catch> catches = new ArrayList<>();
        /** For a legacy try: its nesting level among legacy tries, which names the local of its caught exception. */
        final int level;
        /** Whether its range is open (a legacy try's closes at its first catch). */
        boolean open = true;

        Try(int level) {
            this.level = level;
        }
    }

    /** A control frame: its label, what a branch to it carries, and the stack height below its parameters. */
    private static final class Control {
        final int kind;
        final FuncType type;
        final int height;
        final Label label;
        final Label elseLabel;
        final boolean live;
        boolean targeted;
        boolean sawElse;
        /**
         * Whether every path from this frame's start (or its else) to here, in its own code, made a
         * call that looks at the stop flag: a back-edge after one need not count a tick (unmetered).
         */
        boolean polled;
        /** For a block or loop: where its code starts (to measure it) and its opcode's byte offset. */
        Label measureStart;
        int inlinedAtStart;
        int offset = -1;
        /** Which run of this frame's own code this is (an if's else part is another): sequences lie within one. */
        int serial;
        /** A try's handler, or null. */
        Try tried;

        Control(int kind, FuncType type, int height, Label label, Label elseLabel, boolean live) {
            this.kind = kind;
            this.type = type;
            this.height = height;
            this.label = label;
            this.elseLabel = elseLabel;
            this.live = live;
        }

        List<ValType> branchTypes() {
            return kind == LOOP_KIND ? type.params() : type.results();
        }
    }

    private final MethodVisitor mv;
    private final JvmFrame frame;
    private final OperandTypes types;
    private final Conditions conditions;
    private final Metering metering;
    private final TrapSites traps;
    private final RegionEmitter regions;
    private final OsrEntries osr;
    private final SplitPlan plan;
    /** The method emitted, under which its blocks are measured for splitting. */
    private final String methodName;
    /** The JVM local of the store's context (where several results put their references). */
    private final int contextSlot;
    /** The array elements of the function's locals a return gives back (0 when all are in registers). */
    private final int arrayFrameSlots;
    private final InlinedBytecode inlined;
    private final ExceptionEmitter exceptions;
    private final List<Control> controls = new ArrayList<>();
    private int outerFrames;
    private boolean reachable = true;
    private int serials;

    ControlEmitter(MethodVisitor mv, JvmFrame frame, OperandTypes types, Conditions conditions, Metering metering,
            TrapSites traps, RegionEmitter regions, OsrEntries osr, SplitPlan plan, String methodName,
            InlinedBytecode inlined, ExceptionEmitter exceptions, int contextSlot, int arrayFrameSlots) {
        this.mv = mv;
        this.exceptions = exceptions;
        this.inlined = inlined;
        this.frame = frame;
        this.types = types;
        this.conditions = conditions;
        this.metering = metering;
        this.traps = traps;
        this.regions = regions;
        this.osr = osr;
        this.plan = plan;
        this.methodName = methodName;
        this.contextSlot = contextSlot;
        this.arrayFrameSlots = arrayFrameSlots;
    }

    boolean reachable() {
        return reachable;
    }

    /** After an instruction that never falls through, until the end or else of its frame. */
    void markDead() {
        reachable = false;
    }

    /** How many control frames are open. */
    int frames() {
        return controls.size();
    }

    /**
     * Whether the next instruction starts a statement: reachable, with nothing of the innermost
     * frame's own on the stack, so that a run of code from here can become a method ({@link SplitPlan.Sequence}).
     */
    boolean atStatement() {
        return reachable && types.height() == controls.get(controls.size() - 1).height;
    }

    /** The run of code of the innermost frame that the next instruction belongs to. */
    int serial() {
        Control control = controls.get(controls.size() - 1);
        if (control.serial == 0) {
            control.serial = ++serials;
        }
        return control.serial;
    }

    /** What a branch to the frame {@code depth} frames out carries. */
    List<ValType> branchTypes(int depth) {
        return target(depth).branchTypes();
    }

    /** The function's own frame, of its type: a branch to it returns. */
    void openFunction(FuncType type) {
        controls.add(new Control(FUNCTION_KIND, type, 0, new Label(), null, true));
    }

    /** In a region method, the frames around the region (their branch types innermost first); returns their number. */
    int openOuter(List<List<ValType>> outer) {
        for (int i = outer.size() - 1; i >= 0; i--) {
            controls.add(new Control(OUTER_KIND, FuncType.of(List.of(), outer.get(i)), 0, null, null, true));
        }
        outerFrames = outer.size();
        return outerFrames;
    }

    void open(int op, FuncType blockType, int offset) {
        int height = types.height() - blockType.params().size();
        int loop = op == LOOP ? osr.nextLoop() : -1;
        if (!reachable) {
            controls.add(new Control(op == LOOP ? LOOP_KIND : op == IF ? IF_KIND : op == TRY ? TRY_KIND : BLOCK_KIND,
                    blockType, height, new Label(), new Label(), false));
            return;
        }
        Label measureStart = new Label();
        mv.visitLabel(measureStart);
        switch (op) {
            case BLOCK, TRY -> controls.add(new Control(op == TRY ? TRY_KIND : BLOCK_KIND, blockType, height, new Label(),
                    null, true));
            case LOOP -> {
                Label header = new Label();
                mv.visitLabel(header);
                controls.add(new Control(LOOP_KIND, blockType, height, header, null, true));
                osr.header(loop, header, types, exceptions.kept());
            }
            default -> {
                int jump = conditions.take();
                height = types.height() - blockType.params().size();
                Label elseLabel = new Label();
                mv.visitJumpInsn(Conditions.inverse(jump), elseLabel);
                controls.add(new Control(IF_KIND, blockType, height, new Label(), elseLabel, true));
            }
        }
        Control opened = controls.get(controls.size() - 1);
        opened.measureStart = measureStart;
        opened.inlinedAtStart = inlined.total();
        opened.offset = offset;
    }

    /**
     * {@code try_table} of {@code blockType} with its {@code clauses}, each {@code {tag or -1, 1 when it passes the
     * exnref, label depth}}: a block whose body is the range of a handler that branches to the clauses' labels.
     */
    void tryTable(FuncType blockType, List<int[]> clauses, int offset) {
        if (!reachable) {
            open(BLOCK, blockType, offset);
            return;
        }
        var catches = new ArrayList<Catch>();
        int keep = 0;
        for (int[] clause : clauses) {
            Control target = target(clause[2]);
            target.targeted = true;
            keep = Math.max(keep, keptHeight(target));
            catches.add(new Catch(clause[0], clause[1] != 0, target, null));
        }
        openTry(BLOCK, blockType, offset, keep, -1).catches.addAll(catches);
    }

    /** A legacy {@code try}: a block whose body, up to its first catch, is the range of a handler that enters its catches. */
    void legacyTry(FuncType blockType, int offset) {
        if (!reachable) {
            open(TRY, blockType, offset);
            return;
        }
        int level = (int) controls.stream().filter(c -> c.kind == TRY_KIND && c.live).count();
        openTry(TRY, blockType, offset, types.height() - blockType.params().size(), level);
    }

    /** Opens the block of a try whose handler's targets keep the stack below {@code keep}; its range starts here. */
    private Try openTry(int op, FuncType blockType, int offset, int keep, int level) {
        exceptions.keep(keep);
        open(op, blockType, offset);
        Try tried = new Try(level);
        controls.get(controls.size() - 1).tried = tried;
        exceptions.openRange(tried.handler);
        return tried;
    }

    /** The stack height below which a branch to {@code target} keeps the values (none when it leaves the method). */
    private static int keptHeight(Control target) {
        return target.kind == OUTER_KIND || target.kind == FUNCTION_KIND ? 0 : target.height;
    }

    /** A legacy {@code catch} of {@code tag} (-1: {@code catch_all}): the try's range ends at the first; its body starts here with the payload. */
    void legacyCatch(int tag) {
        Control control = controls.get(controls.size() - 1);
        if (reachable) {
            mv.visitJumpInsn(GOTO, control.label);
            control.targeted = true;
        }
        Try tried = control.tried;
        if (tried != null) {
            closeRange(tried);
            Label body = new Label();
            mv.visitLabel(body);
            tried.catches.add(new Catch(tag, false, null, body));
        }
        control.polled = false;
        control.serial = 0; // a catch body is a run of its own
        types.truncate(control.height);
        if (tag >= 0) {
            types.pushAll(exceptions.payload(tag));
        }
        reachable = control.live;
    }

    /**
     * {@code delegate}: ends a legacy try whose handler hands every wasm exception to the handler open at the
     * frame {@code depth} frames out from the try (or further out), or to the caller.
     */
    void delegate(int depth) {
        Control control = controls.get(controls.size() - 1);
        Try tried = control.tried;
        if (tried != null) {
            closeRange(tried);
            Label target = exceptions.methodHandler();
            for (int i = controls.size() - 2 - depth; i >= 0; i--) {
                Try around = controls.get(i).tried;
                if (around != null && around.open) {
                    target = around.handler;
                    break;
                }
            }
            skipHandler(control);
            exceptions.forward(tried.handler, target);
            exceptions.release();
            control.tried = null; // closed: end has nothing to lay out
        }
        end();
    }

    /** {@code rethrow}: the exception the legacy catch {@code depth} frames out caught, thrown again. */
    void rethrow(int depth, int offset) {
        if (reachable) {
            exceptions.rethrow(target(depth).tried.level, offset);
            markDead();
        }
    }

    private void closeRange(Try tried) {
        if (tried.open) {
            exceptions.closeRange();
            tried.open = false;
        }
    }

    /** Before a handler laid out at the end of {@code control}'s code: what falls through jumps over it. */
    private void skipHandler(Control control) {
        if (reachable) {
            mv.visitJumpInsn(GOTO, control.label);
            control.targeted = true;
        }
        reachable = false;
    }

    /**
     * At a try's end: its range closes (if no catch closed it), and its handler follows, out of the way of
     * the code that falls through: each clause in order matches the tag and goes to its target with the
     * payload; an exception that none matches (or any, for a legacy try without catches) goes on to the
     * handler of the range around.
     */
    private void closeTry(Control control) {
        Try tried = control.tried;
        closeRange(tried);
        skipHandler(control);
        if (tried.catches.isEmpty()) {
            exceptions.forward(tried.handler, exceptions.onward());
        } else {
            exceptions.enterHandler(tried.handler);
            List<ValType> stack = types.snapshot();
            for (Catch clause : tried.catches) {
                Label next = new Label();
                exceptions.match(clause.tag(), next);
                int height = clause.body() != null ? control.height : keptHeight(clause.target());
                exceptions.deliver(height, clause.tag(), clause.ref(), tried.level);
                types.truncate(height);
                if (clause.tag() >= 0) {
                    types.pushAll(exceptions.payload(clause.tag()));
                }
                if (clause.ref()) {
                    types.push(ValType.EXNREF);
                }
                if (clause.body() != null) {
                    mv.visitJumpInsn(GOTO, clause.body());
                } else {
                    branch(clause.target(), control.offset, false);
                }
                types.restore(stack);
                mv.visitLabel(next);
            }
            exceptions.unmatched();
        }
        exceptions.release();
    }

    void elseBranch() {
        Control control = controls.get(controls.size() - 1);
        if (reachable) {
            mv.visitJumpInsn(GOTO, control.label);
            control.targeted = true;
        }
        control.sawElse = true;
        control.polled = false;
        control.serial = 0; // the else part is a run of its own
        mv.visitLabel(control.elseLabel);
        types.truncate(control.height);
        types.pushAll(control.type.params());
        reachable = control.live;
    }

    void end() {
        if (controls.get(controls.size() - 1).tried != null) {
            closeTry(controls.get(controls.size() - 1));
        }
        Control control = controls.remove(controls.size() - 1);
        if (control.kind == FUNCTION_KIND) {
            if (reachable) {
                emitReturn(control.type.results());
            }
            return;
        }
        boolean falls = reachable;
        if (control.kind == IF_KIND && !control.sawElse) {
            mv.visitLabel(control.elseLabel); // the false path reaches the end directly
            falls |= control.live;
        }
        if (control.kind != LOOP_KIND) {
            mv.visitLabel(control.label);
            falls |= control.targeted;
        }
        types.truncate(control.height);
        types.pushAll(control.type.results());
        reachable = falls;
        if (control.live) {
            Label measureEnd = new Label();
            mv.visitLabel(measureEnd);
            // a try's block is never a method of its own (its handler and range stay in one), a block around one may be
            boolean outlinable = control.kind == LOOP_KIND || control.kind == BLOCK_KIND && control.tried == null;
            plan.measured(new SplitPlan.Measured(methodName, control.offset, outlinable,
                    control.measureStart, measureEnd, inlined.total() - control.inlinedAtStart));
        }
    }

    void br(ByteReader in, int offset) {
        int depth = in.u32();
        if (reachable) {
            branch(depth, offset);
            markDead();
        }
    }

    void brIf(ByteReader in, int offset) {
        int depth = in.u32();
        if (!reachable) {
            return;
        }
        Control target = target(depth);
        int jump = conditions.take();
        if (direct(target)) {
            mv.visitJumpInsn(jump, target.label);
            target.targeted = true;
            return;
        }
        Label skip = new Label();
        mv.visitJumpInsn(Conditions.inverse(jump), skip);
        branch(target, offset, true);
        mv.visitLabel(skip);
    }

    /** {@code br_on_null}: branches, dropping the reference, when it is null; else keeps it. */
    void brOnNull(ByteReader in, int offset) {
        int depth = in.u32();
        if (!reachable) {
            return;
        }
        Label nonNull = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, nonNull);
        mv.visitInsn(POP);
        ValType reference = types.pop();
        branch(target(depth), offset, true);
        types.push(reference);
        mv.visitLabel(nonNull);
    }

    /** {@code br_on_non_null}: branches with the reference when it is not null; else drops it. */
    void brOnNonNull(ByteReader in, int offset) {
        int depth = in.u32();
        if (!reachable) {
            return;
        }
        Label isNull = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, isNull);
        branch(target(depth), offset, true);
        mv.visitLabel(isNull);
        mv.visitInsn(POP);
        types.pop();
    }

    /**
     * {@code br_on_cast} ({@code onMatch}) or {@code br_on_cast_fail}: with the reference on top, {@code test}
     * replaces a copy of it by whether it matches the target type; branches with the reference when that is
     * {@code onMatch}, else keeps it.
     */
    void brOnTest(int depth, int offset, Runnable test, boolean onMatch) {
        Label stay = new Label();
        mv.visitInsn(DUP);
        test.run();
        mv.visitJumpInsn(onMatch ? IFEQ : IFNE, stay);
        branch(target(depth), offset, true);
        mv.visitLabel(stay);
    }

    void brTable(ByteReader in, int offset) {
        int count = in.u32();
        int[] depths = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            depths[i] = in.u32();
        }
        if (!reachable) {
            return;
        }
        types.pop();
        Label[] labels = new Label[count];
        Map<Integer, Label> byDepth = new HashMap<>();
        List<Integer> trampolines = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            int depth = depths[i];
            Control target = target(depth);
            Label label = byDepth.get(depth);
            if (label == null) {
                boolean direct = direct(target);
                label = direct ? target.label : new Label();
                if (direct) {
                    target.targeted = true;
                } else {
                    trampolines.add(depth);
                }
                byDepth.put(depth, label);
            }
            if (i < count) {
                labels[i] = label;
            }
        }
        Label defaultLabel = byDepth.get(depths[count]);
        if (count == 0) {
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, defaultLabel);
        } else if (count > LARGE_TABLE && byDepth.size() * 2 < count) {
            switchThroughMap(depths, byDepth, defaultLabel);
        } else {
            mv.visitTableSwitchInsn(0, count - 1, defaultLabel, labels);
        }
        for (int depth : trampolines) {
            mv.visitLabel(byDepth.get(depth));
            branch(depth, offset);
        }
        markDead();
    }

    void ret(int offset) {
        if (reachable) {
            branch(controls.get(0), offset, true); // the function's frame: a return, or in a region an exit
            markDead();
        }
    }

    /** Branches to the frame {@code depth} frames out, with what it carries on top of the stack. */
    void branch(int depth, int offset) {
        branch(target(depth), offset, true);
    }

    /** The code just made a call whose callee looks at the stop flag on entry (a function of this module). */
    void polled() {
        if (reachable) {
            controls.get(controls.size() - 1).polled = true;
        }
    }

    /**
     * Whether the stop flag was looked at on every path since the header of {@code loop}: some
     * frame from the innermost out to the loop made such a call in its own code before the frame
     * inside it opened (a frame runs no code of its own while a frame inside it is open).
     */
    private boolean polledSince(Control loop) {
        for (int i = controls.size() - 1; i >= 0; i--) {
            Control frame = controls.get(i);
            if (frame.polled) {
                return true;
            }
            if (frame == loop) {
                return false;
            }
        }
        return false;
    }

    private Control target(int depth) {
        return controls.get(controls.size() - 1 - depth);
    }

    /**
     * Jumps to {@code target} carrying its label's values; the modeled stack is left as it was. A
     * back-edge counts one budget unit, at the branch (whose offset a timeout trap then names),
     * unless, unmetered, the iteration has certainly polled the stop flag in a call already, or
     * {@code counts} is false (a catch, which counted its own).
     */
    private void branch(Control target, int offset, boolean counts) {
        if (target.kind == FUNCTION_KIND) {
            emitReturn(target.type.results());
            return;
        }
        if (target.kind == OUTER_KIND) {
            regions.exit(outerFrames - controls.indexOf(target), target.branchTypes());
            return;
        }
        List<ValType> carried = target.branchTypes();
        int extra = types.height() - carried.size() - target.height;
        if (extra > 0) {
            int[] slots = spill(carried.size());
            for (int i = 0; i < extra; i++) {
                frame.pop(types.peek(carried.size() + i));
            }
            reload(carried, slots);
        }
        if (counts && target.kind == LOOP_KIND && (metering.metered() || !polledSince(target))) {
            traps.site(offset, metering::tick); // an iteration that made a polling call has been seen to
        }
        mv.visitJumpInsn(GOTO, target.label);
        target.targeted = true;
    }

    /** Whether a branch to {@code target} is a bare jump: nothing to drop, not a return, not a back-edge. */
    private boolean direct(Control target) {
        return target.kind != FUNCTION_KIND && target.kind != LOOP_KIND && target.kind != OUTER_KIND
                && types.height() - target.branchTypes().size() == target.height;
    }

    /**
     * A large {@code br_table} with few distinct targets: its index maps through an {@code int[]}
     * (a class-data constant) to a small switch over the targets, a few bytes instead of four per entry.
     */
    private void switchThroughMap(int[] depths, Map<Integer, Label> byDepth, Label defaultLabel) {
        int count = depths.length - 1;
        List<Integer> distinct = new ArrayList<>(byDepth.keySet());
        int[] map = new int[count];
        for (int i = 0; i < count; i++) {
            map[i] = distinct.indexOf(depths[i]);
        }
        Label[] targets = distinct.stream().map(byDepth::get).toArray(Label[]::new);
        int index = frame.scratch(ValType.I32, 0);
        mv.visitVarInsn(ISTORE, index);
        mv.visitVarInsn(ILOAD, index);
        frame.iconst(count);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        mv.visitJumpInsn(IFGE, defaultLabel);
        mv.visitLdcInsn(plan.constant(map));
        mv.visitVarInsn(ILOAD, index);
        mv.visitInsn(IALOAD);
        mv.visitTableSwitchInsn(0, targets.length - 1, defaultLabel, targets);
    }

    /**
     * Returns the function's {@code results} from the top of the stack (values below them are
     * discarded); several go in a {@code long[]}, their references in the store's {@code resultRefs}.
     */
    private void emitReturn(List<ValType> results) {
        if (JvmTypes.returnsSlots(results)) {
            int[] slots = spill(results.size());
            int index = 0;
            for (int i = 0; i < results.size(); i++) {
                ValType result = results.get(i);
                if (result.isReference()) {
                    frame.load(result, slots[results.size() - 1 - i]);
                    mv.visitVarInsn(ALOAD, contextSlot);
                    frame.iconst(index);
                    mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, "resultRef",
                            "(Ljava/lang/Object;L" + FunctionEmitter.CONTEXT + ";I)V", false);
                }
                index += result == ValType.V128 ? 2 : 1;
            }
            frame.iconst(PairedSlots.count(results));
            mv.visitIntInsn(NEWARRAY, T_LONG);
            index = 0;
            for (int i = 0; i < results.size(); i++) {
                ValType result = results.get(i);
                int slot = slots[results.size() - 1 - i];
                if (result == ValType.V128) { // paired: the low half, then the high one
                    index = frame.putRaw(ValType.I64, slot, index);
                    index = frame.putRaw(ValType.I64, slot + 2, index);
                } else if (result.isReference()) {
                    index++;
                } else {
                    index = frame.putRaw(result, slot, index);
                }
            }
        }
        leaveArrayFrame();
        metering.syncOut(); // the store gets back the rest of the budget
        Type returnType = Type.getType(JvmTypes.returnType(results));
        mv.visitInsn(returnType.getOpcode(IRETURN));
    }

    /** As the frame is left (a return, or something thrown): the array elements of its locals go back to the store's count. */
    void leaveArrayFrame() {
        if (arrayFrameSlots > 0) {
            mv.visitVarInsn(ALOAD, contextSlot);
            frame.iconst(arrayFrameSlots);
            mv.visitMethodInsn(INVOKESTATIC, FunctionEmitter.SUPPORT, "leaveArrayFrame", "(L" + FunctionEmitter.CONTEXT + ";I)V", false);
        }
    }

    /** Stores the top {@code count} values in scratch locals (top first); the model is unchanged. */
    private int[] spill(int count) {
        int[] slots = new int[count];
        Map<ValType, Integer> used = new HashMap<>();
        for (int i = 0; i < count; i++) {
            ValType valType = types.peek(i);
            int n = used.merge(valType.isReference() ? ValType.FUNCREF : valType, 1, Integer::sum) - 1;
            slots[i] = frame.scratch(valType, n);
            frame.store(valType, slots[i]);
        }
        return slots;
    }

    private void reload(List<ValType> values, int[] slots) {
        for (int i = 0; i < values.size(); i++) {
            frame.load(values.get(i), slots[values.size() - 1 - i]);
        }
    }
}
