package org.wasmvm.core;

/**
 * A public object that wraps one object of the runtime (a memory, a table, a global, a tag): the
 * runtime never sees the public API, so the API wraps what it hands out and unwraps what it is given.
 * Two views are equal when they wrap the same runtime object.
 */
abstract class RuntimeView<T> {
    final T runtime;

    RuntimeView(T runtime) {
        this.runtime = java.util.Objects.requireNonNull(runtime);
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof RuntimeView<?> view && view.runtime == runtime;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(runtime);
    }

    @Override
    public final String toString() {
        return runtime.toString();
    }
}
