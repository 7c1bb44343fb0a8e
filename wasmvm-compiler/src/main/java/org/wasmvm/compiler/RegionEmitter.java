package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.runtime.PairedSlots;

/**
 * The methods of a split function ({@link SplitPlan}): calling the method of an outlined block or
 * loop, and, in such a method, entering and leaving it. Both sides pass the locals the region uses
 * and the values it carries through the frame array, locals first and carried values after them,
 * each in one element, a {@code v128} in two (low, high), a reference in the same element of an
 * {@code Object[]} beside it (created only in a function that uses references); a region method's exit code is 0 when it ended, else one more than the depth of the
 * frame around it that it branches to.
 */
final class RegionEmitter {
    private final MethodVisitor mv;
    private final JvmFrame frame;
    private final OperandTypes types;
    private final WasmLocals locals;
    private final MethodSlots slots;
    private final Metering metering;
    private final TrapSites traps;
    private final ExceptionEmitter exceptions;
    private final SplitPlan plan;
    /** The region this method is, or null in a function's own method. */
    private final SplitPlan.Region region;
    /** In a region method: the locals its code uses. */
    private final int[] regionLocals;
    private final WasmModule module;
    private final FunctionBody body;
    /** The generated class, whose region methods are called directly. */
    private final String className;
    /** The frame array's first element of each local, and of the carried values. */
    private final int[] localElements;
    private final int carriedBase;

    RegionEmitter(MethodVisitor mv, JvmFrame frame, OperandTypes types, WasmLocals locals, MethodSlots slots,
            Metering metering, TrapSites traps, ExceptionEmitter exceptions, SplitPlan plan, SplitPlan.Region region,
            WasmModule module, FunctionBody body, String className) {
        this.mv = mv;
        this.frame = frame;
        this.types = types;
        this.locals = locals;
        this.slots = slots;
        this.metering = metering;
        this.traps = traps;
        this.exceptions = exceptions;
        this.plan = plan;
        this.region = region;
        this.regionLocals = region != null ? RegionScan.locals(body, region.offset(), region.end()) : new int[0];
        this.module = module;
        this.body = body;
        this.className = className;
        this.localElements = new int[locals.count()];
        int element = 0;
        for (int i = 0; i < localElements.length; i++) {
            localElements[i] = element;
            element += locals.type(i) == ValType.V128 ? 2 : 1;
        }
        this.carriedBase = element;
    }

    /** Whether the block or loop at {@code offset} is called as a method (a region's own block is its code). */
    boolean outlines(int offset) {
        return plan.outlines(offset) && (region == null || offset != region.offset() || region.end() >= 0);
    }

    /** The end of the sequence of statements outlined from {@code offset}, or -1 (also for this region's own start). */
    int sequenceEnd(int offset) {
        return region != null && offset == region.offset() ? -1 : plan.sequenceEnd(offset);
    }

