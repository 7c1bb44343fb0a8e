package org.wasmvm.core.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.model.ValType.EXTERNREF;
import static org.wasmvm.core.model.ValType.FUNCREF;
import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/** Function bodies assembled by hand: the tricky corners of the validation algorithm. */
class FunctionValidatorTest {
    private static final List<ValType> NO = List.of();
    // opcodes used below
    private static final int BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, END = 0x0B, BR = 0x0C,
            BR_IF = 0x0D, BR_TABLE = 0x0E, RETURN = 0x0F, UNREACHABLE = 0x00, DROP = 0x1A, SELECT = 0x1B,
            SELECT_T = 0x1C, LOCAL_GET = 0x20, I32_CONST = 0x41, I64_CONST = 0x42, I32_ADD = 0x6A,
            I32_LOAD = 0x28, MEMORY_SIZE = 0x3F, REF_NULL = 0xD0, EMPTY = 0x40, T_I32 = 0x7F, T_I64 = 0x7E;

    private static WasmModule func(List<ValType> params, List<ValType> results, int... code) {
        ModuleBuilder b = new ModuleBuilder();
        b.func(b.type(params, results), NO, code);
        return b.build();
    }

    private static void valid(WasmModule module) {
        assertThatCode(() -> ModuleValidator.validate(module, Features.wasm2())).doesNotThrowAnyException();
    }

    private static void invalid(WasmModule module, String text) {
        invalid(module, Features.wasm2(), text);
    }

    private static void invalid(WasmModule module, Features features, String text) {
        assertThatThrownBy(() -> ModuleValidator.validate(module, features))
                .isInstanceOf(InvalidModuleException.class)
                .extracting(e -> ((InvalidModuleException) e).reason()).asString().contains(text);
    }

    private static void malformed(WasmModule module, String text) {
        assertThatThrownBy(() -> ModuleValidator.validate(module, Features.wasm2()))
                .isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(text);
    }

    @Test
    void emptyAndSimpleBodies() {
        valid(func(NO, NO));
        valid(func(NO, List.of(I32), I32_CONST, 1, I32_CONST, 2, I32_ADD));
        invalid(func(NO, List.of(I32)), "type mismatch");
        invalid(func(NO, NO, I32_CONST, 1), "type mismatch");
        invalid(func(NO, List.of(I32), I64_CONST, 1), "type mismatch");
    }

    @Test
    void unreachableMakesTheStackPolymorphic() {
        valid(func(NO, NO, UNREACHABLE, I32_ADD, DROP));
        valid(func(NO, List.of(I32), UNREACHABLE));
        valid(func(NO, List.of(I32), UNREACHABLE, I32_ADD));
        valid(func(NO, List.of(I64), I64_CONST, 0, RETURN, SELECT));
        // a known value below the polymorphic part is still checked
        invalid(func(NO, NO, UNREACHABLE, I64_CONST, 0, I32_ADD, DROP), "type mismatch");
        // polymorphism ends with the block
        invalid(func(NO, NO, BLOCK, EMPTY, UNREACHABLE, END, DROP), "type mismatch");
        valid(func(NO, List.of(I32), BLOCK, T_I32, UNREACHABLE, END));
        // values pushed after unreachable must still match the block's results
        invalid(func(NO, NO, BLOCK, EMPTY, UNREACHABLE, I32_CONST, 0, END), "type mismatch");
    }

    @Test
    void brTable() {
        // block (result i32) block (result i32) i32.const 0 i32.const 0 br_table 0 1 end end
        valid(func(NO, List.of(I32), BLOCK, T_I32, BLOCK, T_I32, I32_CONST, 0, I32_CONST, 0,
                BR_TABLE, 1, 0, 1, END, END));
        // targets of different arity
        invalid(func(NO, List.of(I32), BLOCK, T_I32, BLOCK, EMPTY, I32_CONST, 0, I32_CONST, 0,
                BR_TABLE, 1, 0, 1, END, I32_CONST, 0, END), "type mismatch");
        // same arity, different types: only allowed when the operand is polymorphic
        invalid(func(NO, List.of(I32), BLOCK, T_I32, BLOCK, T_I64, I32_CONST, 0, I32_CONST, 0,
                BR_TABLE, 1, 0, 1, END, DROP, I32_CONST, 0, END), "type mismatch");
        valid(func(NO, List.of(I32), BLOCK, T_I32, BLOCK, T_I64, UNREACHABLE,
                BR_TABLE, 1, 0, 1, END, DROP, I32_CONST, 0, END));
        // a loop label takes the loop's parameters (none)
        valid(func(NO, NO, LOOP, EMPTY, I32_CONST, 0, BR_TABLE, 0, 0, END));
        invalid(func(NO, NO, I32_CONST, 0, BR_TABLE, 0, 5), "unknown label");
    }

