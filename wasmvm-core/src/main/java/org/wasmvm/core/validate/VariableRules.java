package org.wasmvm.core.validate;

/**
 * Variable instructions: {@code local.get}/{@code set}/{@code tee} and {@code global.get}/{@code set}.
 * A local of a non-nullable reference type may be read only where a {@code local.set} or
 * {@code local.tee} in an enclosing block has set it ({@link Locals}).
 */
final class VariableRules {
    private final BodyReader in;
    private final TypeStack stack;
    private final Locals locals;
    private final ValidationContext ctx;

    VariableRules(BodyReader in, TypeStack stack, Locals locals) {
        this.in = in;
        this.stack = stack;
        this.locals = locals;
        this.ctx = in.ctx;
    }

    // local.get, set and tee are a third of all instructions: each stays small enough for C1 to
    // inline it into the walk (see docs/RATIONALE.md), so local.get checks its index in one call.

    void localGet() {
        stack.push(locals.type(readLocal(true)));
    }

    void localSet() {
        int l = readLocal(false);
        stack.pop(locals.type(l));
        locals.set(l);
    }

    void localTee() {
        int l = readLocal(false);
        stack.replace(locals.type(l));
        locals.set(l);
    }

    void globalGet() {
        stack.push(ctx.globalTypes[readGlobal()]);
    }

    void globalSet() {
        int g = readGlobal();
        if (!ctx.globalMutable[g]) {
            throw in.invalid("global.set of immutable global " + g);
        }
        stack.pop(ctx.globalTypes[g]);
    }

    /** A local index; {@code local.get} ({@code read}) may only read a local that holds a value. */
    private int readLocal(boolean read) {
        int l = in.r.u32();
        if (Integer.compareUnsigned(l, locals.count()) >= 0) {
            throw in.invalid("unknown local " + Integer.toUnsignedString(l));
        }
        if (read && !locals.isSet(l)) {
            throw in.invalid("uninitialized local " + l);
        }
        return l;
    }

    private int readGlobal() {
        int g = in.r.u32();
        if (Integer.compareUnsigned(g, ctx.globalTypes.length) >= 0) {
            throw in.invalid("unknown global " + Integer.toUnsignedString(g));
        }
        return g;
    }
}
