package org.wasmvm.core;

/**
 * A function written in Java that a module imports, with typed arguments and results: the form for
 * signatures with references (an externref is the host's own object, a funcref an
 * {@link ExportedFunction}). Numeric signatures can use the allocation-free {@link HostFunction}.
 * Exceptions are treated as for {@link HostFunction}. (Three parameters, so that a lambda given to
 * {@link Store#define} is never ambiguous between the two forms.)
 */
@FunctionalInterface
public interface ValueHostFunction {
    /**
     * @param caller the instance whose code made the call (for access to its memories)
     * @param args the arguments, one per parameter
     * @param results to be filled: one value of each declared result type
     */
    void call(Instance caller, Value[] args, Value[] results);
}