    @Test
    void branches() {
        valid(func(NO, List.of(I32), BLOCK, T_I32, I32_CONST, 1, I32_CONST, 0, BR_IF, 0, END));
        invalid(func(NO, NO, BR, 1), "unknown label");
        invalid(func(NO, List.of(I32), BLOCK, T_I32, I64_CONST, 1, BR, 0, END), "type mismatch");
        valid(func(NO, List.of(I32), I32_CONST, 7, BR, 0));
    }

    @Test
    void select() {
        valid(func(NO, List.of(I32), I32_CONST, 1, I32_CONST, 2, I32_CONST, 0, SELECT));
        invalid(func(NO, List.of(I32), I32_CONST, 1, I64_CONST, 2, I32_CONST, 0, SELECT), "type mismatch");
        // untyped select rejects references
        invalid(func(NO, NO, REF_NULL, 0x70, REF_NULL, 0x70, I32_CONST, 0, SELECT, DROP), "type mismatch");
        valid(func(NO, List.of(FUNCREF), REF_NULL, 0x70, REF_NULL, 0x70, I32_CONST, 0, SELECT_T, 1, 0x70));
        invalid(func(NO, NO, I32_CONST, 1, I32_CONST, 2, I32_CONST, 0, SELECT_T, 2, T_I32, T_I32, DROP),
                "invalid result arity");
        invalid(func(NO, NO, I32_CONST, 1, I32_CONST, 2, I32_CONST, 0, SELECT_T, 0, DROP), "invalid result arity");
        // on a polymorphic stack the result is whatever the known operand is
        valid(func(NO, List.of(I64), UNREACHABLE, I64_CONST, 0, I32_CONST, 0, SELECT));
        invalid(func(NO, List.of(I64), UNREACHABLE, I32_CONST, 0, I32_CONST, 0, SELECT), "type mismatch");
        invalid(func(NO, NO, UNREACHABLE, REF_NULL, 0x6F, I32_CONST, 0, SELECT, DROP), "type mismatch");
    }

    @Test
    void multiValueBlocks() {
        ModuleBuilder b = new ModuleBuilder();
        int main = b.type(NO, List.of(I64));
        int block = b.type(List.of(I32, I32), List.of(I64, I32));
        // i32.const 1 i32.const 2 block (type 1) drop drop i64.const 3 i32.const 4 end drop
        b.func(main, NO, I32_CONST, 1, I32_CONST, 2, BLOCK, block, DROP, DROP, I64_CONST, 3, I32_CONST, 4, END, DROP);
        valid(b.build());

        ModuleBuilder c = new ModuleBuilder();
        c.type(NO, NO);
        c.type(List.of(I32), List.of(I32));
        // loop labels carry the parameters: i32.const 0 loop (type 1) br 0 end drop
        c.func(0, NO, I32_CONST, 0, LOOP, 1, BR, 0, END, DROP);
        valid(c.build());

        invalid(func(NO, NO, BLOCK, 9, END), "unknown type");
        // missing block parameters
        ModuleBuilder d = new ModuleBuilder();
        d.type(NO, NO);
        d.type(List.of(I32), NO);
        d.func(0, NO, BLOCK, 1, DROP, END);
        invalid(d.build(), "type mismatch");
    }

    @Test
    void ifWithoutElse() {
        valid(func(NO, NO, I32_CONST, 1, IF, EMPTY, END));
        invalid(func(NO, List.of(I32), I32_CONST, 1, IF, T_I32, I32_CONST, 1, END), "type mismatch");
        valid(func(NO, List.of(I32), I32_CONST, 1, IF, T_I32, I32_CONST, 1, ELSE, I32_CONST, 2, END));
        invalid(func(NO, List.of(I32), I32_CONST, 1, IF, T_I32, I32_CONST, 1, ELSE, END), "type mismatch");
        ModuleBuilder b = new ModuleBuilder();
        b.type(NO, List.of(I32));
        b.type(List.of(I32), List.of(I32));
        // params == results: the missing else passes the parameter through
        b.func(0, NO, I32_CONST, 5, I32_CONST, 1, IF, 1, DROP, I32_CONST, 6, END);
        valid(b.build());
        malformed(func(NO, NO, BLOCK, EMPTY, ELSE, END), "END opcode expected");
    }

    @Test
    void locals() {
        ModuleBuilder b = new ModuleBuilder();
        b.func(b.type(List.of(I32), List.of(I64)), List.of(I64), LOCAL_GET, 1);
        valid(b.build());
        invalid(func(List.of(I32), List.of(I32), LOCAL_GET, 1), "unknown local");
    }

