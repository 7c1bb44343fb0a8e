package org.wasmvm.core;

import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.runtime.GlobalInstance;

/** A global variable holding one {@link Value} of its type. Equal when they are views of the same global. */
public final class Global extends RuntimeView<GlobalInstance> {
    Global(GlobalInstance global) {
        super(global);
    }

    /** A new global of {@code type} initialized to {@code value}, for use as an import. */
    public static Global create(GlobalType type, Value value) {
        GlobalInstance.check(type, value);
        return new Global(new GlobalInstance(type, value));
    }

    public GlobalType type() {
        return runtime.type();
    }

    public Value get() {
        return runtime.get();
    }

    /** Sets the value; fails with {@link IllegalStateException} when the global is immutable. */
    public void set(Value value) {
        runtime.set(value);
    }
}
