package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.I32;

import java.util.Arrays;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.binary.ValTypeReader;
import org.wasmvm.core.model.ValType;

/**
 * Reference instructions: {@code ref.null}, {@code ref.is_null}, {@code ref.func}, and those of typed
 * function references ({@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}); the
 * typed calls are {@link ControlRules}'.
 */
final class ReferenceRules {
    private final BodyReader in;
    private final TypeStack stack;
    private final ValidationContext ctx;
    private final boolean functionReferences;

    ReferenceRules(BodyReader in, TypeStack stack) {
        this.in = in;
        this.stack = stack;
        this.ctx = in.ctx;
        this.functionReferences = ctx.features.functionReferences();
    }

    /** The heap type immediate, pushed as the type {@code (ref null ht)}. */
    void refNull() {
        ValType type = ValType.ref(true, ValTypeReader.heapType(in.r, ctx.features));
        DefinedTypes.checkKnown(type, ctx.types.count());
        stack.push(ctx.of(type));
    }

    void refIsNull() {
        stack.popRef();
        stack.push(I32);
    }

    /** The function must be declared outside function bodies (C.refs: by an export or a constant expression). */
    void refFunc() {
        int f = in.r.u32();
        if (Integer.compareUnsigned(f, ctx.funcParams.length) >= 0) {
            throw in.invalid("unknown function " + Integer.toUnsignedString(f));
        }
        if (!ctx.declaredFunctions[f]) {
            throw in.invalid("undeclared function reference");
        }
        stack.push(ctx.refTo(ctx.spaces.functionTypeIndex(f)));
    }

    void refAsNonNull() {
        in.requireFeature(functionReferences, Opcodes.REF_AS_NON_NULL);
        stack.push(Types.withNullable(stack.popRef(), false));
    }

    /** Branches with the operands below the reference if it is null, else leaves it as non-null. */
    void brOnNull() {
        in.requireFeature(functionReferences, Opcodes.BR_ON_NULL);
        int[] types = stack.labelTypes(stack.readLabel());
        int ref = stack.popRef();
        stack.replaceVals(types);
        stack.push(Types.withNullable(ref, false));
    }

    /** Branches with the reference, as non-null, if it is not null; the label's last type takes it. */
    void brOnNonNull() {
        in.requireFeature(functionReferences, Opcodes.BR_ON_NON_NULL);
        int[] types = stack.labelTypes(stack.readLabel());
        int ref = stack.popRef();
        if (types.length == 0 || !Types.isReference(types[types.length - 1])) {
            throw in.mismatch("br_on_non_null needs a label whose last type is a reference");
        }
        stack.push(Types.withNullable(ref, false));
        stack.popVals(types);
        stack.pushVals(Arrays.copyOf(types, types.length - 1));
    }
}
