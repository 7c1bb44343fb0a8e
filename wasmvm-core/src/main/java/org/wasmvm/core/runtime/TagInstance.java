package org.wasmvm.core.runtime;

import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.types.TypeRegistry;

/**
 * A tag of a store: an identity object (a tag import links only to the same tag) with its function
 * type and that type's canonical id ({@link TypeRegistry}), which an import's type must equal.
 */
public final class TagInstance {
    private final FuncType type;
    private final int typeId;

    /** @param type the tag's type in canonical form, whose canonical id is {@code typeId} */
    TagInstance(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
    }

    /** A tag a host defines, its type given on its own. */
    public static TagInstance host(FuncType type) {
        if (!type.results().isEmpty()) {
            throw new IllegalArgumentException("a tag's type has no results: " + type);
        }
        return new TagInstance(type, TypeRegistry.ofFunction(type));
    }

    public FuncType type() {
        return type;
    }

    public int typeId() {
        return typeId;
    }

    @Override
    public String toString() {
        return "tag " + type;
    }
}
