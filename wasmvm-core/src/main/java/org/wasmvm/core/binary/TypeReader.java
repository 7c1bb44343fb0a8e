package org.wasmvm.core.binary;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.ValType;

/** Reads the type encodings: value, reference, function, table, memory and global types and limits. */
final class TypeReader {
    private static final int FUNC_TYPE_TAG = 0x60;

    private final ByteReader in;
    private final Features features;

    TypeReader(ByteReader in, Features features) {
        this.in = in;
        this.features = features;
    }

    ValType valType() {
        int start = in.position();
        ValType type = ValType.fromCode(in.u8());
        if (type == null) {
            throw new MalformedModuleException(start, "malformed value type");
        }
        return type;
    }

    ValType refType() {
        int start = in.position();
        int code = in.u8();
        if (code == ValType.FUNCREF.code()) {
            return ValType.FUNCREF;
        }
        if (code == ValType.EXTERNREF.code()) {
            return ValType.EXTERNREF;
        }
        throw new MalformedModuleException(start, "malformed reference type");
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

    MemoryType memoryType() {
        return new MemoryType(limits());
    }

    GlobalType globalType() {
        ValType type = valType();
        int start = in.position();
        int mutability = in.u8();
        if (mutability > 1) {
            throw new MalformedModuleException(start, "malformed mutability");
        }
        return new GlobalType(type, mutability == 1);
    }

    /**
     * Limits of a table or memory. Wasm 2.0 reads the flag as a 1-bit LEB128 integer (so a bad flag
     * is "integer too large"); memory64 makes it a flag byte with bit 0 = has max and bit 2 = 64-bit,
     * and reads both bounds as u64 even for 32-bit types (the validator range-checks them).
     */
    Limits limits() {
        int start = in.position();
        int flags = in.u8();
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
