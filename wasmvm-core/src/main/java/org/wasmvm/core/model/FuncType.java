package org.wasmvm.core.model;

import java.util.List;

/** A function signature: parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }

    // equals and hashCode written out for a cold start's sake, as in SubType
    @Override
    public boolean equals(Object other) {
        return other instanceof FuncType that && params.equals(that.params) && results.equals(that.results);
    }

    @Override
    public int hashCode() {
        return params.hashCode() * 31 + results.hashCode();
    }
}
