package org.wasmvm.core;

/**
 * The WebAssembly features a module may use beyond the 2.0 core, one flag per proposal (as wasmtime's
 * {@code Config} has them). Users get every implemented feature by default ({@link #all()}); the spec
 * runner checks the 2.0 suite with {@link #wasm2()}, where a 3.0 instruction is an illegal opcode.
 *
 * @param memory64 64-bit memories and tables (i64 limits and addresses)
 * @param multiMemory more than one memory per module
 * @param extendedConst {@code i32/i64.add/sub/mul} and {@code global.get} of any immutable global in constant expressions
 * @param tailCalls {@code return_call}, {@code return_call_indirect} (and, with function references, {@code return_call_ref})
 * @param functionReferences typed function references: {@code (ref $t)}, {@code call_ref}, {@code br_on_null}, ...
 * @param exceptions exception handling: tags, {@code throw}, {@code try_table}, {@code exnref}, and the legacy {@code try}
 * @param relaxedSimd the relaxed SIMD instructions ({@code 0xFD 0x100} to {@code 0x113}); the fixed-width SIMD
 *     instructions are Wasm 2.0 and need no flag
 * @param threads shared memories and the atomic instructions ({@code 0xFE}), {@code memory.atomic.wait/notify}
 * @param gc garbage collection: structs, arrays, {@code i31}, casts ({@code 0xFB} and {@code ref.eq}), and those
 *     instructions in constant expressions; the abstract heap types come with {@code functionReferences}
 */
public record Features(boolean memory64, boolean multiMemory, boolean extendedConst, boolean tailCalls,
        boolean functionReferences, boolean exceptions, boolean relaxedSimd, boolean threads, boolean gc) {
    /** The components' names, in order, for {@link #toString}. */
    private static final String[] NAMES = {"memory64", "multiMemory", "extendedConst", "tailCalls",
        "functionReferences", "exceptions", "relaxedSimd", "threads", "gc"};

    /** Exactly WebAssembly 2.0: 32-bit addresses, at most one memory. */
    public static Features wasm2() {
        return new Features(false, false, false, false, false, false, false, false, false);
    }

    /** Everything wasmvm implements. */
    public static Features all() {
        return new Features(true, true, true, true, true, true, true, true, true);
    }

    /** These features with 64-bit memories and tables turned on or off. */
    public Features withMemory64(boolean on) {
        return new Features(on, multiMemory, extendedConst, tailCalls, functionReferences, exceptions, relaxedSimd, threads, gc);
    }

    /** These features with shared memories and the atomic instructions turned on or off. */
    public Features withThreads(boolean on) {
        return new Features(memory64, multiMemory, extendedConst, tailCalls, functionReferences, exceptions, relaxedSimd, on, gc);
    }

    /**
     * The features that are on, by name ({@code "memory64 multiMemory …"}, {@code "none"} for 2.0):
     * written out, since the record's generated {@code toString} is linked on first use, 30 ms of
     * a cold start that names the features in its code cache key.
     */
    @Override
    public String toString() {
        StringBuilder names = new StringBuilder();
        boolean[] on = {memory64, multiMemory, extendedConst, tailCalls, functionReferences, exceptions, relaxedSimd,
            threads, gc};
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                names.append(names.isEmpty() ? "" : " ").append(NAMES[i]);
            }
        }
        return names.isEmpty() ? "none" : names.toString();
    }
}
