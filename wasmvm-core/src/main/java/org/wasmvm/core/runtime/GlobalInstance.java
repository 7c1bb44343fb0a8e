package org.wasmvm.core.runtime;

import org.wasmvm.core.Global;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.GlobalType;

/** A global variable; its value is kept as the interpreter's raw slot bits. */
public final class GlobalInstance implements Global {
    private final GlobalType type;
    /**
     * The raw bits ({@link Value#bits()} encoding). Public and mutable because {@code global.get}
     * and {@code global.set} are hot: the interpreter reads and writes it directly, having
     * validated mutability and type already.
     */
    public long value;

    public GlobalInstance(GlobalType type, long bits) {
        this.type = type;
        this.value = bits;
    }

    @Override
    public GlobalType type() {
        return type;
    }

    @Override
    public Value get() {
        return Value.fromBits(type.valType(), value);
    }

    /**
     * @throws IllegalStateException when the global is immutable
     * @throws IllegalArgumentException when {@code newValue} is not of the global's type
     */
    @Override
    public void set(Value newValue) {
        if (!type.mutable()) {
            throw new IllegalStateException("global " + type + " is immutable");
        }
        if (newValue.type() != type.valType()) {
            throw new IllegalArgumentException("value " + newValue + " does not match global " + type);
        }
        value = newValue.bits();
    }

    @Override
    public String toString() {
        return "global " + type + " = " + get();
    }
}
