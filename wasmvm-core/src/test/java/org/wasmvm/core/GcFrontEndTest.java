package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What the GC front end decides that the spec suite does not test: the JavaScript API's limit on
 * {@code array.new_fixed}, {@code br_on_cast}'s reserved flag bits, and {@code Features.gc}.
 */
class GcFrontEndTest {
    /** Types: 0 {@code (array i32)}, 1 {@code (func)}; function 0 of type 1. */
    private static final byte[] TYPES = {1, 7, 2, 0x5E, 0x7F, 0x00, 0x60, 0x00, 0x00};
    private static final byte[] FUNCTION = {3, 2, 1, 1};

    /** {@code unreachable; array.new_fixed 0 count; drop}, the count a two-byte LEB128. */
    private static byte[] newFixed(int count) {
        return ModuleBinary.of(TYPES, FUNCTION, new byte[] {10, 11, 1, 9, 0,
                0x00, (byte) 0xFB, 0x08, 0x00, (byte) (0x80 | (count & 0x7F)), (byte) (count >>> 7), 0x1A, 0x0B});
    }

    /** {@code block (result anyref) ref.null any; br_on_cast 0 flags any any end; drop}. */
    private static byte[] brOnCast(int flags) {
        return ModuleBinary.of(TYPES, FUNCTION, new byte[] {10, 16, 1, 14, 0, 0x02, 0x6E,
                (byte) 0xD0, 0x6E, (byte) 0xFB, 0x18, (byte) flags, 0x00, 0x6E, 0x6E, 0x0B, 0x1A, 0x0B});
    }

    @Test
    void arrayNewFixedTakesAtMostTenThousandOperands() {
        assertThatCode(() -> Wasm.load(newFixed(10_000))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Wasm.load(newFixed(10_001))).isInstanceOf(MalformedModuleException.class)
                .hasMessageContaining("too many array.new_fixed operands");
    }

    @Test
    void brOnCastFlagsHaveTwoBits() {
        assertThatCode(() -> Wasm.load(brOnCast(3))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Wasm.load(brOnCast(4))).isInstanceOf(MalformedModuleException.class)
                .hasMessageContaining("malformed br_on_cast flags");
    }

    @Test
    void withoutTheFeatureAGcInstructionIsIllegal() {
        Features noGc = new Features(true, true, true, true, true, true, true, true, false);
        assertThatThrownBy(() -> Wasm.load(brOnCast(0), noGc)).isInstanceOf(MalformedModuleException.class)
                .hasMessageContaining("illegal opcode fb");
    }
}
