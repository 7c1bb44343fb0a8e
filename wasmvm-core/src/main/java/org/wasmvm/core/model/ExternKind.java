package org.wasmvm.core.model;

/** The kinds of entities that can be imported and exported, with their binary encoding. */
public enum ExternKind {
    FUNCTION, TABLE, MEMORY, GLOBAL, TAG;

    /** The kind encoded by {@code code} in import and export descriptors, or {@code null}. */
    public static ExternKind fromCode(int code) {
        return switch (code) {
            case 0 -> FUNCTION;
            case 1 -> TABLE;
            case 2 -> MEMORY;
            case 3 -> GLOBAL;
            case 4 -> TAG; // exception handling
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
