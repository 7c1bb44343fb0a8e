package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.binary.WasmBytes.bytes;
import static org.wasmvm.core.binary.WasmBytes.concat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.ElementSegment;
import org.wasmvm.core.model.SegmentMode;
import org.wasmvm.core.model.ValType;

/** The eight element segment encodings, each decoded to the same model. */
class ElementSegmentDecodingTest {
    private static final int[] OFFSET = {0x41, 0x02, 0x0B}; // i32.const 2
    private static final int[] FUNC_INDICES = {0x02, 0x00, 0x81, 0x01}; // vec [0, 129]
    private static final int[] FUNC_EXPRS = {0x02, 0xD2, 0x00, 0x0B, 0xD2, 0x81, 0x01, 0x0B};

    private static ElementSegment decodeSegment(byte[] segment) {
        byte[] module = WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.TABLE, 0x02, 0x70, 0x00, 0x01, 0x70, 0x00, 0x01)
                .section(SectionId.ELEMENT, concat(bytes(0x01), segment))
                .build();
        return ModuleDecoder.decode(module, Features.wasm2()).elements().get(0);
    }

    private static byte[] seg(int flags, int[]... parts) {
        byte[] out = bytes(flags);
        for (int[] p : parts) {
            out = concat(out, bytes(p));
        }
        return out;
    }

    @ParameterizedTest(name = "flags {0}")
    @CsvSource({
            "0, ACTIVE, 0", "1, PASSIVE, 0", "2, ACTIVE, 1", "3, DECLARATIVE, 0",
            "4, ACTIVE, 0", "5, PASSIVE, 0", "6, ACTIVE, 1", "7, DECLARATIVE, 0"})
    void everyEncodingGivesRefFuncExpressions(int flags, SegmentMode mode, int table) {
        boolean active = (flags & 1) == 0;
        boolean explicitTable = flags == 2 || flags == 6;
        boolean exprs = (flags & 4) != 0;
        int[] tableIndex = explicitTable ? new int[] {0x01} : new int[0];
        int[] offset = active ? OFFSET : new int[0];
        int[] kind = (flags & 3) == 0 ? new int[0] : exprs ? new int[] {0x70} : new int[] {0x00};
        ElementSegment s = decodeSegment(seg(flags, tableIndex, offset, kind, exprs ? FUNC_EXPRS : FUNC_INDICES));
        assertThat(s.mode()).isEqualTo(mode);
        assertThat(s.tableIndex()).isEqualTo(table);
        assertThat(s.type()).isEqualTo(ValType.FUNCREF);
        if (active) {
            assertThat(s.offset()).hasToString("i32.const 2");
        } else {
            assertThat(s.offset()).isNull();
        }
        assertThat(s.init()).hasSize(2);
        assertThat(s.init().get(0)).hasToString("ref.func 0");
        assertThat(s.init().get(1)).hasToString("ref.func 129");
    }

    @Test
    void externrefExpressions() {
        ElementSegment s = decodeSegment(seg(5, new int[] {0x6F, 0x01, 0xD0, 0x6F, 0x0B}));
        assertThat(s.type()).isEqualTo(ValType.EXTERNREF);
        assertThat(s.init().get(0)).hasToString("ref.null extern");
    }

    @Test
    void largeFunctionIndexStaysUnsigned() {
        ElementSegment s = decodeSegment(seg(1, new int[] {0x00, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F}));
        assertThat(s.init().get(0)).hasToString("ref.func 4294967295");
    }

    @Test
    void malformedKinds() {
        assertMalformed(seg(8), "malformed elements segment kind");
        assertMalformed(seg(1, new int[] {0x01, 0x00}), "malformed element kind");
        assertMalformed(seg(5, new int[] {0x7F, 0x00}), "malformed reference type");
    }

    private static void assertMalformed(byte[] segment, String reason) {
        assertThatThrownBy(() -> decodeSegment(segment)).isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(reason);
    }
}
