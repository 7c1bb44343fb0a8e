package org.wasmvm.core.binary;

import org.wasmvm.core.Features;

/** Section ids of the binary format and the order in which non-custom sections must appear. */
final class SectionId {
    private SectionId() {
    }

    static final int CUSTOM = 0, TYPE = 1, IMPORT = 2, FUNCTION = 3, TABLE = 4, MEMORY = 5, GLOBAL = 6,
            EXPORT = 7, START = 8, ELEMENT = 9, CODE = 10, DATA = 11, DATA_COUNT = 12, TAG = 13;

    /** The largest section id: the tag section's with exception handling, else the data count's. */
    static int max(Features features) {
        return features.exceptions() ? TAG : DATA_COUNT;
    }

    /**
     * The position of a non-custom section in the required order. Sections added later have ids
     * that do not follow the order: data count (12) sits between element and code, tag (13)
     * between memory and global.
     */
    static int rank(int id) {
        return switch (id) {
            case TYPE, IMPORT, FUNCTION, TABLE, MEMORY -> id;
            case TAG -> MEMORY + 1;
            case GLOBAL, EXPORT, START, ELEMENT -> id + 1;
            case DATA_COUNT -> ELEMENT + 2;
            default -> id + 2; // code, data
        };
    }
}
