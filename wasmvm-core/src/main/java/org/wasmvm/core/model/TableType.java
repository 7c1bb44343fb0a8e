package org.wasmvm.core.model;

/** A table's element type and limits. */
public record TableType(ValType elementType, Limits limits) {
    @Override
    public String toString() {
        return "table " + limits + " " + elementType;
    }
}