    @Test
    void memoryInstructions() {
        ModuleBuilder b = new ModuleBuilder();
        b.memories.add(new MemoryType(new Limits(1, 1, false)));
        b.func(b.type(NO, List.of(I32)), NO, I32_CONST, 0, I32_LOAD, 2, 0);
        valid(b.build());

        invalid(func(NO, List.of(I32), I32_CONST, 0, I32_LOAD, 2, 0), "unknown memory 0");

        ModuleBuilder c = new ModuleBuilder();
        c.memories.add(new MemoryType(new Limits(1, 1, false)));
        c.func(c.type(NO, List.of(I32)), NO, I32_CONST, 0, I32_LOAD, 3, 0);
        invalid(c.build(), "alignment must not be larger than natural");

        ModuleBuilder d = new ModuleBuilder();
        d.memories.add(new MemoryType(new Limits(1, 1, false)));
        d.func(d.type(NO, List.of(I32)), NO, MEMORY_SIZE, 1);
        malformed(d.build(), "zero byte expected");
    }

    @Test
    void alignmentFlagsOfTwoToTheThirtyTwoAndMore() {
        ModuleBuilder b = new ModuleBuilder();
        b.memories.add(new MemoryType(new Limits(1, 1, false)));
        b.func(b.type(NO, List.of(I32)), NO, I32_CONST, 0, I32_LOAD, 0x20, 0);
        malformed(b.build(), "malformed memop flags"); // 2.0: the flags are the exponent, below 32
        // multi-memory (3.0): exponents up to 63 are well-formed, merely larger than natural
        invalid(b.build(), Features.all(), "alignment must not be larger than natural");
        ModuleBuilder c = new ModuleBuilder();
        c.memories.add(new MemoryType(new Limits(1, 1, false)));
        c.func(c.type(NO, List.of(I32)), NO, I32_CONST, 0, I32_LOAD, 0x7F, 0, 0);
        invalid(c.build(), Features.all(), "alignment must not be larger than natural"); // bit 6: memory 0 follows
        ModuleBuilder d = new ModuleBuilder();
        d.memories.add(new MemoryType(new Limits(1, 1, false)));
        d.func(d.type(NO, List.of(I32)), NO, I32_CONST, 0, I32_LOAD, 0x80, 0x01, 0);
        assertThatThrownBy(() -> ModuleValidator.validate(d.build(), Features.all()))
                .isInstanceOf(MalformedModuleException.class).hasMessageContaining("malformed memop flags");
    }

    @Test
    void memory64Addresses() {
        Features m64 = Features.wasm2().withMemory64(true);
        ModuleBuilder b = new ModuleBuilder();
        b.memories.add(new MemoryType(new Limits(1, Limits.NO_MAX, true)));
        b.func(b.type(NO, List.of(I32)), NO, I64_CONST, 0, I32_LOAD, 2, 0);
        b.func(b.type(NO, List.of(I64)), NO, MEMORY_SIZE, 0);
        assertThatCode(() -> ModuleValidator.validate(b.build(), m64)).doesNotThrowAnyException();

        ModuleBuilder c = new ModuleBuilder();
        c.memories.add(new MemoryType(new Limits(1, Limits.NO_MAX, true)));
        c.func(c.type(NO, List.of(I32)), NO, I32_CONST, 0, I32_LOAD, 2, 0);
        invalid(c.build(), m64, "type mismatch");
        // memory64 modules need the feature
        invalid(c.build(), Features.wasm2(), "memory64");
    }

    @Test
    void truncatedBodies() {
        ModuleBuilder b = new ModuleBuilder();
        b.rawFunc(b.type(NO, NO), NO, new byte[] {(byte) I32_CONST, 1, (byte) DROP});
        malformed(b.build(), "END opcode expected");
        ModuleBuilder c = new ModuleBuilder();
        c.rawFunc(c.type(NO, NO), NO, new byte[] {(byte) I32_CONST});
        malformed(c.build(), "unexpected end");
        malformed(func(NO, NO, 0xFF), "illegal opcode");
    }

    @Test
    void dataSegmentsNeedTheDataCount() {
        // data.drop 0 without a data count section: the decoder lets it through only when there are
        // no data segments at all, so the index is unknown
        invalid(func(NO, NO, 0xFC, 9, 0), "unknown data segment 0");
        ModuleBuilder b = new ModuleBuilder();
        b.dataCount = 0;
        b.func(b.type(NO, NO), NO, 0xFC, 9, 0);
        invalid(b.build(), "unknown data segment 0");
    }

    @Test
    void externrefIsNotAFuncref() {
        invalid(func(NO, List.of(FUNCREF), REF_NULL, 0x6F), "type mismatch");
        valid(func(NO, List.of(EXTERNREF), REF_NULL, 0x6F));
    }
}
