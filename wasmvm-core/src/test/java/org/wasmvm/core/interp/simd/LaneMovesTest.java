package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.extract;
import static org.wasmvm.core.interp.simd.Ops.reduce;
import static org.wasmvm.core.interp.simd.Ops.replace;
import static org.wasmvm.core.interp.simd.Ops.splat;
import static org.wasmvm.core.interp.simd.Ops.v128;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmvm.core.interp.simd.SimdVectors.Op;

class LaneMovesTest {
    /** The shuffle's immediate, written like a v128, gives the lane indexes of each half. */
    private static final Op SHUFFLE = (in, imm) -> {
        long[] indexes = SimdVectors.value(imm);
        return v128(LaneMoves.i8x16Shuffle(in[0][0], in[0][1], in[1][0], in[1][1], indexes[0]),
                LaneMoves.i8x16Shuffle(in[0][0], in[0][1], in[1][0], in[1][1], indexes[1]));
    };
    private static final Op SWIZZLE = (in, imm) -> v128(LaneMoves.i8x16Swizzle(in[0][0], in[0][1], in[1][0]),
            LaneMoves.i8x16Swizzle(in[0][0], in[0][1], in[1][1]));

    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("LaneMoves", Map.ofEntries(
                Map.entry("i8x16.splat", splat(LaneMoves::i8x16Splat)),
                Map.entry("i16x8.splat", splat(LaneMoves::i16x8Splat)),
                Map.entry("i32x4.splat", splat(LaneMoves::i32x4Splat)),
                Map.entry("i64x2.splat", splat(null)),
                Map.entry("f32x4.splat", splat(LaneMoves::i32x4Splat)),
                Map.entry("f64x2.splat", splat(null)),
                Map.entry("v128.load8_splat", splat(LaneMoves::i8x16Splat)),
                Map.entry("v128.load16_splat", splat(LaneMoves::i16x8Splat)),
                Map.entry("v128.load32_splat", splat(LaneMoves::i32x4Splat)),
                Map.entry("v128.load64_splat", splat(null)),
                Map.entry("i8x16.extract_lane_s", extract(16, LaneMoves::i8x16ExtractLaneS)),
                Map.entry("i8x16.extract_lane_u", extract(16, LaneMoves::i8x16ExtractLaneU)),
                Map.entry("i16x8.extract_lane_s", extract(8, LaneMoves::i16x8ExtractLaneS)),
                Map.entry("i16x8.extract_lane_u", extract(8, LaneMoves::i16x8ExtractLaneU)),
                Map.entry("i32x4.extract_lane", extract(4, LaneMoves::i32x4ExtractLane)),
                Map.entry("i64x2.extract_lane", extract(2, null)),
                Map.entry("f32x4.extract_lane", extract(4, LaneMoves::i32x4ExtractLane)),
                Map.entry("f64x2.extract_lane", extract(2, null)),
                Map.entry("v128.store8_lane", extract(16, LaneMoves::i8x16ExtractLaneU)),
                Map.entry("v128.store16_lane", extract(8, LaneMoves::i16x8ExtractLaneU)),
                Map.entry("v128.store32_lane", extract(4, LaneMoves::i32x4ExtractLane)),
                Map.entry("v128.store64_lane", extract(2, null)),
                Map.entry("i8x16.replace_lane", replace(16, LaneMoves::i8x16ReplaceLane)),
                Map.entry("i16x8.replace_lane", replace(8, LaneMoves::i16x8ReplaceLane)),
                Map.entry("i32x4.replace_lane", replace(4, LaneMoves::i32x4ReplaceLane)),
                Map.entry("i64x2.replace_lane", replace(2, null)),
                Map.entry("f32x4.replace_lane", replace(4, LaneMoves::i32x4ReplaceLane)),
                Map.entry("f64x2.replace_lane", replace(2, null)),
                Map.entry("v128.load8_lane", replace(16, LaneMoves::i8x16ReplaceLane)),
                Map.entry("v128.load16_lane", replace(8, LaneMoves::i16x8ReplaceLane)),
                Map.entry("v128.load32_lane", replace(4, LaneMoves::i32x4ReplaceLane)),
                Map.entry("v128.load64_lane", replace(2, null)),
                Map.entry("i8x16.shuffle", SHUFFLE),
                Map.entry("i8x16.swizzle", SWIZZLE),
                Map.entry("i8x16.bitmask", reduce(LaneMoves::i8x16Bitmask)),
                Map.entry("i16x8.bitmask", reduce(LaneMoves::i16x8Bitmask)),
                Map.entry("i32x4.bitmask", reduce(LaneMoves::i32x4Bitmask)),
                Map.entry("i64x2.bitmask", reduce(LaneMoves::i64x2Bitmask)),
                Map.entry("i8x16.all_true", reduce(LaneMoves::i8x16AllTrue)),
                Map.entry("i16x8.all_true", reduce(LaneMoves::i16x8AllTrue)),
                Map.entry("i32x4.all_true", reduce(LaneMoves::i32x4AllTrue)),
                Map.entry("i64x2.all_true", reduce(LaneMoves::i64x2AllTrue))));
    }
}
