package org.wasmvm.core.runtime;

import org.wasmvm.core.Value;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.ValType;

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
        check(type, newValue);
        value = newValue.bits();
        high = newValue.high();
        ref = newValue.ref();
    }

    /**
     * Whether {@code value} may be held by a global of {@code type}: a number or vector of its very type, a reference
     * of the kind its (canonical) type admits, whatever the value's declared reference type says.
     *
     * @throws IllegalArgumentException when it may not
     */
    public static void check(GlobalType type, Value value) {
        ValType expected = type.valType();
        if (expected.isReference() ? !value.type().isReference() : value.type() != expected) {
            throw new IllegalArgumentException("value " + value + " does not match global " + type);
        }
        if (expected.isReference()) {
            References.check(expected, value.ref(), "global");
        }
    }

    @Override
    public String toString() {
        return "global " + type + " = " + get();
    }
}
