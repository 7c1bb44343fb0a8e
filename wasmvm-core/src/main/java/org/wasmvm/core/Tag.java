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
        return create(type, "host tag");
    }

    /**
     * A new tag of {@code type} that messages call {@code name} (an uncaught {@link ThrownException} names its tag).
     *
     * @throws IllegalArgumentException when {@code type} has results
     */
    public static Tag create(FuncType type, String name) {
        return new Tag(TagInstance.host(type, name));
    }

    /** The tag's name in messages: the host's, or the export name or index in the module that defines it. */
    public String name() {
        return runtime.name();
    }

    public FuncType type() {
        return runtime.type();
    }
}
