package org.wasmvm.core;

import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.runtime.TagInstance;

/**
 * An exception tag (exception handling): what a {@code throw} names and a {@code catch} matches. Tags
 * are compared by identity, not by type: two tags of the same type are different tags (two
 * {@code Tag} objects are equal only when they are views of the same tag). Its type's parameters
 * are the exception's payload; its results are empty.
 */
public final class Tag extends RuntimeView<TagInstance> {
    Tag(TagInstance tag) {
        super(tag);
    }

    /**
     * A new tag of {@code type}, for use as an import.
     *
     * @throws IllegalArgumentException when {@code type} has results
     */
    public static Tag create(FuncType type) {
        return new Tag(TagInstance.host(type));
    }

    public FuncType type() {
        return runtime.type();
    }
}
