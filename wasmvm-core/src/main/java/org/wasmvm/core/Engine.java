package org.wasmvm.core;

import java.util.Locale;

/**
 * How a {@link Store} executes wasm code. The compiler tiers need {@code wasmvm-compiler} on the class
 * path (found through {@link java.util.ServiceLoader}); without it {@link #TIERED} runs everything in
 * the interpreter and {@link #COMPILER} is refused when the store is created.
 */
public enum Engine {
    /** Only the interpreter: the fastest start, no class generation. */
    INTERPRETER,
    /** Every function is compiled to JVM bytecode before it first runs (one that cannot be stays interpreted). */
    COMPILER,
    /** Interprets first and compiles hot functions in the background, then switches calls over (the default). */
    TIERED;

    /** The system property that selects the default engine ({@code interpreter}, {@code compiler}, {@code tiered}). */
    public static final String PROPERTY = "wasmvm.engine";

    /** The engine named {@code name}, case-insensitively. */
    public static Engine parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + name + "' (interpreter, compiler or tiered)", e);
        }
    }

    /** The engine of {@code -Dwasmvm.engine}, else {@link #TIERED}. */
    public static Engine configured() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? TIERED : parse(name);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
