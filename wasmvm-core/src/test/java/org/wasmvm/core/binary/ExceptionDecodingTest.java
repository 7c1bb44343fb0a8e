package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.binary.WasmBytes.bytes;
import static org.wasmvm.core.binary.WasmBytes.concat;
import static org.wasmvm.core.binary.WasmBytes.name;

import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.TagType;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.validate.ModuleValidator;

/** The binary encoding of exception handling (spec 3.0 §5.4.1, §5.5; the legacy proposal's opcodes). */
class ExceptionDecodingTest {
    private static final Features ALL = Features.all();
    /** Types 0: [] -> [], 1: [i32] -> []. */
    private static final int[] TYPES = {0x02, 0x60, 0x00, 0x00, 0x60, 0x01, 0x7F, 0x00};
    private static final int EMPTY_BLOCK = 0x40;

    /** A module with TYPES, tags of types 0 and 1, and one [] -> [] function of {@code body} (then end). */
    private static byte[] withBody(int... body) {
        byte[] code = concat(bytes(0x00), bytes(body), bytes(0x0B)); // no locals
        byte[] entry = concat(WasmBytes.leb(code.length), code);
        return WasmBytes.module()
                .section(SectionId.TYPE, TYPES)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.TAG, 0x02, 0x00, 0x00, 0x00, 0x01)
                .section(SectionId.CODE, concat(bytes(0x01), entry))
                .build();
    }

    /** The scanning decoder and the validator (on an unscanned body) both reject {@code bytes} so. */
    private static void malformed(byte[] bytes, Features features, String reason) {
        assertThatThrownBy(() -> ModuleDecoder.decode(bytes, features))
                .isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(reason);
        assertThatThrownBy(() -> ModuleValidator.validate(ModuleDecoder.decodeForValidation(bytes, features), features))
                .isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(reason);
    }

    private static void wellFormed(byte[] bytes) {
        ModuleDecoder.decode(bytes, ALL);
    }

    @Test
    void tagSection() {
        WasmModule m = ModuleDecoder.decode(withBody(), ALL);
        assertThat(m.tags()).containsExactly(new TagType(0), new TagType(1));
    }

    @Test
    void tagSectionGoesBetweenMemoryAndGlobal() {
        byte[] tagThenMemory = WasmBytes.module()
                .section(SectionId.TYPE, TYPES)
                .section(SectionId.TAG, 0x01, 0x00, 0x00)
                .section(SectionId.MEMORY, 0x01, 0x00, 0x01)
                .build();
        assertThatThrownBy(() -> ModuleDecoder.decode(tagThenMemory, ALL))
                .hasMessageContaining("unexpected content after last section");
        byte[] globalThenTag = WasmBytes.module()
                .section(SectionId.TYPE, TYPES)
                .section(SectionId.GLOBAL, 0x01, 0x7F, 0x00, 0x41, 0x00, 0x0B)
                .section(SectionId.TAG, 0x01, 0x00, 0x00)
                .build();
        assertThatThrownBy(() -> ModuleDecoder.decode(globalThenTag, ALL))
                .hasMessageContaining("unexpected content after last section");
        wellFormed(WasmBytes.module()
                .section(SectionId.TYPE, TYPES)
                .section(SectionId.MEMORY, 0x01, 0x00, 0x01)
                .section(SectionId.TAG, 0x01, 0x00, 0x00)
                .section(SectionId.GLOBAL, 0x01, 0x7F, 0x00, 0x41, 0x00, 0x0B)
                .build());
    }

    @Test
    void withoutTheFeatureTheTagSectionIdIsUnknown() {
        byte[] bytes = WasmBytes.module().section(SectionId.TYPE, TYPES).section(SectionId.TAG, 0x00).build();
        assertThatThrownBy(() -> ModuleDecoder.decode(bytes, Features.wasm2())).hasMessageContaining("malformed section id");
    }

    @Test
    void tagAttributeMustBeZero() {
        byte[] bytes = WasmBytes.module().section(SectionId.TYPE, TYPES).section(SectionId.TAG, 0x01, 0x01, 0x00).build();
        assertThatThrownBy(() -> ModuleDecoder.decode(bytes, ALL)).hasMessageContaining("zero byte expected");
    }

    @Test
    void tagImportsAndExportsAreKindFour() {
        byte[] imports = concat(bytes(0x01), name("m"), name("t"), bytes(0x04, 0x00, 0x01));
        byte[] exports = concat(bytes(0x01), name("t"), bytes(0x04, 0x00));
        byte[] bytes = WasmBytes.module()
                .section(SectionId.TYPE, TYPES)
                .section(SectionId.IMPORT, imports)
                .section(SectionId.EXPORT, exports)
                .build();
        WasmModule m = ModuleDecoder.decode(bytes, ALL);
        assertThat(m.imports()).containsExactly(new Import("m", "t", new ImportDesc.Tag(new TagType(1))));
        assertThat(m.exports()).containsExactly(new Export("t", ExternKind.TAG, 0));
        assertThatThrownBy(() -> ModuleDecoder.decode(bytes, Features.wasm2())).hasMessageContaining("malformed import kind");
    }

    @Test
    void instructions() {
        wellFormed(withBody(0x1F, EMPTY_BLOCK, 0x04, // try_table with one clause of each kind
                0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x02, 0x00, 0x03, 0x00, 0x0B));
        wellFormed(withBody(0x08, 0x00)); // throw 0
        wellFormed(withBody(0xD0, 0x69, 0x0A)); // ref.null exn, throw_ref
        wellFormed(withBody(0x06, EMPTY_BLOCK, 0x07, 0x00, 0x09, 0x00, 0x07, 0x01, 0x19, 0x0B)); // try catch catch catch_all
        wellFormed(withBody(0x06, EMPTY_BLOCK, 0x18, 0x00)); // try delegate 0
        wellFormed(withBody(0x06, EMPTY_BLOCK, 0x0B)); // try end
    }

    @Test
    void malformedCatchClause() {
        malformed(withBody(0x1F, EMPTY_BLOCK, 0x01, 0x04, 0x00, 0x0B), ALL, "malformed catch clause");
    }

    @Test
    void handlersOnlyInsideTry() {
        malformed(withBody(0x19), ALL, "END opcode expected"); // catch_all outside try
        malformed(withBody(0x02, EMPTY_BLOCK, 0x07, 0x00, 0x0B), ALL, "END opcode expected"); // catch in a block
        malformed(withBody(0x06, EMPTY_BLOCK, 0x19, 0x07, 0x00, 0x0B), ALL, "END opcode expected"); // catch after catch_all
        malformed(withBody(0x06, EMPTY_BLOCK, 0x19, 0x19, 0x0B), ALL, "END opcode expected"); // two catch_all
        malformed(withBody(0x06, EMPTY_BLOCK, 0x19, 0x18, 0x00), ALL, "END opcode expected"); // delegate after a handler
        malformed(withBody(0x18, 0x00), ALL, "END opcode expected"); // delegate outside try
    }

    @Test
    void withoutTheFeatureTheOpcodesAreIllegal() {
        Features noExceptions = new Features(true, true, true, true, true, false, true, true, true);
        byte[] throwOnly = WasmBytes.module()
                .section(SectionId.TYPE, TYPES)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.CODE, 0x01, 0x04, 0x00, 0x08, 0x00, 0x0B)
                .build();
        malformed(throwOnly, noExceptions, "illegal opcode");
    }
}
