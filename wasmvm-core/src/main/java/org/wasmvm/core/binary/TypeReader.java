package org.wasmvm.core.binary;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.CompositeType;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.TagType;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.ValType;

/** Reads the type encodings: value, reference, function, table, memory and global types and limits. */
final class TypeReader {
    private static final int FUNC_TYPE_TAG = 0x60, STRUCT_TYPE_TAG = 0x5F, ARRAY_TYPE_TAG = 0x5E;
    private static final int REC_TAG = 0x4E, SUB_TAG = 0x50, SUB_FINAL_TAG = 0x4F;
    private static final int I8_CODE = 0x78, I16_CODE = 0x77;

    private final ByteReader in;
    private final Features features;

    TypeReader(ByteReader in, Features features) {
        this.in = in;
        this.features = features;
    }

    /** The type section's content: every defined type in index order, and the size of each recursion group. */
    record TypeSection(List<SubType> types, List<Integer> recGroups) {
    }

    ValType valType() {
        return ValTypeReader.valType(in, features);
    }

    ValType refType() {
        return ValTypeReader.refType(in, features);
    }

    /** The type section: recursion groups ({@code 0x4E}) and single subtypes, flattened. */
    TypeSection typeSection() {
        int count = in.length();
        ModuleDecoder.checkCount(in, count, DecoderLimits.MAX_TYPES, "types");
        List<SubType> types = new ArrayList<>(count);
        List<Integer> groups = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (features.functionReferences() && peek() == REC_TAG) {
                in.u8();
                int size = in.length();
                ModuleDecoder.checkCount(in, types.size() + (long) size, DecoderLimits.MAX_TYPES, "types");
                for (int j = 0; j < size; j++) {
                    types.add(subType());
                }
                groups.add(size);
            } else {
                types.add(features.functionReferences() ? subType() : SubType.plain(funcType()));
                groups.add(1);
            }
        }
        return new TypeSection(types, groups);
    }

    private int peek() {
        if (!in.hasMore()) {
            in.u8(); // throws "unexpected end"
        }
        return in.bytes()[in.position()] & 0xFF;
    }

    private SubType subType() {
        int tag = peek();
        if (tag != SUB_TAG && tag != SUB_FINAL_TAG) {
            return SubType.plain(compositeType());
        }
        in.u8();
        int count = in.length();
        ModuleDecoder.checkCount(in, count, 1, "supertypes");
        List<Integer> supertypes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            supertypes.add(in.u32Index());
        }
        return new SubType(tag == SUB_FINAL_TAG, supertypes, compositeType());
    }

    private CompositeType compositeType() {
        int start = in.position();
        return switch (peek()) {
            case FUNC_TYPE_TAG -> funcType();
            case STRUCT_TYPE_TAG -> {
                in.u8();
                int count = in.length();
                ModuleDecoder.checkCount(in, count, DecoderLimits.MAX_FIELDS, "fields");
                List<FieldType> fields = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    fields.add(fieldType());
                }
                yield new StructType(fields);
            }
            case ARRAY_TYPE_TAG -> {
                in.u8();
                yield new ArrayType(fieldType());
            }
            default -> throw (peek() & 0x80) != 0
                    // the reference interpreter reads the tag as a 7-bit signed LEB128 integer (-0x20)
                    ? new MalformedModuleException(start + 1, "integer representation too long")
                    : new MalformedModuleException(start, "malformed composite type");
        };
    }

    private FieldType fieldType() {
        int code = peek();
        int packed = code == I8_CODE ? 8 : code == I16_CODE ? 16 : 0;
        ValType type;
        if (packed != 0) {
            in.u8();
            type = ValType.I32;
        } else {
            type = valType();
        }
        return new FieldType(type, packed, mutability());
    }

    private boolean mutability() {
        int start = in.position();
        int mutability = in.u8();
        if (mutability > 1) {
            throw new MalformedModuleException(start, "malformed mutability");
        }
        return mutability == 1;
    }

    FuncType funcType() {
        int start = in.position();
        int tag = in.u8();
        // the reference interpreter reads the tag as a 7-bit signed LEB128 integer (-0x20)
        if ((tag & 0x80) != 0) {
            throw new MalformedModuleException(start + 1, "integer representation too long");
        }
        if (tag != FUNC_TYPE_TAG) {
            throw new MalformedModuleException(start, "malformed function type");
        }
        List<ValType> params = valTypes(DecoderLimits.MAX_PARAMS, "parameters");
        List<ValType> results = valTypes(DecoderLimits.MAX_RESULTS, "results");
        return new FuncType(params, results);
    }

    private List<ValType> valTypes(int max, String what) {
        int count = in.length();
        ModuleDecoder.checkCount(in, count, max, what);
        List<ValType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(valType());
        }
        return types;
    }

    TableType tableType() {
        ValType elementType = refType();
        return new TableType(elementType, limits());
    }

    /** A memory's limits; with threads, flag bit 1 marks it shared (the validator requires its maximum). */
    MemoryType memoryType() {
        int flags = in.u8();
        in.position(in.position() - 1);
        boolean shared = features.threads() && (flags & 0x02) != 0;
        return new MemoryType(limits(shared ? flags & ~0x02 : flags, shared), shared);
    }

    GlobalType globalType() {
        ValType type = valType();
        return new GlobalType(type, mutability());
    }

    /** A tag's type (exception handling): the attribute byte 0 (exception), then a type index. */
    TagType tagType() {
        int start = in.position();
        if (in.u8() != 0) {
            throw new MalformedModuleException(start, "zero byte expected");
        }
        return new TagType(in.u32());
    }

    /**
     * Limits of a table or memory. Wasm 2.0 reads the flag as a 1-bit LEB128 integer (so a bad flag
     * is "integer too large"); memory64 makes it a flag byte with bit 0 = has max and bit 2 = 64-bit,
     * and reads both bounds as u64 even for 32-bit types (the validator range-checks them).
     */
    Limits limits() {
        return limits(-1, false);
    }

    /** {@code flags}, when not -1, replaces the flag byte read (a memory's, without its shared bit). */
    private Limits limits(int sharedFlags, boolean shared) {
        int start = in.position();
        int flags = in.u8();
        if (shared) {
            flags = sharedFlags;
        }
        boolean is64;
        if (features.memory64()) {
            if ((flags & ~0x05) != 0) {
                throw new MalformedModuleException(start, "malformed limits flags");
            }
            is64 = (flags & 0x04) != 0;
        } else {
            if ((flags & 0x7F) > 1) {
                throw new MalformedModuleException(start, "integer too large");
            }
            if ((flags & 0x80) != 0) {
                throw new MalformedModuleException(start + 1, "integer representation too long");
            }
            is64 = false;
        }
        boolean hasMax = (flags & 0x01) != 0;
        long min = bound();
        long max = hasMax ? bound() : Limits.NO_MAX;
        return new Limits(min, max, is64);
    }

    private long bound() {
        return features.memory64() ? in.u64() : Integer.toUnsignedLong(in.u32());
    }
}
