package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.binary.WasmBytes.bytes;

import org.junit.jupiter.api.Test;
import org.wasmvm.core.MalformedModuleException;

/** LEB128 edge cases: the largest and smallest values, padding, overlong and overflowing encodings. */
class ByteReaderTest {
    private static ByteReader reader(int... b) {
        return new ByteReader(bytes(b));
    }

    private static void assertMalformed(Runnable read, String reason) {
        assertThatThrownBy(read::run).isInstanceOf(MalformedModuleException.class)
                .extracting(e -> ((MalformedModuleException) e).reason()).asString().contains(reason);
    }

    @Test
    void u32Extremes() {
        assertThat(reader(0x00).u32()).isZero();
        assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).u32()).isEqualTo(-1); // 2^32-1, same bits
        assertThat(reader(0x80, 0x80, 0x80, 0x80, 0x00).u32()).isZero(); // padded to 5 bytes
    }

    @Test
    void u32Overflow() {
        assertMalformed(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F).u32(), "integer too large");
        assertMalformed(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32(), "integer representation too long");
        assertMalformed(() -> reader(0x80, 0x80).u32(), "unexpected end");
    }

    @Test
    void u32IndexRejectsValuesAboveIntMax() {
        assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).u32Index()).isEqualTo(Integer.MAX_VALUE);
        assertMalformed(() -> reader(0x80, 0x80, 0x80, 0x80, 0x08).u32Index(), "integer too large");
    }

    @Test
    void s32Extremes() {
        assertThat(reader(0x7F).s32()).isEqualTo(-1);
        assertThat(reader(0x3F).s32()).isEqualTo(63);
        assertThat(reader(0x40).s32()).isEqualTo(-64);
        assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).s32()).isEqualTo(Integer.MAX_VALUE);
        assertThat(reader(0x80, 0x80, 0x80, 0x80, 0x78).s32()).isEqualTo(Integer.MIN_VALUE);
        assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).s32()).isEqualTo(-1); // padded
    }

    @Test
    void s32UnusedBitsMustMatchTheSign() {
        assertMalformed(() -> reader(0x80, 0x80, 0x80, 0x80, 0x70).s32(), "integer too large");
        assertMalformed(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).s32(), "integer too large");
        // a bad last byte is "too large" even when it also has the continuation bit
        assertMalformed(() -> reader(0x80, 0x80, 0x80, 0x80, 0x8F).s32(), "integer too large");
        assertMalformed(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s32(), "integer representation too long");
    }

    @Test
    void s64Extremes() {
        assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00).s64()).isEqualTo(Long.MAX_VALUE);
        assertThat(reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).s64()).isEqualTo(Long.MIN_VALUE);
        assertMalformed(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).s64(), "integer too large");
        assertMalformed(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s64(),
                "integer representation too long");
    }

    @Test
    void u64Extremes() {
        assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).u64()).isEqualTo(-1L);
        assertMalformed(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02).u64(), "integer too large");
    }

    @Test
    void s33BlockTypeIndices() {
        assertThat(reader(0x40).s33()).isEqualTo(-64);
        assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).s33()).isEqualTo(0xFFFFFFFFL);
        assertMalformed(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F).s33(), "integer too large");
    }

    @Test
    void lengthMayNotExceedTheInput() {
        assertThat(reader(0x02, 0xAA).length()).isEqualTo(2); // counted from the start of the LEB, as the spec interpreter
        assertMalformed(() -> reader(0x03, 0xAA).length(), "length out of bounds");
        assertMalformed(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).length(), "length out of bounds");
    }

    @Test
    void namesAreStrictUtf8() {
        assertThat(reader(0x03, 'a', 0xC3, 0xA9).name()).isEqualTo("aé");
        assertMalformed(() -> reader(0x02, 0xC0, 0x80).name(), "malformed UTF-8 encoding"); // overlong NUL
        assertMalformed(() -> reader(0x03, 0xED, 0xA0, 0x80).name(), "malformed UTF-8 encoding"); // surrogate
        assertMalformed(() -> reader(0x04, 0xF4, 0x90, 0x80, 0x80).name(), "malformed UTF-8 encoding"); // > U+10FFFF
        assertMalformed(() -> reader(0x05, 'a').name(), "length out of bounds");
    }
}
