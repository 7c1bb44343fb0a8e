package org.wasmvm.core.validate;

import java.util.List;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.model.FunctionBody;

/**
 * Type-checks function bodies with the spec appendix's validation algorithm ({@link TypeStack}): the
 * driver reads each instruction's opcode and hands it to the rules of its family, one class each:
 * {@link ControlRules}, {@link ExceptionRules}, {@link ParametricRules}, {@link VariableRules},
 * {@link TableRules}, {@link MemoryRules}, {@link NumericRules}, {@link ReferenceRules}, {@link SimdRules},
 * {@link AtomicRules} and {@link GcRules}.
 * A new family gets a class of its own and its cases here (a prefixed family, one case for its prefix).
 *
 * <p>Bodies may come unscanned ({@code ModuleDecoder.decodeForValidation}), so the walk also
 * rejects everything the decoder's scan would: illegal opcodes, bad immediates, reserved bytes,
 * a body that does not end exactly at its {@code end}.
 */
final class FunctionValidator {
    private final ValidationContext ctx;
    private final BodyReader in;
    private final Locals locals;
    private final TypeStack stack;
    private final ControlRules control;
    private final ExceptionRules exceptions;
    private final ParametricRules parametric;
    private final VariableRules variables;
    private final TableRules tables;
    private final MemoryRules memory;
    private final NumericRules numeric;
    private final ReferenceRules references;
    private final SimdRules simd;
    private final AtomicRules atomics;
    private final GcRules gc;

    FunctionValidator(ValidationContext ctx) {
        this.ctx = ctx;
        this.in = new BodyReader(ctx);
        this.locals = new Locals(ctx);
        this.stack = new TypeStack(in, locals);
        this.control = new ControlRules(in, stack);
        this.exceptions = new ExceptionRules(in, stack, control);
        this.parametric = new ParametricRules(in, stack);
        this.variables = new VariableRules(in, stack, locals);
        this.tables = new TableRules(in, stack);
        this.memory = new MemoryRules(in, stack);
        this.numeric = new NumericRules(in, stack);
        this.references = new ReferenceRules(in, stack);
        this.simd = new SimdRules(in, stack, memory);
        this.atomics = new AtomicRules(in, stack, memory);
        this.gc = new GcRules(in, stack);
    }

    /** Sets up the reader, locals and stacks for the body of function {@code funcIndex}. */
    private void begin(int funcIndex, FunctionBody body) {
        in.begin(funcIndex, body);
        locals.begin(ctx.funcParams[funcIndex], body.locals());
        stack.begin(ctx.funcResults[funcIndex]);
    }

