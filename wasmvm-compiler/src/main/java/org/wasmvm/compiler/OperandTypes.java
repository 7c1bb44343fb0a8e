package org.wasmvm.compiler;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.model.ValType;

/**
 * The wasm operand stack as types: the values themselves are on the JVM operand stack, in the same
 * order, so the compiler only needs to know what each one is (to pick pop/pop2, spill, convert).
 */
final class OperandTypes {
    private final List<ValType> types = new ArrayList<>();

    void push(ValType type) {
        types.add(type);
    }

    void pushAll(List<ValType> values) {
        types.addAll(values);
    }

    ValType pop() {
        return types.remove(types.size() - 1);
    }

    void pop(int count) {
        for (int i = 0; i < count; i++) {
            pop();
        }
    }

    /** The type {@code depth} values below the top (0 = the top). */
    ValType peek(int depth) {
        return types.get(types.size() - 1 - depth);
    }

    /** The type at stack height {@code height} (0 = the bottom). */
    ValType at(int height) {
        return types.get(height);
    }

    int height() {
        return types.size();
    }

    /** The types as they are now, to {@link #restore} after code that models another stack (a handler's). */
    List<ValType> snapshot() {
        return List.copyOf(types);
    }

    void restore(List<ValType> snapshot) {
        types.clear();
        types.addAll(snapshot);
    }

    /** Drops everything above {@code height} (the model after unreachable code or at a block's end). */
    void truncate(int height) {
        while (types.size() > height) {
            pop();
        }
    }
}
