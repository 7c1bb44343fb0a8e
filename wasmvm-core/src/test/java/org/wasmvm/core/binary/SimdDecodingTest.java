package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.binary.WasmBytes.bytes;
import static org.wasmvm.core.binary.WasmBytes.concat;
import static org.wasmvm.core.binary.WasmBytes.leb;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.SimdTable;
import org.wasmvm.core.lower.Immediates;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.validate.ModuleValidator;

/**
 * The binary encoding of the SIMD instructions (prefix {@code 0xFD}, a u32 sub-opcode, then the immediates):
 * decoded by the scanning decoder, by the validator's walk over unscanned bodies, and stepped over by
 * {@link Immediates}, all three against wabt's table ({@link SimdTable}).
 */
class SimdDecodingTest {
    private static final Features ALL = Features.all();
    private static final int LOCAL_GET = 0x20, END = 0x0B, DROP = 0x1A, I32_CONST = 0x41;
    /** Memory flags and minimum: a 32-bit memory of one page; a 64-bit one. */
    private static final int[] MEMORY32 = {0x00, 0x01}, MEMORY64 = {0x04, 0x01};

    /**
     * A module with one memory and one function of type {@code params -> results} whose body (no locals)
     * is {@code local.get} of every parameter, then {@code code}, then {@code end}.
     */
    private static byte[] module(int[] memory, List<ValType> params, List<ValType> results, byte[] code) {
        var gets = new ByteArrayOutputStream();
        for (int i = 0; i < params.size(); i++) {
            gets.writeBytes(bytes(LOCAL_GET, i));
        }
        byte[] body = concat(bytes(0x00), gets.toByteArray(), code, bytes(END));
        return WasmBytes.module()
                .section(SectionId.TYPE, concat(bytes(0x01, 0x60), types(params), types(results)))
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.MEMORY, concat(bytes(0x01), bytes(memory)))
                .section(SectionId.CODE, concat(bytes(0x01), leb(body.length), body))
                .build();
    }

    private static byte[] types(List<ValType> types) {
        return concat(leb(types.size()), bytes(types.stream().mapToInt(ValType::code).toArray()));
    }

    private static byte[] module(SimdTable.Row row, byte[] instruction) {
        return module(MEMORY32, row.params(), row.result() == null ? List.of() : List.of(row.result()), instruction);
    }

    private static void valid(byte[] module, Features features) {
        assertThatCode(() -> ModuleValidator.validate(ModuleDecoder.decode(module, features), features))
                .doesNotThrowAnyException();
        assertThatCode(() -> ModuleValidator.validate(ModuleDecoder.decodeForValidation(module, features), features))
                .doesNotThrowAnyException();
    }

    /** The scanning decoder and the validator (on an unscanned body) both reject {@code module} so. */
    private static void malformed(byte[] module, Features features, String reason) {
        assertThatThrownBy(() -> ModuleDecoder.decode(module, features))
                .isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(reason);
        assertThatThrownBy(() -> ModuleValidator.validate(ModuleDecoder.decodeForValidation(module, features), features))
                .isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(reason);
    }

    @Test
    void everyInstructionDecodesWithItsImmediates() {
        for (SimdTable.Row row : SimdTable.rows()) {
            valid(module(row, row.encode(row.naturalAlignment(), 0)), ALL);
        }
    }

    @Test
    void immediatesSkipStepsOverEachInstructionExactly() {
        for (SimdTable.Row row : SimdTable.rows()) {
            byte[] instruction = row.encode(row.naturalAlignment(), 0);
            var in = new ByteReader(instruction, 1, instruction.length - 1); // after the prefix
            Immediates.skip(Opcodes.PREFIX_FD, in);
            assertThat(in.position()).as(row.mnemonic()).isEqualTo(instruction.length);
        }
    }

    @Test
    void theSubOpcodeIsAU32OfAnyEncodedLength() {
        // i8x16.swizzle (0x0E) in five bytes, the longest a u32 may take
        byte[] module = module(MEMORY32, List.of(ValType.V128, ValType.V128), List.of(ValType.V128),
                bytes(0xFD, 0x8E, 0x80, 0x80, 0x80, 0x00));
        valid(module, ALL);
    }

    @Test
    void unusedSubOpcodesAreIllegal() {
        int[] unused = IntStream.concat(
                IntStream.rangeClosed(0, 0xFF).filter(sub -> SimdTable.rows().stream().noneMatch(r -> r.sub() == sub)),
                IntStream.of(0x114, 0x7FFF_FFFF, -1)).toArray();
        assertThat(unused).hasSize(20 + 3);
        for (int sub : unused) {
            byte[] module = module(MEMORY32, List.of(), List.of(), concat(bytes(0xFD), leb(Integer.toUnsignedLong(sub))));
            malformed(module, ALL, "illegal opcode fd " + Integer.toHexString(sub));
            int prefixAt = module.length - 1 - leb(Integer.toUnsignedLong(sub)).length - 1; // before the sub and end
            assertThatThrownBy(() -> ModuleDecoder.decode(module, ALL))
                    .extracting(e -> ((MalformedModuleException) e).offset()).isEqualTo((long) prefixAt);
        }
    }

    @Test
    void relaxedInstructionsNeedTheirFeatureAndTheOthersNone() {
        for (SimdTable.Row row : SimdTable.rows()) {
            byte[] module = module(row, row.encode(row.naturalAlignment(), 0));
            if (row.mnemonic().contains(".relaxed_")) {
                malformed(module, Features.wasm2(), "illegal opcode fd " + Integer.toHexString(row.sub()));
            } else {
                valid(module, Features.wasm2());
            }
        }
    }

    @Test
    void aTruncatedImmediateIsMalformed() {
        // v128.const with 15 of its 16 bytes, at the very end of the module
        byte[] body = concat(bytes(0x00, 0xFD, 0x0C), new byte[15]);
        byte[] module = WasmBytes.module()
                .section(SectionId.TYPE, 0x01, 0x60, 0x00, 0x00)
                .section(SectionId.FUNCTION, 0x01, 0x00)
                .section(SectionId.CODE, concat(bytes(0x01), leb(body.length), body))
                .build();
        malformed(module, ALL, "unexpected end");
    }

    @Test
    void theMemargIsTheScalarAccessesOne() {
        List<ValType> address = List.of(ValType.I32);
        List<ValType> vector = List.of(ValType.V128);
        // Wasm 2.0: the flags are the alignment, below 32
        malformed(module(MEMORY32, address, vector, bytes(0xFD, 0x00, 0x20, 0x00)), Features.wasm2(),
                "malformed memop flags");
        // multi-memory: bit 6 announces a memory index, from 2^7 on the flags are malformed
        valid(module(MEMORY32, address, vector, bytes(0xFD, 0x00, 0x44, 0x00, 0x00)), ALL);
        malformed(module(MEMORY32, address, vector, bytes(0xFD, 0x00, 0x80, 0x01, 0x00)), ALL, "malformed memop flags");
        // the same for a lane access, whose lane index follows the memarg
        valid(module(MEMORY32, List.of(ValType.I32, ValType.V128), vector, bytes(0xFD, 0x54, 0x40, 0x00, 0x00, 0x0F)),
                ALL);
    }

    @Test
    void aSixtyFourBitMemoryTakesOffsetsPastFourGigabytes() {
        byte[] offset = leb(1L << 32);
        byte[] load = concat(bytes(0xFD, 0x00, 0x04), offset); // v128.load align=16 offset=2^32
        valid(module(MEMORY64, List.of(ValType.I64), List.of(ValType.V128), load), ALL);
        byte[] narrow = module(MEMORY32, List.of(ValType.I32), List.of(ValType.V128), load);
        assertThatThrownBy(() -> ModuleValidator.validate(ModuleDecoder.decode(narrow, ALL), ALL))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("offset out of range");
    }

    @Test
    void aGlobalMayBeInitializedByV128Const() {
        byte[] constant = new byte[16];
        for (int i = 0; i < 16; i++) {
            constant[i] = (byte) (0xF0 + i);
        }
        ByteBuffer little = ByteBuffer.wrap(constant).order(ByteOrder.LITTLE_ENDIAN);
        byte[] module = global(0x7B, concat(bytes(0xFD, 0x0C), constant, bytes(END)));
        ConstExpr.Instruction init = ModuleDecoder.decode(module, ALL).globals().get(0).init().instructions().get(0);
        assertThat(init.op()).isEqualTo(ConstExpr.Op.V128_CONST);
        assertThat(init.immediate()).isEqualTo(little.getLong(0));
        assertThat(init.high()).isEqualTo(little.getLong(8));
        assertThatCode(() -> ModuleValidator.validate(ModuleDecoder.decode(module, ALL), ALL)).doesNotThrowAnyException();

        byte[] asI32 = global(0x7F, concat(bytes(0xFD, 0x0C), constant, bytes(END)));
        assertThatThrownBy(() -> ModuleValidator.validate(ModuleDecoder.decode(asI32, ALL), ALL))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("type mismatch");
        byte[] notConstant = global(0x7B, concat(bytes(I32_CONST, 0x00, 0xFD, 0x11, END))); // i32x4.splat
        assertThatThrownBy(() -> ModuleValidator.validate(ModuleDecoder.decode(notConstant, ALL), ALL))
                .isInstanceOf(InvalidModuleException.class).hasMessageContaining("constant expression required");
    }

    /** A module with one immutable global of type code {@code type}, initialized by {@code init} (with its end). */
    private static byte[] global(int type, byte[] init) {
        return WasmBytes.module().section(SectionId.GLOBAL, concat(bytes(0x01, type, 0x00), init)).build();
    }

    @Test
    void aDroppedVectorLeavesTheBodyWellFormed() {
        // v128.const, drop: the 16 bytes of the constant are not instructions, even when they look like some
        byte[] code = concat(bytes(0xFD, 0x0C), bytes(IntStream.range(0, 16).map(i -> END).toArray()), bytes(DROP));
        valid(module(MEMORY32, List.of(), List.of(), code), ALL);
    }
}