    /**
     * Validates {@code bodies}, the bodies of consecutive functions from {@code firstIndex} (in the
     * function index space) on.
     *
     * <p>The walk over every instruction of every body is one loop nest in one method invocation, not
     * a call per function: in a fresh JVM, HotSpot compiles the hot loop on-stack (OSR) long before
     * it compiles the method for new calls, and only a running invocation benefits from the OSR
     * code. On yosys (34 000 bodies) the optimized code then takes over for the rest of the module
     * as soon as it is ready, where the normal compile came only when validation was nearly done.
     * The rules are plain methods of final classes, so the JIT inlines the hot ones into this loop.
     */
    void validate(int firstIndex, List<FunctionBody> bodies) {
        functions:
        for (int body = 0; body < bodies.size(); body++) {
            begin(firstIndex + body, bodies.get(body));
            final ByteReader r = in.r;
            while (true) {
                if (!r.hasMore()) {
                    throw new MalformedModuleException(r.position(), "END opcode expected");
                }
                in.at = r.position();
                int op = r.u8();
                switch (op) {
                    case Opcodes.UNREACHABLE -> control.unreachable();
                    case Opcodes.NOP -> {
                    }
                    case Opcodes.BLOCK, Opcodes.LOOP -> control.block(op);
                    case Opcodes.IF -> control.ifBlock();
                    case Opcodes.ELSE -> control.elseBlock();
                    case Opcodes.END -> {
                        if (control.end()) {
                            if (r.hasMore()) {
                                throw new MalformedModuleException(r.position(), "section size mismatch");
                            }
                            continue functions;
                        }
                    }
                    case Opcodes.TRY -> exceptions.tryBlock();
                    case Opcodes.TRY_TABLE -> exceptions.tryTable();
                    case Opcodes.CATCH, Opcodes.CATCH_ALL -> exceptions.legacyCatch(op);
                    case Opcodes.DELEGATE -> exceptions.delegate();
                    case Opcodes.THROW -> exceptions.throwTag();
                    case Opcodes.THROW_REF -> exceptions.throwRef();
                    case Opcodes.RETHROW -> exceptions.rethrow();
                    case Opcodes.BR -> control.br();
                    case Opcodes.BR_IF -> control.brIf();
                    case Opcodes.BR_TABLE -> control.brTable();
                    case Opcodes.RETURN -> control.ret();
                    case Opcodes.CALL -> control.call();
                    case Opcodes.CALL_INDIRECT -> control.callIndirect();
                    case Opcodes.CALL_REF -> control.callRef();
                    case Opcodes.RETURN_CALL -> control.returnCall();
                    case Opcodes.RETURN_CALL_INDIRECT -> control.returnCallIndirect();
                    case Opcodes.RETURN_CALL_REF -> control.returnCallRef();
                    case Opcodes.DROP -> parametric.drop();
                    case Opcodes.SELECT -> parametric.select();
                    case Opcodes.SELECT_T -> parametric.selectTyped();
                    case Opcodes.LOCAL_GET -> variables.localGet();
                    case Opcodes.LOCAL_SET -> variables.localSet();
                    case Opcodes.LOCAL_TEE -> variables.localTee();
                    case Opcodes.GLOBAL_GET -> variables.globalGet();
                    case Opcodes.GLOBAL_SET -> variables.globalSet();
                    case Opcodes.TABLE_GET -> tables.get();
                    case Opcodes.TABLE_SET -> tables.set();
                    case Opcodes.MEMORY_SIZE -> memory.size();
                    case Opcodes.MEMORY_GROW -> memory.grow();
                    case Opcodes.I32_CONST -> numeric.i32Const();
                    case Opcodes.I64_CONST -> numeric.i64Const();
                    case Opcodes.F32_CONST -> numeric.f32Const();
                    case Opcodes.F64_CONST -> numeric.f64Const();
                    case Opcodes.REF_NULL -> references.refNull();
                    case Opcodes.REF_IS_NULL -> references.refIsNull();
                    case Opcodes.REF_FUNC -> references.refFunc();
                    case Opcodes.REF_AS_NON_NULL -> references.refAsNonNull();
                    case Opcodes.BR_ON_NULL -> references.brOnNull();
                    case Opcodes.BR_ON_NON_NULL -> references.brOnNonNull();
                    case Opcodes.REF_EQ -> gc.refEq();
                    case Opcodes.PREFIX_FB -> gc.instruction();
                    case Opcodes.PREFIX_FC -> prefixed(r.u32());
                    case Opcodes.PREFIX_FD -> simd.instruction(r.u32());
                    case Opcodes.PREFIX_FE -> atomics.instruction();
                    default -> {
                        if (op >= Opcodes.I32_LOAD && op <= Opcodes.I64_STORE32) {
                            memory.access(op);
                        } else if (OperatorTables.NUMERIC[op] != 0) {
                            numeric.operator(OperatorTables.NUMERIC[op]);
                        } else {
                            throw in.illegalOpcode(op);
                        }
                    }
                }
            }
        }
    }

    /** The {@code 0xFC}-prefixed instructions: saturating truncation, bulk memory and tables. */
    private void prefixed(int sub) {
        if (sub >= 0 && sub <= 7) {
            numeric.operator(OperatorTables.NUMERIC[0x100 + sub]);
            return;
        }
        // Opcodes names these 0xFC00 | sub; a larger sub must not alias one of them
        switch (Integer.compareUnsigned(sub, 0xFF) <= 0 ? Opcodes.PREFIX_FC << 8 | sub : -1) {
            case Opcodes.MEMORY_INIT -> memory.init();
            case Opcodes.DATA_DROP -> memory.dataDrop();
            case Opcodes.MEMORY_COPY -> memory.copy();
            case Opcodes.MEMORY_FILL -> memory.fill();
            case Opcodes.TABLE_INIT -> tables.init();
            case Opcodes.ELEM_DROP -> tables.elemDrop();
            case Opcodes.TABLE_COPY -> tables.copy();
            case Opcodes.TABLE_GROW -> tables.grow();
            case Opcodes.TABLE_SIZE -> tables.size();
            case Opcodes.TABLE_FILL -> tables.fill();
            default -> throw in.illegalOpcode(Opcodes.PREFIX_FC, sub);
        }
    }
}
