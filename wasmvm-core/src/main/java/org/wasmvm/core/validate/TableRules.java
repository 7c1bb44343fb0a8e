package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.I64;

/**
 * Table instructions and element segments: {@code table.get}/{@code set}/{@code size}/{@code grow}/
 * {@code fill}/{@code copy}/{@code init} and {@code elem.drop}. An index is an {@code i64} in a
 * 64-bit table, else an {@code i32}.
 */
final class TableRules {
    private final BodyReader in;
    private final TypeStack stack;
    private final ValidationContext ctx;

    TableRules(BodyReader in, TypeStack stack) {
        this.in = in;
        this.stack = stack;
        this.ctx = in.ctx;
    }

    void get() {
        int table = in.readTable();
        stack.pop(ctx.tableIndexTypes[table]);
        stack.push(ctx.tableElemTypes[table]);
    }

    void set() {
        int table = in.readTable();
        stack.pop(ctx.tableElemTypes[table]);
        stack.pop(ctx.tableIndexTypes[table]);
    }

    void size() {
        stack.push(ctx.tableIndexTypes[in.readTable()]);
    }

    void grow() {
        int table = in.readTable();
        int it = ctx.tableIndexTypes[table];
        stack.pop(it);
        stack.pop(ctx.tableElemTypes[table]);
        stack.push(it);
    }

    void fill() {
        int table = in.readTable();
        int it = ctx.tableIndexTypes[table];
        stack.pop(it);
        stack.pop(ctx.tableElemTypes[table]);
        stack.pop(it);
    }

    /** The length is an {@code i64} only when both tables are 64-bit. */
    void copy() {
        int dst = in.readTable();
        int src = in.readTable();
        if (!Types.isSubtype(ctx.tableElemTypes[src], ctx.tableElemTypes[dst])) {
            throw in.mismatch("table.copy element types differ");
        }
        int dt = ctx.tableIndexTypes[dst];
        int st = ctx.tableIndexTypes[src];
        stack.pop(dt == I64 && st == I64 ? I64 : I32);
        stack.pop(st);
        stack.pop(dt);
    }

    void init() {
        int elem = in.r.u32();
        int table = in.readTable();
        in.checkElem(elem);
        if (!Types.isSubtype(ctx.elemTypes[elem], ctx.tableElemTypes[table])) {
            throw in.mismatch("table.init element type");
        }
        stack.pop(I32);
        stack.pop(I32);
        stack.pop(ctx.tableIndexTypes[table]);
    }

    void elemDrop() {
        in.checkElem(in.r.u32());
    }
}
