package org.wasmvm.core;

import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.runtime.GlobalInstance;

/** A global variable holding one {@link Value} of its type. */
public interface Global {
    /** A new global of {@code type} initialized to {@code value}, for use as an import. */
    static Global create(GlobalType type, Value value) {
        if (value.type() != type.valType()) {
            throw new IllegalArgumentException("value " + value + " does not match " + type);
        }
        if (type.valType().isReference()) {
            org.wasmvm.core.runtime.References.check(type.valType(), value.ref(), "global");
        }
        return new GlobalInstance(type, value.bits(), value.ref());
    }

    GlobalType type();

    Value get();

    /** Sets the value; fails with {@link IllegalStateException} when the global is immutable. */
    void set(Value value);
}
