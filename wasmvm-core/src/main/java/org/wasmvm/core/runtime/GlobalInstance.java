package org.wasmvm.core.runtime;

import org.wasmvm.core.Value;
import org.wasmvm.core.model.GlobalType;

/** A global variable: a number as the interpreter's raw slot bits (a v128 as two halves), a reference as its object. */
public final class GlobalInstance {
    private final GlobalType type;
    /**
     * The raw bits of a number ({@link Value#bits()} encoding). Public and mutable because
     * {@code global.get} and {@code global.set} are hot: the interpreter reads and writes it
     * directly, having validated mutability and type already.
     */
    public long value;
    /** The object of a reference (null for the null reference and for a number), as {@link #value}. */
    public Object ref;
    /** The high half of a {@code v128} ({@link Value#high()}); 0 for every other type. */
    public long high;

    public GlobalInstance(GlobalType type, Value initial) {
        this.type = type;
        this.value = initial.bits();
        this.high = initial.high();
        this.ref = initial.ref();
    }

    public GlobalType type() {
        return type;
    }

    public Value get() {
        return Value.fromSlots(type.valType(), value, high, ref);
    }

    /**
     * @throws IllegalStateException when the global is immutable
     * @throws IllegalArgumentException when {@code newValue} is not of the global's type
     */
    public void set(Value newValue) {
        if (!type.mutable()) {
            throw new IllegalStateException("global " + type + " is immutable");
        }
        if (newValue.type() != type.valType()) {
            throw new IllegalArgumentException("value " + newValue + " does not match global " + type);
        }
        if (type.valType().isReference()) {
            References.check(type.valType(), newValue.ref(), "global");
        }
        value = newValue.bits();
        high = newValue.high();
        ref = newValue.ref();
    }

    @Override
    public String toString() {
        return "global " + type + " = " + get();
    }
}
