package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.F32;
import static org.wasmvm.core.validate.Types.F64;
import static org.wasmvm.core.validate.Types.FUNCREF;
import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.I64;
import static org.wasmvm.core.validate.Types.NONE;
import static org.wasmvm.core.validate.Types.UNKNOWN;

import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.CatchClause;
import org.wasmvm.core.binary.DecoderLimits;
import org.wasmvm.core.binary.MemArgFlags;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.binary.ValTypeReader;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.ValType;

/**
 * Type-checks function bodies with the spec appendix's validation algorithm: an operand stack of
 * value types and a control stack of frames, where an unconditional branch makes the rest of the
 * frame polymorphic ({@link Types#UNKNOWN}). Both stacks are primitive arrays reused across
 * functions, so the walk allocates nothing per instruction.
 *
 * <p>Bodies may come unscanned ({@code ModuleDecoder.decodeForValidation}), so the walk also
 * rejects everything the decoder's scan would: illegal opcodes, bad immediates, reserved bytes,
 * a body that does not end exactly at its {@code end}.
 */
final class FunctionValidator {
    private final ValidationContext ctx;
    private final boolean memory64;
    private final boolean multiMemory;
    private final boolean exceptions;

    // operand stack
    private int[] vals = new int[64];
    private int sp;

    // control stack, one entry per open block
    private int[] ctrlOp = new int[16];
    private int[] ctrlHeight = new int[16];
    private boolean[] ctrlUnreachable = new boolean[16];
    private int[][] ctrlStart = new int[16][];
    private int[][] ctrlEnd = new int[16][];
    private int csp;

    private int[] locals = new int[16];
    private int localCount;
    /**
     * Which locals hold a value: all but non-nullable references start set; {@code local.set} sets one
     * for the rest of its block. The log lists the locals set since each open block began.
     */
    private boolean[] localInit = new boolean[16];
    private boolean hasUnsetLocals;
    private int[] initLog = new int[16];
    private int initLogSize;
    private int[] ctrlInitHeight = new int[16];
    private int[] labels = new int[16];

    // the block type just read by readBlockType
    private int[] btStart;
    private int[] btEnd;

    private ByteReader r;
    private int funcIndex;
    private int at;

    FunctionValidator(ValidationContext ctx) {
        this.ctx = ctx;
        this.memory64 = ctx.features.memory64();
        this.multiMemory = ctx.features.multiMemory();
        this.exceptions = ctx.features.exceptions();
    }

    /** Sets up the stacks and locals for the body of function {@code funcIndex}. */
    private void begin(int funcIndex, FunctionBody body) {
        this.funcIndex = funcIndex;
        this.r = new ByteReader(body.code(), body.offset(), body.length());
        this.at = body.offset();
        int[] params = ctx.funcParams[funcIndex];
        int[] results = ctx.funcResults[funcIndex];
        ValType[] declared = body.locals();
        localCount = params.length + declared.length;
        if (locals.length < localCount) {
            locals = new int[localCount];
        }
        if (localInit.length < localCount) {
            localInit = new boolean[localCount];
        }
        System.arraycopy(params, 0, locals, 0, params.length);
        Arrays.fill(localInit, 0, params.length, true);
        hasUnsetLocals = false;
        for (int i = 0; i < declared.length; i++) {
            DefinedTypes.checkKnown(declared[i], ctx.types.count());
            locals[params.length + i] = ctx.of(declared[i]);
            boolean set = declared[i].defaultable();
            localInit[params.length + i] = set;
            hasUnsetLocals |= !set;
        }
        initLogSize = 0;
        sp = 0;
        csp = 0;
        pushCtrl(Opcodes.BLOCK, Types.EMPTY, results);
    }

    // ---------------------------------------------------------------- the instruction walk

