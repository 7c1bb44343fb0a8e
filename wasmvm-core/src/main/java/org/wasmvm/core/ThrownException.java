package org.wasmvm.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.References;
import org.wasmvm.core.runtime.TagInstance;
import org.wasmvm.core.runtime.Trap;

/**
 * A WebAssembly exception (exception handling): a tag and its payload. Wasm code throws it with
 * {@code throw} and catches it with {@code try_table} or the legacy {@code try}; as an
 * {@code exnref} value it is this very object. A host function may throw one (of a tag it defined
 * or imported from an instance) and catch one that a wasm callee throws. One that no handler
 * catches leaves the outermost call as this exception, with {@link #wasmStack()}: the wasm frames
 * it unwound, innermost first, since it was last thrown.
 *
 * <p>The payload is held as the engines hold values (DESIGN §5): raw bits per value, the high
 * halves of {@code v128}s and the objects of references in arrays of their own, which exist only
 * when the tag's type has such values. No Java stack trace is taken: exceptions are control flow.
 */
public final class ThrownException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final transient TagInstance tag;
    private final long[] bits;
    private final long[] high;
    private final transient Object[] refs;
    /** The frames unwound since the last throw, formatted when asked for (most exceptions are caught). */
    private final transient List<Supplier<String>> frames = new ArrayList<>();
    private int framesLeftOut;

    private ThrownException(TagInstance tag, long[] bits, long[] high, Object[] refs) {
        super(null, false);
        this.tag = tag;
        this.bits = bits;
        this.high = high;
        this.refs = refs;
    }

    /**
     * An exception of {@code tag} with {@code payload}, for a host function to throw.
     *
     * @throws IllegalArgumentException when the payload does not match the tag's parameter types
     */
    public ThrownException(Tag tag, Value... payload) {
        this(tag.runtime, checked(tag.runtime, payload));
    }

    private ThrownException(TagInstance tag, Value[] payload) {
        this(tag, new long[payload.length], tag.payloadHasVectors() ? new long[payload.length] : null,
                tag.payloadHasReferences() ? new Object[payload.length] : null);
        for (int i = 0; i < payload.length; i++) {
            bits[i] = payload[i].bits();
            if (high != null) {
                high[i] = payload[i].high();
            }
            if (refs != null) {
                refs[i] = payload[i].ref();
            }
        }
    }

    private static Value[] checked(TagInstance tag, Value[] payload) {
        List<ValType> params = tag.type().params();
        if (payload.length != params.size()) {
            throw new IllegalArgumentException(tag + " takes " + params.size() + " values, got " + payload.length);
        }
        for (int i = 0; i < payload.length; i++) {
            ValType type = params.get(i);
            if (!payload[i].type().equals(type) && !(type.isReference() && payload[i].type().isReference())) {
                throw new IllegalArgumentException("payload value " + i + " of " + tag + " must be " + type + ", got "
                        + payload[i]);
            }
            if (type.isReference()) {
                References.check(type, payload[i].ref(), "payload value " + i);
            }
        }
        return payload.clone();
    }

    /**
     * Internal: an exception of {@code tag} whose payload is in the engine's slots {@code from…} (the high
     * halves and references at the same indexes of {@code high} and {@code refs}).
     */
    public static ThrownException fromSlots(TagInstance tag, long[] slots, long[] high, Object[] refs, int from) {
        int count = tag.type().params().size();
        return of(tag, Arrays.copyOfRange(slots, from, from + count),
                tag.payloadHasVectors() ? Arrays.copyOfRange(high, from, from + count) : null,
                tag.payloadHasReferences() ? Arrays.copyOfRange(refs, from, from + count) : null);
    }

    /**
     * Internal: an exception of {@code tag} whose payload is {@code bits}, with the high halves and
     * references in {@code high} and {@code refs} (null when the tag has no such values); it keeps the arrays.
     */
    public static ThrownException of(TagInstance tag, long[] bits, long[] high, Object[] refs) {
        return new ThrownException(tag, bits, high, refs);
    }

    /** Internal: the exception an {@code exnref} holds, thrown again ({@code throw_ref}); null traps. */
    public static ThrownException ofReference(Object exnref) {
        if (exnref == null) {
            throw new Trap(TrapKind.NULL_EXCEPTION_REFERENCE);
        }
        return ((ThrownException) exnref).rethrown();
    }

    /**
     * Internal: writes the payload to the engine's slots {@code to…} (high halves and references at the same
     * indexes of {@code high} and {@code refs}, which exist when the tag has such values).
     */
    public void toSlots(long[] slots, long[] high, Object[] refs, int to) {
        System.arraycopy(bits, 0, slots, to, bits.length);
        if (this.high != null) {
            System.arraycopy(this.high, 0, high, to, bits.length);
        }
        if (this.refs != null) {
            System.arraycopy(this.refs, 0, refs, to, bits.length);
        }
    }

    /** Internal: the raw bits of payload value {@code index}. */
    public long bits(int index) {
        return bits[index];
    }

    /** Internal: the high half of payload value {@code index}, a {@code v128}. */
    public long high(int index) {
        return high[index];
    }

    /** Internal: payload value {@code index}, a reference. */
    public Object ref(int index) {
        return refs[index];
    }

    /** Internal: the tag as the engine compares it. */
    public TagInstance tagInstance() {
        return tag;
    }

    /** The tag: equal to the {@link Tag} a host defined or an instance exports when it is the same tag. */
    public Tag tag() {
        return new Tag(tag);
    }

    /** The payload, typed by the tag's parameters. */
    public List<Value> payload() {
        List<ValType> params = tag.type().params();
        var values = new ArrayList<Value>(params.size());
        for (int i = 0; i < params.size(); i++) {
            values.add(Value.fromSlots(params.get(i), bits[i], high == null ? 0 : high[i], refs == null ? null : refs[i]));
        }
        return values;
    }

    /** Internal: the exception is thrown (again) from here on; its stack starts anew. */
    public ThrownException rethrown() {
        frames.clear();
        framesLeftOut = 0;
        return this;
    }

    /** Internal: adds the next outer wasm frame, formatted only when the stack is read. */
    public void addFrame(Supplier<String> frame) {
        if (frames.size() < Trap.MAX_TRACE_FRAMES) {
            frames.add(frame);
        } else {
            framesLeftOut++;
        }
    }

    /** The wasm frames the exception unwound since it was last thrown, innermost first, as {@link WasmTrap#wasmStack()}. */
    public List<String> wasmStack() {
        var stack = new ArrayList<String>(frames.size() + 1);
        frames.forEach(frame -> stack.add(frame.get()));
        if (framesLeftOut > 0) {
            stack.add("... " + framesLeftOut + " more frames");
        }
        return stack;
    }

    @Override
    public String getMessage() {
        var message = new StringBuilder("wasm exception: tag ").append(tag.name()).append(' ')
                .append(payload());
        wasmStack().forEach(frame -> message.append("\n    at ").append(frame));
        return message.toString();
    }
}
