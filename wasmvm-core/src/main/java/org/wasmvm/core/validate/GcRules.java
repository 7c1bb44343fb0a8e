package org.wasmvm.core.validate;

import static org.wasmvm.core.binary.GcOpcodes.*;
import static org.wasmvm.core.validate.Types.I32;

import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.DecoderLimits;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.binary.ValTypeReader;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.ValType;

/**
 * The GC instructions ({@code 0xFB} and a sub-opcode, and {@code ref.eq}): structs, arrays, {@code i31}, casts
 * and the conversions between {@code anyref} and {@code externref}. A packed field reads and writes as an
 * {@code i32}. The messages are the 3.0 reference interpreter's.
 */
final class GcRules {
    private static final int EQREF = Types.ref(true, HeapType.EQ), I31REF = Types.ref(true, HeapType.I31),
            ARRAYREF = Types.ref(true, HeapType.ARRAY), NON_NULL_I31 = Types.ref(false, HeapType.I31);

    private final BodyReader in;
    private final TypeStack stack;
    private final ValidationContext ctx;

    GcRules(BodyReader in, TypeStack stack) {
        this.in = in;
        this.stack = stack;
        this.ctx = in.ctx;
    }

    void refEq() {
        in.requireFeature(ctx.features.gc(), Opcodes.REF_EQ);
        stack.pop(EQREF);
        stack.pop(EQREF);
        stack.push(I32);
    }

