package org.wasmvm.core;

import org.wasmvm.core.model.FuncType;

/** A function exported by an {@link Instance}, callable from Java. */
public interface ExportedFunction {
    FuncType type();

    /**
     * Calls the function with arguments in raw slot encoding (see {@link Value#bits()}).
     *
     * @return one slot per result
     * @throws WasmTrap when execution traps
     */
    long[] apply(long... args);

    /** Calls the function with typed arguments, checked against its signature. */
    default Value[] call(Value... args) {
        var params = type().params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments, got " + args.length);
        }
        long[] raw = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i].type() != params.get(i)) {
                throw new IllegalArgumentException("argument " + i + " must be " + params.get(i) + ", got " + args[i]);
            }
            raw[i] = args[i].bits();
        }
        long[] results = apply(raw);
        var resultTypes = type().results();
        Value[] out = new Value[resultTypes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Value.fromBits(resultTypes.get(i), results[i]);
        }
        return out;
    }
}
