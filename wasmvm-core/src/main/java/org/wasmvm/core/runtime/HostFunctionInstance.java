package org.wasmvm.core.runtime;

import org.wasmvm.core.Value;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.types.TypeRegistry;

/**
 * A Java function made callable from wasm: a numeric one on raw slots, or a typed one on {@link Value}s.
 * The runtime calls it with the calling instance's runtime state; the public API adapts the
 * user's {@link org.wasmvm.core.HostFunction} to that, giving it the caller's public view.
 */
public final class HostFunctionInstance extends FunctionInstance {
    /** A host function on raw slots; {@code caller} is null for a call from Java. */
    @FunctionalInterface
    public interface Numeric {
        long[] call(ModuleInstance caller, long[] args);
    }

    /** A host function on typed values, filling {@code results}; {@code caller} is null for a call from Java. */
    @FunctionalInterface
    public interface Typed {
        void call(ModuleInstance caller, Value[] args, Value[] results);
    }

    private final Numeric numeric;
    private final Typed typed;
    private final String name;

    private HostFunctionInstance(FuncType type, Numeric numeric, Typed typed, String name) {
        super(type, TypeRegistry.ofFunction(type));
        this.numeric = numeric;
        this.typed = typed;
        this.name = name;
    }

    /** @throws IllegalArgumentException when {@code type} has a reference or a v128: one raw slot cannot hold it */
    public static HostFunctionInstance numeric(FuncType type, Numeric function, String name) {
        if (!Value.isSlotNumeric(type)) {
            throw new IllegalArgumentException("host function " + name + " has references or v128 in its type " + type
                    + ": define it as a ValueHostFunction");
        }
        return new HostFunctionInstance(type, function, null, name);
    }

    public static HostFunctionInstance typed(FuncType type, Typed function, String name) {
        return new HostFunctionInstance(type, null, function, name);
    }

    /** Whether it takes typed values (then {@link #call(ModuleInstance, Value[])} is its natural form). */
    public boolean isTyped() {
        return typed != null;
    }

    /** Calls it on raw slots (a typed function gets them as values); checks the result count. */
    public long[] call(ModuleInstance caller, long[] args) {
        if (typed != null) {
            return callTyped(caller, args);
        }
        long[] results = numeric.call(caller, args);
        int expected = type().results().size();
        if (results == null) {
            results = new long[0];
        }
        if (results.length != expected) {
            throw new IllegalStateException("host function " + displayName() + " returned " + results.length
                    + " results, its type declares " + expected);
        }
        return results;
    }

    /** A typed function on raw slots: a {@code v128} takes two, as compiled code holds it ({@link PairedSlots}). */
    private long[] callTyped(ModuleInstance caller, long[] args) {
        return call(caller, args, null, null);
    }

    /**
     * Calls it on paired raw slots ({@link PairedSlots}) whose references are in {@code refs}; the
     * references among its results go to {@code resultRefs} (either may be null where there are none).
     */
    public long[] call(ModuleInstance caller, long[] args, Object[] refs, Object[] resultRefs) {
        if (typed == null) {
            return call(caller, args);
        }
        return PairedSlots.of(type().results(), call(caller, PairedSlots.values(type().params(), args, refs)), resultRefs);
    }

    /** Calls a typed function; checks each result against the declared type. */
    public Value[] call(ModuleInstance caller, Value[] args) {
        var resultTypes = type().results();
        Value[] results = new Value[resultTypes.size()];
        typed.call(caller, args, results);
        for (int i = 0; i < results.length; i++) {
            Value result = results[i];
            ValType declared = resultTypes.get(i);
            if (result == null || result.type().isReference() != declared.isReference()
                    || (result.type() == ValType.V128) != (declared == ValType.V128)) {
                throw new IllegalStateException("host function " + displayName() + " returned " + result
                        + " as result " + i + ", its type declares " + declared);
            }
            if (result.type().isReference()) {
                References.check(resultTypes.get(i), result.ref(), "result " + i + " of " + displayName());
            }
        }
        return results;
    }

    @Override
    long[] invoke(long[] args) {
        return call(null, args);
    }

    @Override
    Value[] invoke(Value[] args) {
        if (typed != null) {
            return call(null, args);
        }
        long[] bits = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            bits[i] = args[i].bits();
        }
        long[] results = call(null, bits);
        Value[] out = new Value[results.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Value.fromBits(type().results().get(i), results[i]);
        }
        return out;
    }

    @Override
    public String displayName() {
        return name + " (host)";
    }
}
