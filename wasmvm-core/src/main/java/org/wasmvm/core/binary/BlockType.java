package org.wasmvm.core.binary;

import java.util.List;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * Block types in validated code: the empty type ({@code 0x40}), one value type (a byte, or a typed
 * reference {@code 0x63}/{@code 0x64} with its heap type), or a type index as an s33.
 */
public final class BlockType {
    private static final FuncType EMPTY = FuncType.of(List.of(), List.of());

    private BlockType() {
    }

    /** Reads a block type of {@code module}'s code. */
    public static FuncType read(ByteReader in, WasmModule module) {
        int code = in.bytes()[in.position()] & 0xFF;
        if (code == ValType.REF_CODE || code == ValType.REF_NULL_CODE) {
            in.u8();
            return FuncType.of(List.of(), List.of(ValType.ref(code == ValType.REF_NULL_CODE, (int) in.s33())));
        }
        long encoded = in.s33();
        if (encoded == -64) {
            return EMPTY;
        }
        if (encoded < 0) {
            return FuncType.of(List.of(), List.of(ValType.fromCode((int) (encoded & 0x7F))));
        }
        return module.funcType((int) encoded);
    }

    /** Steps over a block type. */
    public static void skip(ByteReader in) {
        int code = in.u8();
        if (code == ValType.REF_CODE || code == ValType.REF_NULL_CODE) {
            in.s33();
        } else if ((code & 0xC0) != 0x40) {
            in.position(in.position() - 1);
            in.s33();
        }
    }
}
