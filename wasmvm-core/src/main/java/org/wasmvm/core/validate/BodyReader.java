package org.wasmvm.core.validate;

import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.binary.ValTypeReader;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.ValType;

/**
 * Where the walk is: the body's bytes, the function's index and the offset of the instruction being
 * checked, which every error names. Also reads the immediates that more than one family of rules
 * reads; an immediate of one family only is read by that family.
 */
final class BodyReader {
    final ValidationContext ctx;
    /** The current body's instructions; the rules read their immediates from it. */
    ByteReader r;
    int funcIndex;
    /** The offset of the instruction being checked. */
    int at;

    BodyReader(ValidationContext ctx) {
        this.ctx = ctx;
    }

    void begin(int funcIndex, FunctionBody body) {
        this.funcIndex = funcIndex;
        this.r = new ByteReader(body.code(), body.offset(), body.length());
        this.at = body.offset();
    }

    /** A value type immediate (a block type's or {@code select}'s), which may name only the module's types. */
    int readValType() {
        ValType type = ValTypeReader.valType(r, ctx.features);
        DefinedTypes.checkKnown(type, ctx.types.count());
        return ctx.of(type);
    }

    /** A table index, used by the table instructions and the indirect calls. */
    int readTable() {
        int t = r.u32();
        if (Integer.compareUnsigned(t, ctx.tableElemTypes.length) >= 0) {
            throw invalid("unknown table " + Integer.toUnsignedString(t));
        }
        return t;
    }

    /**
     * A data index must be below the data count. Without a data count section the decoder has
     * already rejected modules that have data segments, so then there are none and any index is unknown.
     */
    void checkData(int data) {
        int count = Math.max(ctx.dataCount, 0);
        if (Integer.compareUnsigned(data, count) >= 0) {
            throw invalid("unknown data segment " + Integer.toUnsignedString(data));
        }
    }

    /** An element segment index must name one of the module's segments. */
    void checkElem(int elem) {
        if (Integer.compareUnsigned(elem, ctx.elemTypes.length) >= 0) {
            throw invalid("unknown elem segment " + Integer.toUnsignedString(elem));
        }
    }

    // ---------------------------------------------------------------- errors

    /** An instruction of a feature that is not enabled is an illegal opcode, as the decoder would say. */
    void requireFeature(boolean enabled, int op) {
        if (!enabled) {
            throw illegalOpcode(op);
        }
    }

    MalformedModuleException illegalOpcode(int op) {
        return new MalformedModuleException(at, "illegal opcode " + Integer.toHexString(op));
    }

    /** An unknown sub-opcode {@code sub} after {@code prefix} ({@code 0xFC}, {@code 0xFD}). */
    MalformedModuleException illegalOpcode(int prefix, int sub) {
        return new MalformedModuleException(at, Opcodes.illegalPrefixed(prefix, sub));
    }

    /** The current instruction may not end the innermost block (an {@code else} outside an {@code if}, ...). */
    MalformedModuleException endExpected() {
        return new MalformedModuleException(at, "END opcode expected");
    }

    InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(funcIndex, at, reason);
    }

    InvalidModuleException mismatch(String detail) {
        return invalid("type mismatch: " + detail);
    }
}
