package org.wasmvm.core.model;

import java.util.List;

/** A struct type: its fields, in order. */
public record StructType(List<FieldType> fields) implements CompositeType {
    public StructType {
        fields = List.copyOf(fields);
    }

    @Override
    public String toString() {
        return "struct " + fields;
    }

    // equals and hashCode written out for a cold start's sake, as in SubType
    @Override
    public boolean equals(Object other) {
        return other instanceof StructType that && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
