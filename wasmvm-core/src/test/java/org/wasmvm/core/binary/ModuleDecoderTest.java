package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.binary.WasmBytes.bytes;
import static org.wasmvm.core.binary.WasmBytes.concat;
import static org.wasmvm.core.binary.WasmBytes.leb;
import static org.wasmvm.core.binary.WasmBytes.name;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.DataSegment;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.Global;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.NameSection;
import org.wasmvm.core.model.SegmentMode;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

class ModuleDecoderTest {
    private static final Features WASM2 = Features.wasm2();
    private static final Features MEMORY64 = Features.wasm2().withMemory64(true);

    private static WasmModule decode(byte[] bytes) {
        return ModuleDecoder.decode(bytes, WASM2);
    }

    private static void assertMalformed(byte[] bytes, Features features, String reason) {
        assertThatThrownBy(() -> ModuleDecoder.decode(bytes, features))
                .isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(reason);
    }

    private static void assertMalformed(byte[] bytes, String reason) {
        assertMalformed(bytes, WASM2, reason);
    }

    /** type () -> (), one function, a table of 10 funcrefs. */
    private static WasmBytes withFunctionAndTable() {
        return WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.TABLE, 0x01, 0x70, 0x00, 0x0A);
    }

    private static final int[] EMPTY_CODE = {0x01, 0x02, 0x00, 0x0B};

    @Test
    void emptyModule() {
        WasmModule m = decode(WasmBytes.module().build());
        assertThat(m.types()).isEmpty();
        assertThat(m.startFunction()).isEqualTo(-1);
        assertThat(m.dataCount()).isEqualTo(-1);
        assertThat(m.names()).isEqualTo(NameSection.EMPTY);
    }

    @Test
    void headerErrors() {
        assertMalformed(bytes(), "unexpected end");
        assertMalformed(bytes(0x00, 0x61, 0x73), "unexpected end");
        assertMalformed(bytes(0x01, 0x61, 0x73, 0x6D, 0x01, 0, 0, 0), "magic header not detected");
        assertMalformed(bytes(0x00, 0x61, 0x73, 0x6D, 0x02, 0, 0, 0), "unknown binary version");
    }

    @Test
    void typesImportsExportsAndStart() {
        byte[] imports = concat(leb(4),
                name("env"), name("f"), bytes(0x00, 0x00),
                name("env"), name("t"), bytes(0x01, 0x6F, 0x01, 0x01, 0x05),
                name("env"), name("m"), bytes(0x02, 0x00, 0x01),
                name("env"), name("g"), bytes(0x03, 0x7E, 0x01));
        byte[] exports = concat(leb(1), name("run"), bytes(0x00, 0x01));
        WasmModule m = decode(WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x02, 0x7F, 0x7C, 0x01, 0x6F)
                .section(SectionId.IMPORT, imports)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.EXPORT, exports)
                .section(SectionId.START, 0x01)
                .section(SectionId.CODE, 0x01, 0x04, 0x00, 0xD0, 0x6F, 0x0B)
                .build());
        assertThat(m.types()).extracting(SubType::composite).containsExactly(FuncType.of(List.of(ValType.I32, ValType.F64), List.of(ValType.EXTERNREF)));
        assertThat(m.imports()).extracting(Import::desc).containsExactly(
                new ImportDesc.Function(0),
                new ImportDesc.Table(new org.wasmvm.core.model.TableType(ValType.EXTERNREF, new Limits(1, 5, false))),
                new ImportDesc.Memory(new org.wasmvm.core.model.MemoryType(new Limits(1, Limits.NO_MAX, false))),
                new ImportDesc.Global(new GlobalType(ValType.I64, true)));
        assertThat(m.exports()).containsExactly(new Export("run", ExternKind.FUNCTION, 1));
        assertThat(m.startFunction()).isEqualTo(1);
        assertThat(m.functionTypes()).containsExactly(0);
    }

    @Test
    void functionBodyKeepsInstructionBytesAndExpandsLocals() {
        byte[] module = WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                // locals: 2 x i32, 1 x f64; body: local.get 0, drop, end
                .section(SectionId.CODE, 0x01, 0x09, 0x02, 0x02, 0x7F, 0x01, 0x7C, 0x20, 0x00, 0x1A, 0x0B)
                .build();
        FunctionBody body = decode(module).codes().get(0);
        assertThat(body.locals()).containsExactly(ValType.I32, ValType.I32, ValType.F64);
        assertThat(body.code()).isSameAs(module);
        assertThat(Arrays.copyOfRange(body.code(), body.offset(), body.offset() + body.length()))
                .containsExactly(0x20, 0x00, 0x1A, 0x0B);
    }

    @Test
    void tooManyLocals() {
        byte[] module = WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.CODE, concat(bytes(0x01, 0x07, 0x01), leb(CodeSectionReader.MAX_LOCALS + 1), bytes(0x7F, 0x0B)))
                .build();
        assertMalformed(module, "too many locals");
    }

    @Test
    void globalInitializersAreDecoded() {
        WasmModule m = decode(WasmBytes.module()
                .section(SectionId.GLOBAL, 0x02, 0x7F, 0x00, 0x41, 0x7F, 0x0B, 0x7C, 0x01,
                        0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0x0B)
                .build());
        Global g0 = m.globals().get(0);
        assertThat(g0.type()).isEqualTo(new GlobalType(ValType.I32, false));
        assertThat(g0.init()).hasToString("i32.const -1");
        assertThat(m.globals().get(1).init()).hasToString("f64.const bits 0x3ff0000000000000");
    }

    @Test
    void nonConstantInstructionsAreLeftToTheValidator() {
        // i32.const 1, i32.const 2, i32.add, end: well-formed, so the decoder keeps it
        WasmModule m = decode(WasmBytes.module()
                .section(SectionId.GLOBAL, 0x01, 0x7F, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6A, 0x0B).build());
        assertThat(m.globals().get(0).init()).hasToString("i32.const 1 i32.const 2 i32.add");
        // local.get is never constant: it is kept, and the decoder stops there but still reads up to end
        m = decode(WasmBytes.module()
                .section(SectionId.GLOBAL, 0x01, 0x7F, 0x00, 0x41, 0x01, 0x20, 0x00, 0x41, 0x02, 0x0B).build());
        assertThat(m.globals().get(0).init()).hasToString("i32.const 1 opcode 0x20");
        assertMalformed(WasmBytes.module().section(SectionId.GLOBAL, 0x01, 0x7F, 0x00, 0x06, 0x0B).build(), "illegal opcode");
    }

    @Test
    void sectionOrderAndFraming() {
        assertMalformed(WasmBytes.module().section(SectionId.FUNCTION, 0x00).section(SectionId.TYPE, 0x00).build(),
                "unexpected content after last section");
        assertMalformed(WasmBytes.module().section(SectionId.TYPE, 0x00).section(SectionId.TYPE, 0x00).build(),
                "unexpected content after last section");
        assertMalformed(WasmBytes.module().section(SectionId.CODE, 0x00).section(SectionId.DATA_COUNT, 0x00).build(),
                "unexpected content after last section");
        assertMalformed(WasmBytes.module().raw(0x0D, 0x00).build(), "malformed section id");
        assertMalformed(WasmBytes.module().raw(0x01, 0x02, 0x00, 0x00).build(), "section size mismatch");
        assertMalformed(WasmBytes.module().raw(0x01, 0x05, 0x00).build(), "length out of bounds");
        // the data count section goes between element and code, and custom sections anywhere
        WasmModule m = decode(WasmBytes.module()
                .section(SectionId.CUSTOM, name("a"))
                .section(SectionId.DATA_COUNT, 0x00)
                .section(SectionId.CUSTOM, concat(name("b"), bytes(1, 2, 3)))
                .section(SectionId.CODE, 0x00)
                .section(SectionId.DATA, 0x00)
                .build());
        assertThat(m.dataCount()).isZero();
        assertThat(m.customSections()).extracting(c -> c.name()).containsExactly("a", "b");
        assertThat(m.customSections().get(1).payload()).containsExactly(1, 2, 3);
    }

    @Test
    void crossSectionCounts() {
        assertMalformed(WasmBytes.module().section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.FUNCTION, 0x01, 0x00).build(), "function and code section have inconsistent lengths");
        assertMalformed(WasmBytes.module().section(SectionId.DATA_COUNT, 0x01).build(),
                "data count and data section have inconsistent lengths");
        // data.drop 0 with a data section but without a data count section
        assertMalformed(WasmBytes.module().section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.CODE, 0x01, 0x05, 0x00, 0xFC, 0x09, 0x00, 0x0B)
                .section(SectionId.DATA, 0x01, 0x01, 0x00).build(), "data count section required");
    }

    @Test
    void hugeStartIndexIsNotMistakenForAbsent() {
        WasmModule m = decode(WasmBytes.module().section(SectionId.START, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F).build());
        assertThat(m.startFunction()).isEqualTo(Integer.MAX_VALUE);
        assertMalformed(WasmBytes.module().section(SectionId.DATA_COUNT, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F).build(),
                "data count and data section have inconsistent lengths");
    }

    @Test
    void limitsFlags() {
        WasmBytes mem64 = WasmBytes.module().section(SectionId.MEMORY, 0x01, 0x05, 0x01, 0x80, 0x80, 0x04);
        assertMalformed(mem64.build(), WASM2, "integer too large");
        WasmModule m = ModuleDecoder.decode(mem64.build(), MEMORY64);
        assertThat(m.memories().get(0).limits()).isEqualTo(new Limits(1, 65536, true));
        assertMalformed(WasmBytes.module().section(SectionId.MEMORY, 0x01, 0x08, 0x00).build(), MEMORY64,
                "malformed limits flags");
        assertMalformed(WasmBytes.module().section(SectionId.TABLE, 0x01, 0x70, 0x02, 0x00).build(), WASM2,
                "integer too large");
        // table64: a 64-bit table with u64 bounds
        WasmModule t = ModuleDecoder.decode(WasmBytes.module()
                .section(SectionId.TABLE, concat(bytes(0x01, 0x70, 0x04), leb(1L << 40))).build(), MEMORY64);
        assertThat(t.tables().get(0).type().limits()).isEqualTo(new Limits(1L << 40, Limits.NO_MAX, true));
        // multiple memories are well-formed; the validator decides whether they are allowed
        assertThat(decode(WasmBytes.module().section(SectionId.MEMORY, 0x02, 0x00, 0x00, 0x00, 0x01).build()).memories())
                .hasSize(2);
    }

    @Test
    void dataSegments() {
        WasmModule m = decode(WasmBytes.module()
                .section(SectionId.MEMORY, 0x01, 0x00, 0x01)
                .section(SectionId.DATA, 0x03,
                        0x00, 0x41, 0x08, 0x0B, 0x02, 'h', 'i',
                        0x01, 0x01, 'x',
                        0x02, 0x00, 0x41, 0x00, 0x0B, 0x00)
                .build());
        List<DataSegment> datas = m.datas();
        assertThat(datas).extracting(DataSegment::mode)
                .containsExactly(SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE);
        assertThat(datas.get(0).bytes()).containsExactly('h', 'i');
        assertThat(datas.get(0).offset()).hasToString("i32.const 8");
        assertThat(datas.get(1).offset()).isNull();
        assertThat(datas.get(2).bytes()).isEmpty();
        assertMalformed(WasmBytes.module().section(SectionId.DATA, 0x01, 0x03, 0x00).build(), "malformed data segment kind");
    }

    @Test
    void nameSectionIsDecodedAndAMalformedOneIgnored() {
        byte[] names = concat(name("name"),
                bytes(0x00), leb(name("mod").length), name("mod"),
                bytes(0x01), leb(1 + 1 + name("main").length), bytes(0x01, 0x00), name("main"));
        WasmModule m = decode(withFunctionAndTable().section(SectionId.CODE, EMPTY_CODE).section(SectionId.CUSTOM, names).build());
        assertThat(m.names().moduleName()).isEqualTo("mod");
        assertThat(m.names().functionNames()).containsEntry(0, "main");

        byte[] broken = concat(name("name"), bytes(0x01, 0x05, 0x01, 0x00, 0x09));
        WasmModule b = decode(WasmBytes.module().section(SectionId.CUSTOM, broken).build());
        assertThat(b.names()).isEqualTo(NameSection.EMPTY);
        assertThat(b.customSections()).hasSize(1);
        // a subsection size that overruns the payload by no more than its own LEB (a fuzz finding)
        byte[] overrun = concat(name("name"), bytes(0x00, 0x04, 0x03, 'a', 'b'));
        WasmModule o = decode(WasmBytes.module().section(SectionId.CUSTOM, overrun).build());
        assertThat(o.names()).isEqualTo(NameSection.EMPTY);
        // but a custom section whose own name is bad fails the module
        assertMalformed(WasmBytes.module().section(SectionId.CUSTOM, 0x02, 0xC0, 0x80).build(), "malformed UTF-8 encoding");
    }

    @Test
    void instructionImmediatesAreChecked() {
        WasmBytes prefix = WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.MEMORY, 0x01, 0x00, 0x01);
        // memory.size with a non-zero reserved byte
        assertMalformed(concat(prefix.build(), codeSection(0x3F, 0x01, 0x1A, 0x0B)), "zero byte expected");
        assertMalformed(concat(prefix.build(), codeSection(0x41, 0x00, 0x28, 0x20, 0x00, 0x1A, 0x0B)), "malformed memop flags");
        assertMalformed(concat(prefix.build(), codeSection(0xFC, 0x20, 0x0B)), "illegal opcode");
        assertMalformed(concat(prefix.build(), codeSection(0x05, 0x0B)), "END opcode expected");
        // with multi-memory, the reserved byte is a memory index
        ModuleDecoder.decode(concat(prefix.build(), codeSection(0x3F, 0x01, 0x1A, 0x0B)), Features.all());
        // nested blocks, if/else, br_table and select with types are stepped over
        decode(concat(prefix.build(), codeSection(0x02, 0x40, 0x41, 0x01, 0x04, 0x7F, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0B,
                0x0E, 0x01, 0x00, 0x00, 0x0B, 0x0B)));
    }

    /** A code section holding one body without locals. */
    private static byte[] codeSection(int... instructions) {
        byte[] body = concat(bytes(0x00), bytes(instructions));
        byte[] content = concat(bytes(0x01), leb(body.length), body);
        return concat(bytes(SectionId.CODE), leb(content.length), content);
    }
}
