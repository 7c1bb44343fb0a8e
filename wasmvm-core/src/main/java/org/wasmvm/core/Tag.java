package org.wasmvm.core;

import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.runtime.TagInstance;

/**
 * An exception tag (exception handling): what a {@code throw} names and a {@code catch} matches. Tags
 * are compared by identity, not by type: two tags of the same type are different tags. Its type's
 * parameters are the exception's payload; its results are empty.
 */
public interface Tag {
    /**
     * A new tag of {@code type}, for use as an import.
     *
     * @throws IllegalArgumentException when {@code type} has results
     */
    static Tag create(FuncType type) {
        return TagInstance.host(type);
    }

    FuncType type();
}
