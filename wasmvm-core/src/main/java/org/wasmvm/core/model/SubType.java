package org.wasmvm.core.model;

import java.util.List;

/**
 * An entry of the type section: a composite type with its declared supertypes (at most one) and
 * whether it may have subtypes. A plain {@code (type (func ...))} is final with no supertype.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {
    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /** A final type with no supertype: what a 2.0 type section entry is. */
    public static SubType plain(CompositeType composite) {
        return new SubType(true, List.of(), composite);
    }

    @Override
    public String toString() {
        if (isFinal && supertypes.isEmpty()) {
            return composite.toString();
        }
        return "sub " + (isFinal ? "final " : "") + supertypes + " " + composite;
    }

    // equals and hashCode written out: a record's generated ones are linked through invokedynamic on
    // first use, about 40 ms of a cold start for the types that every module load hashes (RATIONALE)
    @Override
    public boolean equals(Object other) {
        return other instanceof SubType that && isFinal == that.isFinal && supertypes.equals(that.supertypes)
                && composite.equals(that.composite);
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(isFinal) * 31 + supertypes.hashCode()) * 31 + composite.hashCode();
    }
}
