package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.binary;
import static org.wasmvm.core.interp.simd.Ops.unary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FloatLanesTest {
    /** The engines' tiers must agree on a NaN's bits (node's vectors accept any NaN): the first NaN operand, quieted, else x86's default. */
    @Test
    void aNaNResultIsTheFirstNaNOperandQuieted() {
        long negativeNaN = 0xFFA0_0001L; // signaling, payload 0x200001
        long positiveNaN = 0x7FC0_0002L;
        long infinity = 0x7F80_0000L;
        long a = negativeNaN | infinity << 32;
        long b = positiveNaN | infinity << 32;
        assertThat(FloatLanes.f32x4Add(a, b)).isEqualTo(0xFFE0_0001L | 0x7F80_0000L << 32);
        assertThat(FloatLanes.f32x4Add(b, a)).isEqualTo(0x7FC0_0002L | 0x7F80_0000L << 32);
        assertThat(FloatLanes.f32x4Sub(infinity, infinity) & 0xFFFF_FFFFL).isEqualTo(0xFFC0_0000L);
        assertThat(FloatLanes.f64x2Mul(0x7FF0_0000_0000_0005L, 0xFFF8_0000_0000_0000L)).isEqualTo(0x7FF8_0000_0000_0005L);
        assertThat(FloatLanes.f64x2Div(0, 0)).isEqualTo(0xFFF8_0000_0000_0000L);
    }

    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("FloatLanes", Map.ofEntries(
                Map.entry("f32x4.abs", unary(FloatLanes::f32x4Abs)),
                Map.entry("f32x4.neg", unary(FloatLanes::f32x4Neg)),
                Map.entry("f32x4.sqrt", unary(FloatLanes::f32x4Sqrt)),
                Map.entry("f32x4.ceil", unary(FloatLanes::f32x4Ceil)),
                Map.entry("f32x4.floor", unary(FloatLanes::f32x4Floor)),
                Map.entry("f32x4.trunc", unary(FloatLanes::f32x4Trunc)),
                Map.entry("f32x4.nearest", unary(FloatLanes::f32x4Nearest)),
                Map.entry("f32x4.add", binary(FloatLanes::f32x4Add)),
                Map.entry("f32x4.sub", binary(FloatLanes::f32x4Sub)),
                Map.entry("f32x4.mul", binary(FloatLanes::f32x4Mul)),
                Map.entry("f32x4.div", binary(FloatLanes::f32x4Div)),
                Map.entry("f32x4.min", binary(FloatLanes::f32x4Min)),
                Map.entry("f32x4.max", binary(FloatLanes::f32x4Max)),
                Map.entry("f32x4.pmin", binary(FloatLanes::f32x4Pmin)),
                Map.entry("f32x4.pmax", binary(FloatLanes::f32x4Pmax)),
                Map.entry("f32x4.eq", binary(FloatLanes::f32x4Eq)),
                Map.entry("f32x4.ne", binary(FloatLanes::f32x4Ne)),
                Map.entry("f32x4.lt", binary(FloatLanes::f32x4Lt)),
                Map.entry("f32x4.gt", binary(FloatLanes::f32x4Gt)),
                Map.entry("f32x4.le", binary(FloatLanes::f32x4Le)),
                Map.entry("f32x4.ge", binary(FloatLanes::f32x4Ge)),
                Map.entry("f64x2.abs", unary(FloatLanes::f64x2Abs)),
                Map.entry("f64x2.neg", unary(FloatLanes::f64x2Neg)),
                Map.entry("f64x2.sqrt", unary(FloatLanes::f64x2Sqrt)),
                Map.entry("f64x2.ceil", unary(FloatLanes::f64x2Ceil)),
                Map.entry("f64x2.floor", unary(FloatLanes::f64x2Floor)),
                Map.entry("f64x2.trunc", unary(FloatLanes::f64x2Trunc)),
                Map.entry("f64x2.nearest", unary(FloatLanes::f64x2Nearest)),
                Map.entry("f64x2.add", binary(FloatLanes::f64x2Add)),
                Map.entry("f64x2.sub", binary(FloatLanes::f64x2Sub)),
                Map.entry("f64x2.mul", binary(FloatLanes::f64x2Mul)),
                Map.entry("f64x2.div", binary(FloatLanes::f64x2Div)),
                Map.entry("f64x2.min", binary(FloatLanes::f64x2Min)),
                Map.entry("f64x2.max", binary(FloatLanes::f64x2Max)),
                Map.entry("f64x2.pmin", binary(FloatLanes::f64x2Pmin)),
                Map.entry("f64x2.pmax", binary(FloatLanes::f64x2Pmax)),
                Map.entry("f64x2.eq", binary(FloatLanes::f64x2Eq)),
                Map.entry("f64x2.ne", binary(FloatLanes::f64x2Ne)),
                Map.entry("f64x2.lt", binary(FloatLanes::f64x2Lt)),
                Map.entry("f64x2.gt", binary(FloatLanes::f64x2Gt)),
                Map.entry("f64x2.le", binary(FloatLanes::f64x2Le)),
                Map.entry("f64x2.ge", binary(FloatLanes::f64x2Ge))));
    }
}
