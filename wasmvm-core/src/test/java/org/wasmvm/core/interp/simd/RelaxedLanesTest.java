package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.binary;
import static org.wasmvm.core.interp.simd.Ops.ternary;
import static org.wasmvm.core.interp.simd.Ops.unary;
import static org.wasmvm.core.interp.simd.Ops.v128;
import static org.wasmvm.core.interp.simd.Ops.zero;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmvm.core.interp.simd.SimdVectors.Op;

/** The relaxed instructions against the V8 tier scripts/simd-vectors.mjs names for each. */
class RelaxedLanesTest {
    private static final Op SWIZZLE = (in, imm) -> v128(RelaxedLanes.i8x16RelaxedSwizzle(in[0][0], in[0][1], in[1][0]),
            RelaxedLanes.i8x16RelaxedSwizzle(in[0][0], in[0][1], in[1][1]));

    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("RelaxedLanes", Map.ofEntries(
                Map.entry("i8x16.relaxed_swizzle", SWIZZLE),
                Map.entry("i32x4.relaxed_trunc_f32x4_s", unary(RelaxedLanes::i32x4RelaxedTruncF32x4S)),
                Map.entry("i32x4.relaxed_trunc_f32x4_u", unary(RelaxedLanes::i32x4RelaxedTruncF32x4U)),
                Map.entry("i32x4.relaxed_trunc_f64x2_s_zero", zero(RelaxedLanes::i32x4RelaxedTruncF64x2SZero)),
                Map.entry("i32x4.relaxed_trunc_f64x2_u_zero", zero(RelaxedLanes::i32x4RelaxedTruncF64x2UZero)),
                Map.entry("f32x4.relaxed_madd", ternary(RelaxedLanes::f32x4RelaxedMadd)),
                Map.entry("f32x4.relaxed_nmadd", ternary(RelaxedLanes::f32x4RelaxedNmadd)),
                Map.entry("f64x2.relaxed_madd", ternary(RelaxedLanes::f64x2RelaxedMadd)),
                Map.entry("f64x2.relaxed_nmadd", ternary(RelaxedLanes::f64x2RelaxedNmadd)),
                Map.entry("i8x16.relaxed_laneselect", ternary(RelaxedLanes::i8x16RelaxedLaneselect)),
                Map.entry("i16x8.relaxed_laneselect", ternary(RelaxedLanes::i16x8RelaxedLaneselect)),
                Map.entry("i32x4.relaxed_laneselect", ternary(RelaxedLanes::i32x4RelaxedLaneselect)),
                Map.entry("i64x2.relaxed_laneselect", ternary(RelaxedLanes::i64x2RelaxedLaneselect)),
                Map.entry("f32x4.relaxed_min", binary(RelaxedLanes::f32x4RelaxedMin)),
                Map.entry("f32x4.relaxed_max", binary(RelaxedLanes::f32x4RelaxedMax)),
                Map.entry("f64x2.relaxed_min", binary(RelaxedLanes::f64x2RelaxedMin)),
                Map.entry("f64x2.relaxed_max", binary(RelaxedLanes::f64x2RelaxedMax)),
                Map.entry("i16x8.relaxed_q15mulr_s", binary(RelaxedLanes::i16x8RelaxedQ15mulrS)),
                Map.entry("i16x8.relaxed_dot_i8x16_i7x16_s", binary(RelaxedLanes::i16x8RelaxedDotI8x16I7x16S)),
                Map.entry("i32x4.relaxed_dot_i8x16_i7x16_add_s", ternary(RelaxedLanes::i32x4RelaxedDotI8x16I7x16AddS))));
    }
}
