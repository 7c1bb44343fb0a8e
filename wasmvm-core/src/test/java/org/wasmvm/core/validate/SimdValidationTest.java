package org.wasmvm.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.model.ValType.F32;
import static org.wasmvm.core.model.ValType.F64;
import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;
import static org.wasmvm.core.model.ValType.V128;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.SimdTable;
import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.binary.SimdSignatures;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * The SIMD validation rules (spec 3.0 §3.3.3 vector instructions, §3.3.7 memory instructions) against
 * wabt's table ({@link SimdTable}): every instruction's operand and result types, the alignment bound of
 * every access and the lane-index bound of every instruction that has one. Error texts are the test suite's.
 */
class SimdValidationTest {
    private static final List<ValType> NO = List.of();
    private static final int LOCAL_GET = 0x20, SELECT = 0x1B, BLOCK = 0x02, END = 0x0B;

    /**
     * A module with a one-page memory and one function of type {@code params -> results} whose body is
     * {@code local.get} of every parameter, then {@code code}.
     */
    private static WasmModule func(List<ValType> params, List<ValType> results, byte[] code) {
        var body = new ByteArrayOutputStream();
        for (int i = 0; i < params.size(); i++) {
            body.write(LOCAL_GET);
            body.write(i);
        }
        body.writeBytes(code);
        body.write(END);
        ModuleBuilder b = new ModuleBuilder();
        b.memories.add(new MemoryType(new Limits(1, 1, false)));
        return b.rawFunc(b.type(params, results), NO, body.toByteArray()).build();
    }

    private static List<ValType> results(SimdTable.Row row) {
        return row.result() == null ? NO : List.of(row.result());
    }

    private static void valid(WasmModule module, String what) {
        assertThatCode(() -> ModuleValidator.validate(module, Features.all())).as(what).doesNotThrowAnyException();
    }

    private static void invalid(WasmModule module, String text, String what) {
        assertThatThrownBy(() -> ModuleValidator.validate(module, Features.all())).as(what)
                .isInstanceOf(InvalidModuleException.class)
                .extracting(e -> ((InvalidModuleException) e).reason()).asString().contains(text);
    }

    /** Another type than {@code type}, for operands and results that must not match. */
    private static ValType other(ValType type) {
        return type == V128 ? I64 : type == I32 ? F32 : type == F32 ? F64 : V128;
    }

    @Test
    void theLoweringReadsTheOperandCountOfTheTable() {
        for (SimdTable.Row row : SimdTable.rows()) {
            if (SimdOpcodes.immediate(row.sub()) == SimdOpcodes.Immediate.NONE) {
                assertThat(SimdSignatures.operandCount(row.sub())).as(row.mnemonic()).isEqualTo(row.params().size());
            }
        }
        // the packed signatures use the validator's type codes
        assertThat(List.of(SimdSignatures.I32, SimdSignatures.I64, SimdSignatures.F32, SimdSignatures.F64,
                SimdSignatures.V128, SimdSignatures.NONE))
                .containsExactly(Types.I32, Types.I64, Types.F32, Types.F64, Types.V128, Types.NONE);
    }

    @Test
    void everyInstructionTakesAndGivesTheTypesOfTheTable() {
        for (SimdTable.Row row : SimdTable.rows()) {
            byte[] code = row.encode(row.naturalAlignment(), 0);
            valid(func(row.params(), results(row), code), row.mnemonic());
            for (int i = 0; i < row.params().size(); i++) {
                List<ValType> wrong = new ArrayList<>(row.params());
                wrong.set(i, other(wrong.get(i)));
                invalid(func(wrong, results(row), code), "type mismatch", row.mnemonic() + " operand " + i);
            }
            List<ValType> wrongResult = row.result() == null ? List.of(I32) : List.of(other(row.result()));
            invalid(func(row.params(), wrongResult, code), "type mismatch", row.mnemonic() + " result");
        }
    }

    @Test
    void anAccessMayBeAlignedAtMostNaturally() {
        for (SimdTable.Row row : SimdTable.rows()) {
            if (row.memoryBytes() > 0) {
                byte[] overaligned = row.encode(row.naturalAlignment() + 1, 0);
                invalid(func(row.params(), results(row), overaligned), "alignment must not be larger than natural",
                        row.mnemonic());
                valid(func(row.params(), results(row), row.encode(0, 0)), row.mnemonic() + " align=1");
            }
        }
    }

    @Test
    void aLaneIndexMustNameALane() {
        for (SimdTable.Row row : SimdTable.rows()) {
            if (row.hasLaneIndex()) {
                int lanes = row.lanes();
                valid(func(row.params(), results(row), row.encode(row.naturalAlignment(), lanes - 1)), row.mnemonic());
                invalid(func(row.params(), results(row), row.encode(row.naturalAlignment(), lanes)),
                        "invalid lane index", row.mnemonic() + " lane " + lanes);
                invalid(func(row.params(), results(row), row.encode(row.naturalAlignment(), 0xFF)),
                        "invalid lane index", row.mnemonic() + " lane 255");
            }
        }
    }

    @Test
    void aShuffleSelectsFromTheLanesOfBothOperands() {
        SimdTable.Row shuffle = SimdTable.rows().stream().filter(r -> r.mnemonic().equals("i8x16.shuffle")).findFirst()
                .orElseThrow();
        valid(func(shuffle.params(), results(shuffle), shuffle.encode(0, 31)), "lane 31");
        invalid(func(shuffle.params(), results(shuffle), shuffle.encode(0, 32)), "invalid lane index", "lane 32");
    }

    @Test
    void anAccessNamesAKnownMemory() {
        // v128.load with a memory index (flags bit 6): memory 1 of a module that has one
        byte[] load = {(byte) 0xFD, 0x00, 0x44, 0x01, 0x00};
        invalid(func(List.of(I32), List.of(V128), load), "unknown memory 1", "v128.load from memory 1");
        byte[] store = {(byte) 0xFD, 0x0B, 0x44, 0x00, 0x00};
        valid(func(List.of(I32, V128), NO, store), "v128.store to memory 0, named");
    }

    @Test
    void vectorsAreValuesLikeNumbers() {
        // untyped select of two vectors, a block that passes a vector through, a vector local
        valid(func(List.of(V128, V128, I32), List.of(V128), new byte[] {SELECT}), "select");
        invalid(func(List.of(V128, I64, I32), List.of(V128), new byte[] {SELECT}), "type mismatch", "select v128 i64");
        ModuleBuilder block = new ModuleBuilder();
        block.func(block.type(List.of(V128), List.of(V128)), NO, BLOCK, 0x7B, LOCAL_GET, 0, END);
        valid(block.build(), "block (result v128)");
        ModuleBuilder local = new ModuleBuilder();
        local.func(local.type(NO, List.of(V128)), List.of(V128), LOCAL_GET, 0);
        valid(local.build(), "v128 local");
    }
}
