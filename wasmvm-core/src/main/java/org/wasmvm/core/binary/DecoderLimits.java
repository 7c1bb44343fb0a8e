package org.wasmvm.core.binary;

/**
 * wasmvm's implementation limits on what a module may declare, checked while decoding so that a
 * small malformed module cannot make the decoder allocate far more than its own size. They are
 * the limits of the WebAssembly JavaScript API (which every browser engine enforces), so any module
 * that loads in a browser is within them; exceeding one is a {@link org.wasmvm.core.MalformedModuleException}
 * ("too many …", like the spec's own "too many locals").
 *
 * <p>Independently of these, every vector's declared length must fit the bytes that remain
 * ("length out of bounds"), so no count can reserve more entries than the input could encode.
 */
public final class DecoderLimits {
    /** The largest module binary: 1 GiB. */
    public static final int MAX_MODULE_SIZE = 1 << 30;
    public static final int MAX_TYPES = 1_000_000;
    /** Imported plus defined functions. */
    public static final int MAX_FUNCTIONS = 1_000_000;
    public static final int MAX_IMPORTS = 100_000;
    public static final int MAX_EXPORTS = 100_000;
    public static final int MAX_GLOBALS = 1_000_000;
    public static final int MAX_DATA_SEGMENTS = 100_000;
    /** Imported plus defined tables. */
    public static final int MAX_TABLES = 100_000;
    /** Element segments, and the entries of one element segment. */
    public static final int MAX_ELEMENT_SEGMENTS = 10_000_000;
    public static final int MAX_SEGMENT_ELEMENTS = 10_000_000;
    public static final int MAX_PARAMS = 1_000;
    /** Fields of one struct type (V8's and wasmtime's limit). */
    public static final int MAX_FIELDS = 10_000;
    public static final int MAX_RESULTS = 1_000;
    /** The bytes of one function body (locals declarations included). */
    public static final int MAX_FUNCTION_SIZE = 7_654_321;
    /** Declared locals of one function (every local becomes an interpreter slot). */
    public static final int MAX_LOCALS = 50_000;
    /** Targets of one {@code br_table} (V8's limit; the JS API sets none). */
    public static final int MAX_BR_TABLE_TARGETS = 65_520;
    /** Operands of one {@code array.new_fixed}. */
    public static final int MAX_ARRAY_NEW_FIXED = 10_000;
    /**
     * Declared locals summed over all functions, at least: the budget is the larger of this and the
     * module's size in bytes. Locals are expanded to one entry each, so without a module-wide budget
     * a 7-byte body declaring 50 000 locals, repeated, would turn a 1 MB module into 30 GB of heap.
     * Real code uses every local at least once (two bytes or more), so it stays far below its size.
     */
    public static final int MIN_TOTAL_LOCALS_BUDGET = 1_000_000;

    private DecoderLimits() {
    }
}
