package org.wasmvm.core.model;

/** An array type: the type of its elements. */
public record ArrayType(FieldType element) implements CompositeType {
    @Override
    public String toString() {
        return "array " + element;
    }
}
