package org.wasmvm.core.binary;

import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;

/**
 * Reads value, reference and heap types, accepting the encodings the features enable: the decoder's
 * sections and the validator's walk over function bodies (which may come unscanned) share it.
 */
public final class ValTypeReader {
    private ValTypeReader() {
    }

    /** A value type: one byte, or {@code 0x64}/{@code 0x63} and a heap type (typed references). */
    public static ValType valType(ByteReader in, Features features) {
        int start = in.position();
        ValType type = read(in, features);
        if (type == null) {
            throw new MalformedModuleException(start, "malformed value type");
        }
        return type;
    }

    /** A reference type. */
    public static ValType refType(ByteReader in, Features features) {
        int start = in.position();
        ValType type = read(in, features);
        if (type == null || !type.isReference()) {
            throw new MalformedModuleException(start, "malformed reference type");
        }
        return type;
    }

    /** A heap type: an abstract one (a negative s33 that is one byte's code) or a type index. */
    public static int heapType(ByteReader in, Features features) {
        int start = in.position();
        long value = in.s33();
        boolean known = value < 0 ? HeapType.isAbstract((int) value) && knows(features, ValType.ref(true, (int) value))
                : value <= Integer.MAX_VALUE && features.functionReferences();
        if (!known) {
            throw new MalformedModuleException(start, "malformed heap type");
        }
        return (int) value;
    }

    private static ValType read(ByteReader in, Features features) {
        int code = in.u8();
        if ((code == ValType.REF_CODE || code == ValType.REF_NULL_CODE) && features.functionReferences()) {
            return ValType.ref(code == ValType.REF_NULL_CODE, heapType(in, features));
        }
        ValType type = ValType.fromCode(code);
        return type != null && knows(features, type) ? type : null;
    }

    /** Whether the enabled features know the one-byte type {@code type}. */
    private static boolean knows(Features features, ValType type) {
        if (type.heapType() == HeapType.EXN || type.heapType() == HeapType.NOEXN) {
            return features.exceptions();
        }
        return !type.isReference() || type == ValType.FUNCREF || type == ValType.EXTERNREF
                || features.functionReferences();
    }
}
