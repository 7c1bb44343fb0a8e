package org.wasmvm.core.model;

/** A global's value type and mutability. */
public record GlobalType(ValType valType, boolean mutable) {
    @Override
    public String toString() {
        return mutable ? "(mut " + valType + ")" : valType.toString();
    }
}