    /**
     * In a function's own method that calls region methods: its frame arrays, long enough for any
     * call's values ({@code references}: whether the function has any, else the {@code Object[]} is null).
     */
    void createFrameArray(boolean references) {
        if (slots.frameArray() < 0) {
            return;
        }
        int arity = 1;
        for (SubType type : module.types()) {
            if (type.composite() instanceof FuncType t) {
                arity = Math.max(arity, Math.max(t.params().size(), t.results().size()));
            }
        }
        frame.iconst(carriedBase + 2 * arity);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, slots.frameArray());
        if (references) {
            frame.iconst(carriedBase + 2 * arity);
            mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        } else {
            mv.visitInsn(ACONST_NULL);
        }
        mv.visitVarInsn(ASTORE, slots.refFrameArray());
    }

    /**
     * Calls the method of the outlined block or loop at {@code offset} (its opcode and block type
     * read) and skips its code: parameters and the locals it uses go into the frame array, and its
     * exit code says whether it ended (results in the array) or where it branches to.
     */
    void call(int offset, FuncType blockType, ByteReader in, ControlEmitter control) {
        in.position(RegionScan.end(body, offset));
        invoke(new SplitPlan.Region(offset, -1, blockType, outer(control)), control);
    }

    /** Calls the method of the sequence of statements from {@code offset} to {@code end} (the caller reads on from there). */
    void callSequence(int offset, int end, ControlEmitter control) {
        invoke(new SplitPlan.Region(offset, end, FuncType.of(List.of(), List.of()), outer(control)), control);
    }

    /** The branch types of the frames around the code, innermost first. */
    private static List<List<ValType>> outer(ControlEmitter control) {
        List<List<ValType>> outer = new ArrayList<>();
        for (int depth = 0; depth < control.frames(); depth++) {
            outer.add(control.branchTypes(depth));
        }
        return outer;
    }

    private void invoke(SplitPlan.Region called, ControlEmitter control) {
        plan.call(called);
        int offset = called.offset();
        FuncType blockType = called.type();
        List<List<ValType>> outer = called.outer();
        int[] used = RegionScan.locals(body, offset, called.end());
        storeCarried(blockType.params());
        types.pop(blockType.params().size());
        storeLocals(used);
        metering.syncOut();
        traps.inRegion();
        mv.visitVarInsn(ALOAD, slots.frameArray());
        mv.visitVarInsn(ALOAD, slots.refFrameArray());
        mv.visitVarInsn(ILOAD, slots.depth());
        mv.visitVarInsn(ALOAD, slots.instance());
        // a handler here sees the locals as the region left them ({@link #leaving})
        exceptions.guard(() -> mv.visitMethodInsn(INVOKESTATIC, className, called.methodName(),
                FunctionEmitter.REGION_DESCRIPTOR, false), () -> loadLocals(used));
        metering.syncIn();
        loadLocals(used);
        // only the exits the region's branches can take: a frame deep in many blocks has many around it
        int[] reached = RegionScan.exits(body, offset, called.end(), outer.size() - 1);
        Label ended = new Label();
        int[] keys = new int[reached.length + 1];
        Label[] exits = new Label[keys.length];
        exits[0] = ended;
        for (int i = 0; i < reached.length; i++) {
            keys[i + 1] = reached[i] + 1;
            exits[i + 1] = new Label();
        }
        mv.visitLookupSwitchInsn(ended, keys, exits);
        for (int i = 1; i < keys.length; i++) {
            mv.visitLabel(exits[i]);
            int depth = keys[i] - 1;
            List<ValType> carried = control.branchTypes(depth);
            loadCarried(carried);
            types.pushAll(carried);
            control.branch(depth, offset);
            types.pop(carried.size());
        }
        mv.visitLabel(ended);
        loadCarried(blockType.results());
        types.pushAll(blockType.results());
    }

    /** In a region method: reads from its first instruction (which opens its block), with its parameters modeled. */
    void enter(ByteReader in) {
        in.position(region.offset());
        types.pushAll(region.type().params());
    }

    /** In a region method's prologue: the locals it uses. */
    void loadLocals() {
        loadLocals(regionLocals);
    }

    /** In a region method's prologue, last: its parameters, pushed where its code expects them. */
    void loadParams() {
        loadCarried(region.type().params());
    }

    /**
     * In a region method's handler of everything thrown: in a function with handlers, the locals it uses go
     * back to the frame array, where a handler of the code around finds them as they were at the throw.
     */
    void leaving() {
        if (exceptions.catches()) {
            storeLocals(regionLocals);
        }
    }

    /** A region method whose code runs to its end leaves with its results. */
    void end() {
        exit(0, region.type().results());
    }

    /** Leaves a region method with exit {@code code}, the values of {@code carried} from the stack top. */
    void exit(int code, List<ValType> carried) {
        storeCarried(carried);
        storeLocals(regionLocals);
        metering.syncOut();
        frame.iconst(code);
        mv.visitInsn(IRETURN);
    }

    /** Pushes the {@code values} carried in the frame array (bottom first). */
    private void loadCarried(List<ValType> values) {
        int index = carriedBase;
        for (ValType valType : values) {
            index = loadElements(valType, index);
        }
    }

    /** Loads the locals {@code used} from their elements of the frame array (those in no register live there). */
    private void loadLocals(int[] used) {
        for (int local : used) {
            if (!locals.inRegister(local)) {
                continue;
            }
            loadElements(locals.type(local), localElements[local]);
            locals.store(local);
        }
    }

    /** Pushes the value of {@code valType} at {@code index} (both halves of a v128 from there); returns the next index. */
    private int loadElements(ValType valType, int index) {
        if (valType != ValType.V128) {
            element(valType, index);
            frame.loadElement(valType);
            return index + 1;
        }
        for (int half = 0; half < 2; half++) {
            element(ValType.I64, index++);
            mv.visitInsn(LALOAD);
        }
        return index;
    }

    /** Stores the top {@code values} (bottom first in the list) into the frame array as carried values 0…; pops them. */
    private void storeCarried(List<ValType> values) {
        int index = carriedBase + PairedSlots.count(values);
        for (int j = values.size() - 1; j >= 0; j--) {
            ValType valType = values.get(j);
            ValType half = valType == ValType.V128 ? ValType.I64 : valType; // a v128's high half on top
            int scratch = frame.scratch(half, 0);
            for (int n = valType == ValType.V128 ? 2 : 1; n > 0; n--) {
                frame.store(half, scratch);
                element(half, --index);
                frame.load(half, scratch);
                frame.storeElement(half);
            }
        }
    }

    /** Stores the locals {@code used} into their elements of the frame array (those in no register live there). */
    private void storeLocals(int[] used) {
        for (int local : used) {
            if (!locals.inRegister(local)) {
                continue;
            }
            int index = localElements[local];
            ValType valType = locals.type(local);
            if (valType == ValType.V128) {
                int low = frame.scratch(ValType.I64, 0);
                int high = frame.scratch(ValType.I64, 1);
                locals.load(local);
                mv.visitVarInsn(LSTORE, high);
                mv.visitVarInsn(LSTORE, low);
                element(ValType.I64, index);
                mv.visitVarInsn(LLOAD, low);
                mv.visitInsn(LASTORE);
                element(ValType.I64, index + 1);
                mv.visitVarInsn(LLOAD, high);
                mv.visitInsn(LASTORE);
            } else {
                element(valType, index);
                locals.load(local);
                frame.storeElement(valType);
            }
        }
    }

    /** Pushes the frame array of {@code valType} (the {@code Object[]} for a reference) and {@code index}, for a load or store of that element. */
    private void element(ValType valType, int index) {
        mv.visitVarInsn(ALOAD, valType.isReference() ? slots.refFrameArray() : slots.frameArray());
        frame.iconst(index);
    }
}
