package org.wasmvm.core.model;

/** An array type: the type of its elements. */
public record ArrayType(FieldType element) implements CompositeType {
    @Override
    public String toString() {
        return "array " + element;
    }

    // equals and hashCode written out for a cold start's sake, as in SubType
    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayType that && element.equals(that.element);
    }

    @Override
    public int hashCode() {
        return element.hashCode();
    }
}
