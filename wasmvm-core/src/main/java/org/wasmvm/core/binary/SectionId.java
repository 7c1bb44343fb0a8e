package org.wasmvm.core.binary;

/** Section ids of the binary format and the order in which non-custom sections must appear. */
final class SectionId {
    private SectionId() {
    }

    static final int CUSTOM = 0, TYPE = 1, IMPORT = 2, FUNCTION = 3, TABLE = 4, MEMORY = 5, GLOBAL = 6,
            EXPORT = 7, START = 8, ELEMENT = 9, CODE = 10, DATA = 11, DATA_COUNT = 12;

    static final int MAX = DATA_COUNT;

    /**
     * The position of a non-custom section in the required order. The data count section (id 12)
     * was added later, so its id does not follow the order: it sits between element and code.
     */
    static int rank(int id) {
        return switch (id) {
            case DATA_COUNT -> ELEMENT + 1;
            case CODE, DATA -> id + 1;
            default -> id;
        };
    }
}
