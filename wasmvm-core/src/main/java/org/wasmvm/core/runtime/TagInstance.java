package org.wasmvm.core.runtime;

import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.types.TypeRegistry;

/**
 * A tag of a store: an identity object (a tag import links only to the same tag) with its function
 * type and that type's canonical id ({@link TypeRegistry}), which an import's type must equal. Its
 * name only labels the exceptions it makes in messages.
 */
public final class TagInstance {
    private final FuncType type;
    private final int typeId;
    private final String name;
    /** Whether the payload has a reference or a {@code v128}: only then does an exception carry those arrays. */
    private final boolean payloadHasReferences;
    private final boolean payloadHasVectors;

    /** @param type the tag's type in canonical form, whose canonical id is {@code typeId} */
    TagInstance(FuncType type, int typeId, String name) {
        this.type = type;
        this.typeId = typeId;
        this.name = name;
        this.payloadHasReferences = type.params().stream().anyMatch(ValType::isReference);
        this.payloadHasVectors = type.params().contains(ValType.V128);
    }

    /** A tag a host defines, its type given on its own. */
    public static TagInstance host(FuncType type, String name) {
        if (!type.results().isEmpty()) {
            throw new IllegalArgumentException("a tag's type has no results: " + type);
        }
        return new TagInstance(type, TypeRegistry.ofFunction(type), name);
    }

    /** How messages name the tag: its export name or its index in the module that defines it, or the host's name. */
    public String name() {
        return name;
    }

    public boolean payloadHasReferences() {
        return payloadHasReferences;
    }

    public boolean payloadHasVectors() {
        return payloadHasVectors;
    }

    public FuncType type() {
        return type;
    }

    public int typeId() {
        return typeId;
    }

    @Override
    public String toString() {
        return "tag " + name + " " + type;
    }
}