    /**
     * Validates {@code bodies}, the bodies of consecutive functions from {@code firstIndex} (in the
     * function index space) on.
     *
     * <p>The walk over every instruction of every body is one loop nest in one method invocation, not
     * a call per function: in a fresh JVM, HotSpot compiles the hot loop on-stack (OSR) long before
     * it compiles the method for new calls, and only a running invocation benefits from the OSR
     * code. On yosys (34 000 bodies) the optimized code then takes over for the rest of the module
     * as soon as it is ready, where the normal compile came only when validation was nearly done.
     */
    void validate(int firstIndex, List<FunctionBody> bodies) {
        functions:
        for (int body = 0; body < bodies.size(); body++) {
            begin(firstIndex + body, bodies.get(body));
            final ByteReader r = this.r;
            while (true) {
                if (!r.hasMore()) {
                    throw new MalformedModuleException(r.position(), "END opcode expected");
                }
                at = r.position();
                int op = r.u8();
                switch (op) {
                    case Opcodes.UNREACHABLE -> unreachable();
                    case Opcodes.NOP -> {
                    }
                    case Opcodes.BLOCK, Opcodes.LOOP -> {
                        readBlockType();
                        popVals(btStart);
                        pushCtrl(op, btStart, btEnd);
                    }
                    case Opcodes.IF -> {
                        readBlockType();
                        pop(I32);
                        popVals(btStart);
                        pushCtrl(op, btStart, btEnd);
                    }
                    case Opcodes.ELSE -> {
                        if (ctrlOp[csp - 1] != Opcodes.IF) {
                            throw new MalformedModuleException(at, "END opcode expected");
                        }
                        int[] start = ctrlStart[csp - 1];
                        int[] end = ctrlEnd[csp - 1];
                        popCtrl();
                        pushCtrl(Opcodes.ELSE, start, end);
                    }
                    case Opcodes.END -> {
                        int[] start = ctrlStart[csp - 1];
                        int[] end = ctrlEnd[csp - 1];
                        if (ctrlOp[csp - 1] == Opcodes.IF && !allSubtypes(start, end)) {
                            throw mismatch("if without else must leave its parameters unchanged");
                        }
                        popCtrl();
                        if (csp == 0) {
                            if (r.hasMore()) {
                                throw new MalformedModuleException(r.position(), "section size mismatch");
                            }
                            continue functions;
                        }
                        pushVals(end);
                    }
                    case Opcodes.TRY -> {
                        exceptionsOp(op);
                        readBlockType();
                        popVals(btStart);
                        pushCtrl(op, btStart, btEnd);
                    }
                    case Opcodes.TRY_TABLE -> tryTable();
                    case Opcodes.CATCH, Opcodes.CATCH_ALL -> legacyCatch(op);
                    case Opcodes.DELEGATE -> delegate();
                    case Opcodes.THROW -> {
                        exceptionsOp(op);
                        popVals(readTag());
                        unreachable();
                    }
                    case Opcodes.THROW_REF -> {
                        exceptionsOp(op);
                        pop(Types.EXNREF);
                        unreachable();
                    }
                    case Opcodes.RETHROW -> rethrow();
                    case Opcodes.BR -> {
                        popVals(labelTypes(readLabel()));
                        unreachable();
                    }
                    case Opcodes.BR_IF -> {
                        int[] types = labelTypes(readLabel());
                        pop(I32);
                        popVals(types);
                        pushVals(types);
                    }
                    case Opcodes.BR_TABLE -> brTable();
                    case Opcodes.RETURN -> {
                        popVals(ctrlEnd[0]);
                        unreachable();
                    }
                    case Opcodes.CALL -> {
                        int f = readFunction();
                        popVals(ctx.funcParams[f]);
                        pushVals(ctx.funcResults[f]);
                    }
                    case Opcodes.CALL_INDIRECT -> {
                        int type = readIndirectCall();
                        popVals(ctx.typeParams[type]);
                        pushVals(ctx.typeResults[type]);
                    }
                    case Opcodes.RETURN_CALL -> {
                        requireTailCalls(op);
                        int f = readFunction();
                        tailCall(ctx.funcParams[f], ctx.funcResults[f]);
                    }
                    case Opcodes.RETURN_CALL_REF -> {
                        requireTailCalls(op);
                        int type = functionReferencesOp(op);
                        pop(Types.withNullable(ctx.refTo(type), true));
                        tailCall(ctx.typeParams[type], ctx.typeResults[type]);
                    }
                    case Opcodes.RETURN_CALL_INDIRECT -> {
                        requireTailCalls(op);
                        int type = readIndirectCall();
                        tailCall(ctx.typeParams[type], ctx.typeResults[type]);
                    }
                    case Opcodes.DROP -> pop();
                    case Opcodes.SELECT -> {
                        pop(I32);
                        int t1 = pop();
                        int t2 = pop();
                        boolean num1 = t1 == UNKNOWN || t1 <= Types.V128;
                        boolean num2 = t2 == UNKNOWN || t2 <= Types.V128;
                        if (!(num1 && num2)) {
                            throw mismatch("select without type requires numeric operands");
                        }
                        if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
                            throw mismatch("select operands differ");
                        }
                        push(t1 == UNKNOWN ? t2 : t1);
                    }
                    case Opcodes.SELECT_T -> {
                        int count = r.u32();
                        int t = UNKNOWN;
                        for (int i = 0; Integer.compareUnsigned(i, count) < 0; i++) {
                            t = readValType();
                        }
                        if (count != 1) {
                            throw invalid("invalid result arity");
                        }
                        pop(I32);
                        pop(t);
                        pop(t);
                        push(t);
                    }
                    case Opcodes.LOCAL_GET -> {
                        int l = readLocal();
                        if (hasUnsetLocals && !localInit[l]) {
                            throw invalid("uninitialized local " + l);
                        }
                        push(locals[l]);
                    }
                    case Opcodes.LOCAL_SET -> {
                        int l = readLocal();
                        pop(locals[l]);
                        setLocal(l);
                    }
                    case Opcodes.LOCAL_TEE -> {
                        int l = readLocal();
                        int t = locals[l];
                        pop(t);
                        push(t);
                        setLocal(l);
                    }
                    case Opcodes.GLOBAL_GET -> push(ctx.globalTypes[readGlobal()]);
                    case Opcodes.GLOBAL_SET -> {
                        int g = readGlobal();
                        if (!ctx.globalMutable[g]) {
                            throw invalid("global.set of immutable global " + g);
                        }
                        pop(ctx.globalTypes[g]);
                    }
                    case Opcodes.TABLE_GET -> {
                        int table = readTable();
                        pop(ctx.tableIndexTypes[table]);
                        push(ctx.tableElemTypes[table]);
                    }
                    case Opcodes.TABLE_SET -> {
                        int table = readTable();
                        pop(ctx.tableElemTypes[table]);
                        pop(ctx.tableIndexTypes[table]);
                    }
                    case Opcodes.MEMORY_SIZE -> push(ctx.memoryIndexTypes[readMemoryIndex()]);
                    case Opcodes.MEMORY_GROW -> {
                        int t = ctx.memoryIndexTypes[readMemoryIndex()];
                        pop(t);
                        push(t);
                    }
                    case Opcodes.I32_CONST -> {
                        r.s32();
                        push(I32);
                    }
                    case Opcodes.I64_CONST -> {
                        r.s64();
                        push(I64);
                    }
                    case Opcodes.F32_CONST -> {
                        r.f32Bits();
                        push(F32);
                    }
                    case Opcodes.F64_CONST -> {
                        r.f64Bits();
                        push(F64);
                    }
                    case Opcodes.REF_NULL -> push(readNullType(r, ctx));
                    case Opcodes.REF_IS_NULL -> {
                        popRef();
                        push(I32);
                    }
                    case Opcodes.REF_FUNC -> {
                        int f = r.u32();
                        if (Integer.compareUnsigned(f, ctx.funcParams.length) >= 0) {
                            throw invalid("unknown function " + Integer.toUnsignedString(f));
                        }
                        if (!ctx.declaredFunctions[f]) {
                            throw invalid("undeclared function reference");
                        }
                        push(ctx.refTo(ctx.spaces.functionTypeIndex(f)));
                    }
                    case Opcodes.CALL_REF -> {
                        int type = functionReferencesOp(op);
                        pop(Types.withNullable(ctx.refTo(type), true));
                        popVals(ctx.typeParams[type]);
                        pushVals(ctx.typeResults[type]);
                    }
                    case Opcodes.REF_AS_NON_NULL -> {
                        functionReferencesOp(op);
                        push(Types.withNullable(popRef(), false));
                    }
                    case Opcodes.BR_ON_NULL -> {
                        functionReferencesOp(op);
                        int[] types = labelTypes(readLabel());
                        int ref = popRef();
                        popVals(types);
                        pushVals(types);
                        push(Types.withNullable(ref, false));
                    }
                    case Opcodes.BR_ON_NON_NULL -> {
                        functionReferencesOp(op);
                        int[] types = labelTypes(readLabel());
                        int ref = popRef();
                        if (types.length == 0 || !Types.isReference(types[types.length - 1])) {
                            throw mismatch("br_on_non_null needs a label whose last type is a reference");
                        }
                        push(Types.withNullable(ref, false));
                        popVals(types);
                        pushVals(Arrays.copyOf(types, types.length - 1));
                    }
                    case Opcodes.PREFIX_FC -> prefixed(r.u32());
                    default -> {
                        if (op >= Opcodes.I32_LOAD && op <= Opcodes.I64_STORE32) {
                            memoryAccess(op);
                        } else if (OperatorTables.NUMERIC[op] != 0) {
                            numeric(OperatorTables.NUMERIC[op]);
                        } else {
                            throw new MalformedModuleException(at, "illegal opcode " + Integer.toHexString(op));
                        }
                    }
                }
            }
        }
    }

    /** The {@code 0xFC}-prefixed instructions: saturating truncation, bulk memory and tables. */
    private void prefixed(int sub) {
        if (sub >= 0 && sub <= 7) {
            numeric(OperatorTables.NUMERIC[0x100 + sub]);
            return;
        }
        // Opcodes names these 0xFC00 | sub; a larger sub must not alias one of them
        switch (Integer.compareUnsigned(sub, 0xFF) <= 0 ? Opcodes.PREFIX_FC << 8 | sub : -1) {
            case Opcodes.MEMORY_INIT -> {
                int data = r.u32();
                int mem = readMemoryIndex();
                checkData(data);
                pop(I32);
                pop(I32);
                pop(ctx.memoryIndexTypes[mem]);
            }
            case Opcodes.DATA_DROP -> checkData(r.u32());
            case Opcodes.MEMORY_COPY -> {
                int dst = readMemoryIndex();
                int src = readMemoryIndex();
                int dt = ctx.memoryIndexTypes[dst];
                int st = ctx.memoryIndexTypes[src];
                pop(dt == I64 && st == I64 ? I64 : I32);
                pop(st);
                pop(dt);
            }
            case Opcodes.MEMORY_FILL -> {
                int t = ctx.memoryIndexTypes[readMemoryIndex()];
                pop(t);
                pop(I32);
                pop(t);
            }
            case Opcodes.TABLE_INIT -> {
                int elem = r.u32();
                int table = readTable();
                checkElem(elem);
                if (!Types.isSubtype(ctx.elemTypes[elem], ctx.tableElemTypes[table])) {
                    throw mismatch("table.init element type");
                }
                pop(I32);
                pop(I32);
                pop(ctx.tableIndexTypes[table]);
            }
            case Opcodes.ELEM_DROP -> checkElem(r.u32());
            case Opcodes.TABLE_COPY -> {
                int dst = readTable();
                int src = readTable();
                if (!Types.isSubtype(ctx.tableElemTypes[src], ctx.tableElemTypes[dst])) {
                    throw mismatch("table.copy element types differ");
                }
                int dt = ctx.tableIndexTypes[dst];
                int st = ctx.tableIndexTypes[src];
                pop(dt == I64 && st == I64 ? I64 : I32);
                pop(st);
                pop(dt);
            }
            case Opcodes.TABLE_GROW -> {
                int table = readTable();
                int it = ctx.tableIndexTypes[table];
                pop(it);
                pop(ctx.tableElemTypes[table]);
                push(it);
            }
            case Opcodes.TABLE_SIZE -> push(ctx.tableIndexTypes[readTable()]);
            case Opcodes.TABLE_FILL -> {
                int table = readTable();
                int it = ctx.tableIndexTypes[table];
                pop(it);
                pop(ctx.tableElemTypes[table]);
                pop(it);
            }
            default -> throw new MalformedModuleException(at, "illegal opcode fc " + Integer.toUnsignedString(sub));
        }
    }

    // ---------------------------------------------------------------- exception handling

    /**
     * {@code try_table bt catch*}: a block whose catch clauses branch to labels outside it, each
     * label taking the clause's values (the tag's payload, then the exception for the _ref kinds).
     */
    private void tryTable() {
        exceptionsOp(Opcodes.TRY_TABLE);
        readBlockType();
        int count = r.length();
        for (int i = 0; i < count; i++) {
            int kind = CatchClause.kind(r);
            int[] payload = CatchClause.hasTag(kind) ? readTag() : Types.EMPTY;
            if (!catchMatches(payload, CatchClause.passesExnref(kind), labelTypes(readLabel()))) {
                throw mismatch("catch clause does not match its label's type");
            }
        }
        popVals(btStart);
        pushCtrl(Opcodes.TRY_TABLE, btStart, btEnd);
    }

    /** Whether the values of a catch clause, {@code payload} then maybe a {@code (ref exn)}, match {@code label}. */
    private static boolean catchMatches(int[] payload, boolean exnref, int[] label) {
        int n = payload.length;
        if (label.length != n + (exnref ? 1 : 0)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Types.isSubtype(payload[i], label[i])) {
                return false;
            }
        }
        return !exnref || Types.isSubtype(Types.REF_EXN, label[n]);
    }

    /**
     * The legacy {@code catch x} and {@code catch_all}: end the {@code try} block (or the previous
     * catch) and start a handler block with the same results, on the tag's payload. After
     * {@code catch_all} no handler may follow.
     */
    private void legacyCatch(int op) {
        exceptionsOp(op);
        int frame = ctrlOp[csp - 1];
        if (frame != Opcodes.TRY && frame != Opcodes.CATCH) {
            throw new MalformedModuleException(at, "END opcode expected");
        }
        int[] payload = op == Opcodes.CATCH ? readTag() : Types.EMPTY;
        int[] end = ctrlEnd[csp - 1];
        popCtrl();
        pushCtrl(op, payload, end);
    }

    /** The legacy {@code delegate l}: ends a {@code try} without handlers; {@code l} counts from outside it. */
    private void delegate() {
        exceptionsOp(Opcodes.DELEGATE);
        if (ctrlOp[csp - 1] != Opcodes.TRY) {
            throw new MalformedModuleException(at, "END opcode expected");
        }
        int[] end = ctrlEnd[csp - 1];
        popCtrl();
        readLabel();
        pushVals(end);
    }

    /** The legacy {@code rethrow l}: re-throws the exception caught by the handler block at label {@code l}. */
    private void rethrow() {
        exceptionsOp(Opcodes.RETHROW);
        int frame = readLabel();
        if (ctrlOp[frame] != Opcodes.CATCH && ctrlOp[frame] != Opcodes.CATCH_ALL) {
            throw invalid("invalid rethrow label");
        }
        unreachable();
    }

    /** A tag index; returns the tag's payload types. */
    private int[] readTag() {
        int tag = r.u32();
        if (Integer.compareUnsigned(tag, ctx.tagParams.length) >= 0) {
            throw invalid("unknown tag " + Integer.toUnsignedString(tag));
        }
        return ctx.tagParams[tag];
    }

    /** The exception instructions are illegal opcodes without the feature. */
    private void exceptionsOp(int op) {
        if (!exceptions) {
            throw new MalformedModuleException(at, "illegal opcode " + Integer.toHexString(op));
        }
    }

    // ---------------------------------------------------------------- numeric, memory and br_table

    private void numeric(int sig) {
        int p1 = sig & 0xF;
        int p2 = sig >>> 4 & 0xF;
        if (p2 != NONE) {
            pop(p2);
        }
        pop(p1);
        push(sig >>> 8);
    }

    private void memoryAccess(int op) {
        int i = op - Opcodes.I32_LOAD;
        int type = OperatorTables.MEM_TYPE[i];
        int mem = readMemarg(OperatorTables.MEM_ALIGN[i]);
        int addr = ctx.memoryIndexTypes[mem];
        if (op <= Opcodes.I64_LOAD32_U) {
            pop(addr);
            push(type);
        } else {
            pop(type);
            pop(addr);
        }
    }

    private void brTable() {
        int n = r.u32Index();
        if (n > DecoderLimits.MAX_BR_TABLE_TARGETS) {
            // the decoder's limit, checked here too for bodies the decoder only delimited
            throw new MalformedModuleException(at, "too many br_table targets");
        }
        if (labels.length < n) {
            // grow gradually: a truncated body must fail on "unexpected end", not on a huge array
            labels = new int[Math.min(n, Math.max(labels.length * 2, r.remaining()))];
        }
        for (int i = 0; i < n; i++) {
            int l = readLabel();
            if (i >= labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            labels[i] = l;
        }
        int dflt = readLabel();
        pop(I32);
        int[] dfltTypes = labelTypes(dflt);
        for (int i = 0; i < n; i++) {
            int[] types = labelTypes(labels[i]);
            if (types.length != dfltTypes.length) {
                throw mismatch("br_table targets have different arities");
            }
            peekVals(types);
        }
        popVals(dfltTypes);
        unreachable();
    }

    // ---------------------------------------------------------------- immediates

    private void readBlockType() {
        if (!r.hasMore()) {
            r.u8(); // throws "unexpected end"
        }
        int b = r.bytes()[r.position()] & 0xFF;
        if (b == 0x40) {
            r.u8();
            btStart = Types.EMPTY;
            btEnd = Types.EMPTY;
            return;
        }
        if (ValType.fromCode(b) != null || b == ValType.REF_CODE || b == ValType.REF_NULL_CODE) {
            btStart = Types.EMPTY;
            btEnd = Types.single(readValType());
            return;
        }
        long index = r.s33();
        if (index < 0) {
            throw new MalformedModuleException(at, "malformed block type");
        }
        if (index >= ctx.typeParams.length) {
            throw invalid("unknown type " + index);
        }
        checkFunctionType((int) index);
        btStart = ctx.typeParams[(int) index];
        btEnd = ctx.typeResults[(int) index];
    }

    private int readValType() {
        ValType type = ValTypeReader.valType(r, ctx.features);
        DefinedTypes.checkKnown(type, ctx.types.count());
        return ctx.of(type);
    }

    /** The heap type of {@code ref.null}, as the type {@code (ref null ht)}. */
    static int readNullType(ByteReader r, ValidationContext ctx) {
        ValType type = ValType.ref(true, ValTypeReader.heapType(r, ctx.features));
        DefinedTypes.checkKnown(type, ctx.types.count());
        return ctx.of(type);
    }

    /** The type index of a typed-references instruction's immediate (which must be a function type). */
    private int functionReferencesOp(int op) {
        if (!ctx.features.functionReferences()) {
            throw new MalformedModuleException(at, "illegal opcode " + Integer.toHexString(op));
        }
        if (op != Opcodes.CALL_REF && op != Opcodes.RETURN_CALL_REF) {
            return -1;
        }
        int type = r.u32();
        checkFunctionType(type);
        return type;
    }

    private void checkFunctionType(int type) {
        if (Integer.compareUnsigned(type, ctx.typeParams.length) >= 0) {
            throw invalid("unknown type " + Integer.toUnsignedString(type));
        }
        if (ctx.typeParams[type] == null) {
            throw mismatch("type " + type + " is not a function type");
        }
    }

    /** A label's depth, checked against the control stack; returns the frame index. */
    private int readLabel() {
        int l = r.u32();
        if (Integer.compareUnsigned(l, csp) >= 0) {
            throw invalid("unknown label");
        }
        return csp - 1 - l;
    }

    private int readLocal() {
        int l = r.u32();
        if (Integer.compareUnsigned(l, localCount) >= 0) {
            throw invalid("unknown local " + Integer.toUnsignedString(l));
        }
        return l;
    }

    private int readGlobal() {
        int g = r.u32();
        if (Integer.compareUnsigned(g, ctx.globalTypes.length) >= 0) {
            throw invalid("unknown global " + Integer.toUnsignedString(g));
        }
        return g;
    }

    private int readTable() {
        int t = r.u32();
        if (Integer.compareUnsigned(t, ctx.tableElemTypes.length) >= 0) {
            throw invalid("unknown table " + Integer.toUnsignedString(t));
        }
        return t;
    }

    /** The memory index of memory.size/grow/fill/copy/init: a zero byte unless multi-memory is enabled. */
    private int readMemoryIndex() {
        int m;
        if (multiMemory) {
            m = r.u32();
        } else {
            int start = r.position();
            m = r.u8();
            if (m != 0) {
                throw new MalformedModuleException(start, "zero byte expected");
            }
        }
        return checkMemory(m);
    }

    private int checkMemory(int m) {
        if (Integer.compareUnsigned(m, ctx.memoryIndexTypes.length) >= 0) {
            throw invalid("unknown memory " + Integer.toUnsignedString(m));
        }
        return m;
    }

    /** A load's or store's memarg; returns the memory index. */
    private int readMemarg(int naturalAlign) {
        int start = r.position();
        int flags = r.u32();
        MemArgFlags.check(flags, multiMemory, start);
        int mem = MemArgFlags.hasMemoryIndex(flags) ? r.u32() : 0;
        long offset = memory64 ? r.u64() : r.u32() & 0xFFFFFFFFL;
        checkMemory(mem);
        if (MemArgFlags.alignment(flags) > naturalAlign) {
            throw invalid("alignment must not be larger than natural");
        }
        if (ctx.memoryIndexTypes[mem] == I32 && Long.compareUnsigned(offset, 0xFFFFFFFFL) > 0) {
            throw invalid("offset out of range");
        }
        return mem;
    }

    /**
     * A data index must be below the data count. Without a data count section the decoder has
     * already rejected modules that have data segments, so then there are none and any index is unknown.
     */
    private void checkData(int data) {
        int count = Math.max(ctx.dataCount, 0);
        if (Integer.compareUnsigned(data, count) >= 0) {
            throw invalid("unknown data segment " + Integer.toUnsignedString(data));
        }
    }

    private void checkElem(int elem) {
        if (Integer.compareUnsigned(elem, ctx.elemTypes.length) >= 0) {
            throw invalid("unknown elem segment " + Integer.toUnsignedString(elem));
        }
    }

    // ---------------------------------------------------------------- operand and control stacks

    // push and pop keep only their common case inline, the rest in separate methods: the JIT
    // inlines them at dozens of sites in validate(), and a smaller validate() is compiled sooner.

    private void push(int type) {
        if (sp == vals.length) {
            vals = Arrays.copyOf(vals, sp * 2);
        }
        vals[sp++] = type;
    }

    private void pushVals(int[] types) {
        for (int t : types) {
            push(t);
        }
    }

    private int pop() {
        if (sp > ctrlHeight[csp - 1]) {
            return vals[--sp];
        }
        return popFromEmptyFrame();
    }

    /** {@link #pop()} when the frame has no operands left: unknown in unreachable code, else an error. */
    private int popFromEmptyFrame() {
        if (ctrlUnreachable[csp - 1]) {
            return UNKNOWN;
        }
        throw mismatch("expected a value but the stack is empty");
    }

    private int pop(int expect) {
        if (sp > ctrlHeight[csp - 1] && vals[sp - 1] == expect) {
            return vals[--sp];
        }
        return popChecked(expect);
    }

    private int popChecked(int expect) {
        if (sp == ctrlHeight[csp - 1]) {
            if (ctrlUnreachable[csp - 1]) {
                return UNKNOWN;
            }
            throw requires(expect, Types.EMPTY);
        }
        int actual = vals[--sp];
        if (!Types.isSubtype(actual, expect)) {
            throw requires(expect, Types.single(actual));
        }
        return actual;
    }

    private void popVals(int[] types) {
        for (int i = types.length - 1; i >= 0; i--) {
            pop(types[i]);
        }
    }

    /** Checks that the top of the stack matches {@code types} without popping (br_table targets). */
    private void peekVals(int[] types) {
        int height = ctrlHeight[csp - 1];
        int pos = sp - 1;
        for (int i = types.length - 1; i >= 0; i--, pos--) {
            if (pos < height) {
                if (ctrlUnreachable[csp - 1]) {
                    return;
                }
                throw requires(types[i], Types.EMPTY);
            }
            int actual = vals[pos];
            if (!Types.isSubtype(actual, types[i])) {
                throw requires(types[i], Types.single(actual));
            }
        }
    }

    private void pushCtrl(int op, int[] start, int[] end) {
        if (csp == ctrlOp.length) {
            int n = csp * 2;
            ctrlOp = Arrays.copyOf(ctrlOp, n);
            ctrlHeight = Arrays.copyOf(ctrlHeight, n);
            ctrlUnreachable = Arrays.copyOf(ctrlUnreachable, n);
            ctrlStart = Arrays.copyOf(ctrlStart, n);
            ctrlEnd = Arrays.copyOf(ctrlEnd, n);
            ctrlInitHeight = Arrays.copyOf(ctrlInitHeight, n);
        }
        ctrlInitHeight[csp] = initLogSize;
        ctrlOp[csp] = op;
        ctrlHeight[csp] = sp;
        ctrlUnreachable[csp] = false;
        ctrlStart[csp] = start;
        ctrlEnd[csp] = end;
        csp++;
        pushVals(start);
    }

    private void popCtrl() {
        int[] end = ctrlEnd[csp - 1];
        popVals(end);
        if (sp != ctrlHeight[csp - 1]) {
            // the popped values are still in vals, above sp
            throw mismatch("block requires " + Types.names(end, 0, end.length) + " but stack has "
                    + Types.names(vals, ctrlHeight[csp - 1], sp + end.length));
        }
        csp--;
        while (initLogSize > ctrlInitHeight[csp]) {
            localInit[initLog[--initLogSize]] = false;
        }
    }

    /** A {@code local.set} or {@code local.tee}: the local holds a value until its block ends. */
    private void setLocal(int l) {
        if (!localInit[l]) {
            localInit[l] = true;
            if (initLogSize == initLog.length) {
                initLog = Arrays.copyOf(initLog, initLogSize * 2);
            }
            initLog[initLogSize++] = l;
        }
    }

    /** Pops a reference (the non-null bottom reference from an unreachable stack). */
    private int popRef() {
        int t = pop();
        if (t == UNKNOWN) {
            return Types.REF | Types.BOTTOM_HEAP;
        }
        if (!Types.isReference(t)) {
            throw mismatch("expected a reference but got " + Types.name(t));
        }
        return t;
    }

    /** Whether each of {@code subs} is a subtype of the same position of {@code sups}. */
    private static boolean allSubtypes(int[] subs, int[] sups) {
        if (subs.length != sups.length) {
            return false;
        }
        for (int i = 0; i < subs.length; i++) {
            if (!Types.isSubtype(subs[i], sups[i])) {
                return false;
            }
        }
        return true;
    }

    private int[] labelTypes(int frame) {
        return ctrlOp[frame] == Opcodes.LOOP ? ctrlStart[frame] : ctrlEnd[frame];
    }

    /** A call's function index, which must name a function. */
    private int readFunction() {
        int f = r.u32();
        if (Integer.compareUnsigned(f, ctx.funcParams.length) >= 0 || ctx.funcParams[f] == null) {
            throw invalid("unknown function " + Integer.toUnsignedString(f));
        }
        return f;
    }

    /** The immediates of an indirect call (type, funcref table), and its table index operand; returns the type. */
    private int readIndirectCall() {
        int type = r.u32();
        int table = readTable();
        if (!Types.isSubtype(ctx.tableElemTypes[table], FUNCREF)) {
            throw mismatch("call_indirect requires a funcref table");
        }
        checkFunctionType(type);
        pop(ctx.tableIndexTypes[table]);
        return type;
    }

    private void requireTailCalls(int op) {
        if (!ctx.features.tailCalls()) {
            throw new MalformedModuleException(at, "illegal opcode " + Integer.toHexString(op));
        }
    }

    /**
     * A tail call returns what the callee returns, so the callee's results must be the caller's
     * (3.0: a subtype; without subtyping, equal); like {@code return}, the rest of the block is unreachable.
     */
    private void tailCall(int[] params, int[] results) {
        if (!allSubtypes(results, ctrlEnd[0])) {
            throw mismatch("tail call's results differ from the function's");
        }
        popVals(params);
        unreachable();
    }

    private void unreachable() {
        sp = ctrlHeight[csp - 1];
        ctrlUnreachable[csp - 1] = true;
    }

    // ---------------------------------------------------------------- errors

    private InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(funcIndex, at, reason);
    }

    private InvalidModuleException mismatch(String detail) {
        return invalid("type mismatch: " + detail);
    }

    /** An operand that does not match, in the reference interpreter's words (one operand at a time). */
    private InvalidModuleException requires(int expected, int[] actual) {
        return mismatch("instruction requires [" + Types.name(expected) + "] but stack has "
                + Types.names(actual, 0, actual.length));
    }
}