    /** The instruction after its prefix byte: reads the sub-opcode and the immediates, types the operands. */
    void instruction() {
        in.requireFeature(ctx.features.gc(), Opcodes.PREFIX_FB);
        int sub = in.r.u32();
        switch (sub) {
            case STRUCT_NEW, STRUCT_NEW_DEFAULT -> structNew(sub == STRUCT_NEW_DEFAULT);
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> structGet(sub != STRUCT_GET);
            case STRUCT_SET -> structSet();
            case ARRAY_NEW, ARRAY_NEW_DEFAULT -> arrayNew(sub == ARRAY_NEW_DEFAULT);
            case ARRAY_NEW_FIXED -> arrayNewFixed();
            case ARRAY_NEW_DATA -> arrayNewData();
            case ARRAY_NEW_ELEM -> arrayNewElem();
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> arrayGet(sub != ARRAY_GET);
            case ARRAY_SET -> arraySet();
            case ARRAY_LEN -> {
                stack.pop(ARRAYREF);
                stack.push(I32);
            }
            case ARRAY_FILL -> arrayFill();
            case ARRAY_COPY -> arrayCopy();
            case ARRAY_INIT_DATA -> arrayInitData();
            case ARRAY_INIT_ELEM -> arrayInitElem();
            case REF_TEST, REF_TEST_NULL -> {
                stack.pop(Types.topOf(readHeapType(sub == REF_TEST_NULL)));
                stack.push(I32);
            }
            case REF_CAST, REF_CAST_NULL -> {
                int target = readHeapType(sub == REF_CAST_NULL);
                stack.pop(Types.topOf(target));
                stack.push(target);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> branchOnCast(sub == BR_ON_CAST_FAIL);
            case ANY_CONVERT_EXTERN -> convert(Types.EXTERNREF, HeapType.ANY);
            case EXTERN_CONVERT_ANY -> convert(Types.ref(true, HeapType.ANY), HeapType.EXTERN);
            case REF_I31 -> {
                stack.pop(I32);
                stack.push(NON_NULL_I31);
            }
            case I31_GET_S, I31_GET_U -> {
                stack.pop(I31REF);
                stack.push(I32);
            }
            default -> throw in.illegalOpcode(Opcodes.PREFIX_FB, sub);
        }
    }

    // ---------------------------------------------------------------- structs

    private void structNew(boolean defaults) {
        int x = readType();
        List<FieldType> fields = struct(x).fields();
        if (defaults) {
            if (!fields.stream().allMatch(field -> field.type().defaultable())) {
                throw in.invalid("field type is not defaultable");
            }
        } else {
            for (int i = fields.size() - 1; i >= 0; i--) {
                stack.pop(Types.of(fields.get(i).type()));
            }
        }
        stack.push(ctx.refTo(x));
    }

    private void structGet(boolean extending) {
        int x = readType();
        FieldType field = field(x, in.r.u32());
        if (extending != field.isPacked()) {
            throw in.invalid("field is " + (extending ? "unpacked" : "packed"));
        }
        stack.pop(nullableRefTo(x));
        stack.push(Types.of(field.type()));
    }

    private void structSet() {
        int x = readType();
        FieldType field = field(x, in.r.u32());
        if (!field.mutable()) {
            throw in.invalid("immutable field");
        }
        stack.pop(Types.of(field.type()));
        stack.pop(nullableRefTo(x));
    }

    private FieldType field(int structIndex, int fieldIndex) {
        List<FieldType> fields = struct(structIndex).fields();
        if (Integer.compareUnsigned(fieldIndex, fields.size()) >= 0) {
            throw in.invalid("unknown field " + Integer.toUnsignedString(fieldIndex));
        }
        return fields.get(fieldIndex);
    }

    // ---------------------------------------------------------------- arrays

    private void arrayNew(boolean defaults) {
        int x = readType();
        FieldType element = element(x);
        stack.pop(I32);
        if (defaults) {
            if (!element.type().defaultable()) {
                throw in.invalid("array type is not defaultable");
            }
        } else {
            stack.pop(Types.of(element.type()));
        }
        stack.push(ctx.refTo(x));
    }

    private void arrayNewFixed() {
        int x = readType();
        int type = Types.of(element(x).type());
        int count = in.r.u32();
        if (Integer.compareUnsigned(count, DecoderLimits.MAX_ARRAY_NEW_FIXED) > 0) {
            // the decoder's limit, checked here too for bodies the decoder only delimited
            throw new MalformedModuleException(in.at, "too many array.new_fixed operands");
        }
        for (int i = 0; i < count; i++) {
            stack.pop(type);
        }
        stack.push(ctx.refTo(x));
    }

    private void arrayNewData() {
        int x = readType();
        FieldType element = element(x);
        in.checkData(in.r.u32());
        requireNumeric(element);
        stack.pop(I32);
        stack.pop(I32);
        stack.push(ctx.refTo(x));
    }

    private void arrayNewElem() {
        int x = readType();
        FieldType element = element(x);
        int segment = in.r.u32();
        in.checkElem(segment);
        requireElements(segment, element);
        stack.pop(I32);
        stack.pop(I32);
        stack.push(ctx.refTo(x));
    }

    private void arrayGet(boolean extending) {
        int x = readType();
        FieldType element = element(x);
        if (extending != element.isPacked()) {
            throw in.invalid("array is " + (extending ? "unpacked" : "packed"));
        }
        stack.pop(I32);
        stack.pop(nullableRefTo(x));
        stack.push(Types.of(element.type()));
    }

    private void arraySet() {
        int x = readType();
        FieldType element = mutableElement(x);
        stack.pop(Types.of(element.type()));
        stack.pop(I32);
        stack.pop(nullableRefTo(x));
    }

    private void arrayFill() {
        int x = readType();
        FieldType element = mutableElement(x);
        stack.pop(I32);
        stack.pop(Types.of(element.type()));
        stack.pop(I32);
        stack.pop(nullableRefTo(x));
    }

    /** The source's elements must be storable in the destination: the same packing, value types by subtyping. */
    private void arrayCopy() {
        int dst = readType();
        int src = readType();
        FieldType to = mutableElement(dst);
        FieldType from = element(src);
        if (from.packedBits() != to.packedBits() || !Types.isSubtype(Types.of(from.type()), Types.of(to.type()))) {
            throw in.invalid("array types do not match");
        }
        stack.pop(I32);
        stack.pop(I32);
        stack.pop(nullableRefTo(src));
        stack.pop(I32);
        stack.pop(nullableRefTo(dst));
    }

    private void arrayInitData() {
        int x = readType();
        FieldType element = mutableElement(x);
        in.checkData(in.r.u32());
        requireNumeric(element);
        popInitOperands(x);
    }

    private void arrayInitElem() {
        int x = readType();
        FieldType element = mutableElement(x);
        int segment = in.r.u32();
        in.checkElem(segment);
        requireElements(segment, element);
        popInitOperands(x);
    }

    /** {@code array.init_data} and {@code array.init_elem}: the array, its offset, the segment's offset, the count. */
    private void popInitOperands(int x) {
        stack.pop(I32);
        stack.pop(I32);
        stack.pop(I32);
        stack.pop(nullableRefTo(x));
    }

    private FieldType mutableElement(int arrayIndex) {
        FieldType element = element(arrayIndex);
        if (!element.mutable()) {
            throw in.invalid("immutable array");
        }
        return element;
    }

    private void requireNumeric(FieldType element) {
        if (element.type().isReference()) {
            throw in.invalid("array type is not numeric or vector");
        }
    }

    private void requireElements(int segment, FieldType element) {
        int segmentType = ctx.elemTypes[segment];
        if (!Types.isSubtype(segmentType, Types.of(element.type()))) {
            throw in.mismatch("element segment's type " + Types.name(segmentType) + " does not match array's field type "
                    + element);
        }
    }

    // ---------------------------------------------------------------- casts and conversions

    /**
     * {@code br_on_cast(_fail) l rt1 rt2}: the target type {@code rt2} must be below the source type {@code rt1};
     * the branch passes the reference as {@code rt2} ({@code br_on_cast}) or as what remains of {@code rt1}
     * ({@code _fail}), and the other type stays on the stack.
     */
    private void branchOnCast(boolean onFailure) {
        int at = in.r.position();
        int flags = in.r.u8();
        if ((flags & ~(CAST_SOURCE_NULLABLE | CAST_TARGET_NULLABLE)) != 0) {
            throw new MalformedModuleException(at, "malformed br_on_cast flags");
        }
        int[] label = stack.labelTypes(stack.readLabel());
        int source = readHeapType((flags & CAST_SOURCE_NULLABLE) != 0);
        int target = readHeapType((flags & CAST_TARGET_NULLABLE) != 0);
        if (!Types.isSubtype(target, source)) {
            throw in.invalid("type mismatch on cast: type " + Types.name(target) + " does not match " + Types.name(source));
        }
        int remainder = Types.withNullable(source, Types.nullable(source) && !Types.nullable(target));
        int branched = onFailure ? remainder : target;
        if (label.length == 0 || !Types.isSubtype(branched, label[label.length - 1])) {
            throw in.mismatch("instruction requires type " + Types.name(branched) + " but label has "
                    + Types.names(label, 0, label.length));
        }
        int[] below = Arrays.copyOf(label, label.length - 1);
        stack.pop(source);
        stack.replaceVals(below);
        stack.push(onFailure ? target : remainder);
    }

    /** {@code any.convert_extern} and {@code extern.convert_any}: the same nullability in the other hierarchy. */
    private void convert(int from, int toHeap) {
        int ref = stack.popRef();
        if (!Types.isSubtype(ref, from)) {
            throw in.mismatch("instruction requires [" + Types.name(from) + "] but stack has [" + Types.name(ref) + "]");
        }
        stack.push(Types.ref(Types.nullable(ref), toHeap));
    }

    // ---------------------------------------------------------------- immediates

    private int readType() {
        int x = in.r.u32();
        if (!ctx.knowsType(x)) {
            throw in.invalid("unknown type " + Integer.toUnsignedString(x));
        }
        return x;
    }

    /** A heap type immediate as the reference type {@code (ref null? ht)}. */
    private int readHeapType(boolean nullable) {
        ValType type = ValType.ref(nullable, ValTypeReader.heapType(in.r, ctx.features));
        DefinedTypes.checkKnown(type, ctx.types.count());
        return ctx.of(type);
    }

    private int nullableRefTo(int typeIndex) {
        return Types.withNullable(ctx.refTo(typeIndex), true);
    }

    private StructType struct(int typeIndex) {
        StructType struct = ctx.structType(typeIndex);
        if (struct == null) {
            throw in.invalid("non-structure type " + typeIndex);
        }
        return struct;
    }

    private FieldType element(int typeIndex) {
        FieldType element = ctx.arrayElement(typeIndex);
        if (element == null) {
            throw in.invalid("non-array type " + typeIndex);
        }
        return element;
    }
}
