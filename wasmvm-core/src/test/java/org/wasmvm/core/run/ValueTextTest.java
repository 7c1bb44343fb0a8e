package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.sysenv.Guests;

/** The text form of values: what each type accepts, what it refuses, and that printing reads back. */
class ValueTextTest {
    @ParameterizedTest
    @CsvSource({
        "42, 42", "-7, -7", "+7, 7", "0x1f, 31", "0X1F, 31", "-0x10, -16",
        "0xffffffff, -1", "4294967295, -1", "-2147483648, -2147483648", "2147483647, 2147483647"})
    void i32(String text, int expected) {
        assertThat(ValueText.parse(ValType.I32, text)).isEqualTo(Value.i32(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "-9223372036854775808, -9223372036854775808", "18446744073709551615, -1",
        "0x7fffffffffffffff, 9223372036854775807", "-0x8000000000000000, -9223372036854775808", "12, 12"})
    void i64(String text, long expected) {
        assertThat(ValueText.parse(ValType.I64, text)).isEqualTo(Value.i64(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "I32, 4294967296", "I32, -2147483649", "I32, 12x", "I32, 1.5", "I32, 0x", "I32, ''", "I32, ' 1'",
        "I64, 18446744073709551616", "I64, -9223372036854775809", "I64, 1e3"})
    void integersOutOfRangeOrMalformedAreRefused(String type, String text) {
        ValType valType = type.equals("I32") ? ValType.I32 : ValType.I64;
        assertThatThrownBy(() -> ValueText.parse(valType, text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining(valType.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 0x3fc00000", "-0.0, 0x80000000", "0x1.8p3, 0x41400000", "0x10, 0x41800000", "1e10, 0x501502f9",
        "inf, 0x7f800000", "-inf, 0xff800000", "+Infinity, 0x7f800000", "nan, 0x7fc00000", "-nan, 0xffc00000",
        "nan:0x1, 0x7f800001", "nan:0x7fffff, 0x7fffffff", ".5, 0x3f000000"})
    void f32KeepsItsBits(String text, String bits) {
        assertThat(ValueText.parse(ValType.F32, text).bits()).isEqualTo(Long.decode(bits));
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0x3fb999999999999a", "0x1.8p3, 0x4028000000000000", "-inf, 0xfff0000000000000",
        "nan:0x4000000000000, 0x7ff4000000000000", "-nan:0x1, 0xfff0000000000001", "1e-320, 0x00000000000007e8"})
    void f64KeepsItsBits(String text, String bits) {
        assertThat(ValueText.parse(ValType.F64, text).bits()).isEqualTo(Long.parseUnsignedLong(bits.substring(2), 16));
    }

    @ParameterizedTest
    @CsvSource({"F32, nan:0x0", "F32, nan:0x800000", "F64, nan:0x10000000000000", "F32, 1.5f", "F64, 1d",
        "F32, NaN:", "F64, 0x1p", "F32, e5", "F64, --1", "F64, infinite"})
    void malformedFloatsAreRefused(String type, String text) {
        ValType valType = type.equals("F32") ? ValType.F32 : ValType.F64;
        assertThatThrownBy(() -> ValueText.parse(valType, text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining(valType.toString());
    }

    @Test
    void v128IsOneIntegerWithTheHighBytesFirst() {
        assertThat(ValueText.parse(ValType.V128, "0x0102030405060708090a0b0c0d0e0f10"))
                .isEqualTo(Value.v128(0x090a0b0c0d0e0f10L, 0x0102030405060708L));
        assertThat(ValueText.parse(ValType.V128, "0x1")).isEqualTo(Value.v128(1, 0));
        assertThat(ValueText.parse(ValType.V128, "18446744073709551616")).isEqualTo(Value.v128(0, 1));
        assertThat(ValueText.parse(ValType.V128, "0x" + "f".repeat(32))).isEqualTo(Value.v128(-1, -1));
        for (String bad : new String[] {"0x1" + "0".repeat(32), "-1", "1.0", "0x"}) {
            assertThatThrownBy(() -> ValueText.parse(ValType.V128, bad)).hasMessageContaining("v128");
        }
    }

    @Test
    void onlyNullIsAReferenceAndOnlyForNullableTypes() {
        assertThat(ValueText.parse(ValType.FUNCREF, "null")).isEqualTo(Value.nullRef(ValType.FUNCREF));
        assertThat(ValueText.parse(ValType.EXTERNREF, "null").isNull()).isTrue();
        assertThatThrownBy(() -> ValueText.parse(ValType.EXTERNREF, "0")).hasMessage("'0' is not null, the only externref that can be given");
        assertThatThrownBy(() -> ValueText.parse(ValType.ref(false, HeapType.FUNC), "null"))
                .hasMessageContaining("non-null (ref func)");
    }

    @ParameterizedTest
    @CsvSource({
        "I32, 0xffffffff, -1", "I64, 0x8000000000000000, -9223372036854775808",
        "F32, 1.5, 1.5", "F32, 0.1, 0.1", "F32, 1e10, 1.0E10", "F32, -inf, -inf", "F32, nan, nan",
        "F32, -nan:0x1, -nan:0x1", "F64, 0.1, 0.1", "F64, inf, inf", "F64, nan:0x8000000000001, nan:0x8000000000001",
        "F64, -nan, -nan", "V128, 0x1, 0x00000000000000000000000000000001"})
    void printedValuesReadBack(String type, String text, String printed) {
        ValType valType = switch (type) {
            case "I32" -> ValType.I32;
            case "I64" -> ValType.I64;
            case "F32" -> ValType.F32;
            case "F64" -> ValType.F64;
            default -> ValType.V128;
        };
        Value value = ValueText.parse(valType, text);
        assertThat(ValueText.format(value)).isEqualTo(printed);
        assertThat(ValueText.parse(valType, printed)).isEqualTo(value);
    }

    @Test
    void referencesPrintAsNullFuncOrRef() {
        ExportedFunction function = Wasm.load(Guests.bytes("invoke")).instantiate().function("add");
        assertThat(ValueText.format(Value.nullRef(ValType.FUNCREF))).isEqualTo("null");
        assertThat(ValueText.format(Value.funcref(function))).isEqualTo("func");
        assertThat(ValueText.format(Value.externref("host object"))).isEqualTo("ref");
    }
}
