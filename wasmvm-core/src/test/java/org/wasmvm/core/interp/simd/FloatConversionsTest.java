package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.unary;
import static org.wasmvm.core.interp.simd.Ops.widen;
import static org.wasmvm.core.interp.simd.Ops.zero;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class FloatConversionsTest {
    private static final boolean LOW = false;

    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("FloatConversions", Map.ofEntries(
                Map.entry("f32x4.demote_f64x2_zero", zero(FloatConversions::f32x4DemoteF64x2Zero)),
                Map.entry("f64x2.promote_low_f32x4", widen(FloatConversions::f64x2PromoteLowF32x4, LOW)),
                Map.entry("i32x4.trunc_sat_f32x4_s", unary(FloatConversions::i32x4TruncSatF32x4S)),
                Map.entry("i32x4.trunc_sat_f32x4_u", unary(FloatConversions::i32x4TruncSatF32x4U)),
                Map.entry("f32x4.convert_i32x4_s", unary(FloatConversions::f32x4ConvertI32x4S)),
                Map.entry("f32x4.convert_i32x4_u", unary(FloatConversions::f32x4ConvertI32x4U)),
                Map.entry("i32x4.trunc_sat_f64x2_s_zero", zero(FloatConversions::i32x4TruncSatF64x2SZero)),
                Map.entry("i32x4.trunc_sat_f64x2_u_zero", zero(FloatConversions::i32x4TruncSatF64x2UZero)),
                Map.entry("f64x2.convert_low_i32x4_s", widen(FloatConversions::f64x2ConvertLowI32x4S, LOW)),
                Map.entry("f64x2.convert_low_i32x4_u", widen(FloatConversions::f64x2ConvertLowI32x4U, LOW))));
    }
}
