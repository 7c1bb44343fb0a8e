package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.binary;
import static org.wasmvm.core.interp.simd.Ops.unary;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class IntegerLanesTest {
    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("IntegerLanes", Map.ofEntries(
                Map.entry("i8x16.abs", unary(IntegerLanes::i8x16Abs)),
                Map.entry("i8x16.neg", unary(IntegerLanes::i8x16Neg)),
                Map.entry("i8x16.add", binary(IntegerLanes::i8x16Add)),
                Map.entry("i8x16.add_sat_s", binary(IntegerLanes::i8x16AddSatS)),
                Map.entry("i8x16.add_sat_u", binary(IntegerLanes::i8x16AddSatU)),
                Map.entry("i8x16.sub", binary(IntegerLanes::i8x16Sub)),
                Map.entry("i8x16.sub_sat_s", binary(IntegerLanes::i8x16SubSatS)),
                Map.entry("i8x16.sub_sat_u", binary(IntegerLanes::i8x16SubSatU)),
                Map.entry("i8x16.min_s", binary(IntegerLanes::i8x16MinS)),
                Map.entry("i8x16.min_u", binary(IntegerLanes::i8x16MinU)),
                Map.entry("i8x16.max_s", binary(IntegerLanes::i8x16MaxS)),
                Map.entry("i8x16.max_u", binary(IntegerLanes::i8x16MaxU)),
                Map.entry("i8x16.avgr_u", binary(IntegerLanes::i8x16AvgrU)),
                Map.entry("i16x8.abs", unary(IntegerLanes::i16x8Abs)),
                Map.entry("i16x8.neg", unary(IntegerLanes::i16x8Neg)),
                Map.entry("i16x8.q15mulr_sat_s", binary(IntegerLanes::i16x8Q15mulrSatS)),
                Map.entry("i16x8.add", binary(IntegerLanes::i16x8Add)),
                Map.entry("i16x8.add_sat_s", binary(IntegerLanes::i16x8AddSatS)),
                Map.entry("i16x8.add_sat_u", binary(IntegerLanes::i16x8AddSatU)),
                Map.entry("i16x8.sub", binary(IntegerLanes::i16x8Sub)),
                Map.entry("i16x8.sub_sat_s", binary(IntegerLanes::i16x8SubSatS)),
                Map.entry("i16x8.sub_sat_u", binary(IntegerLanes::i16x8SubSatU)),
                Map.entry("i16x8.mul", binary(IntegerLanes::i16x8Mul)),
                Map.entry("i16x8.min_s", binary(IntegerLanes::i16x8MinS)),
                Map.entry("i16x8.min_u", binary(IntegerLanes::i16x8MinU)),
                Map.entry("i16x8.max_s", binary(IntegerLanes::i16x8MaxS)),
                Map.entry("i16x8.max_u", binary(IntegerLanes::i16x8MaxU)),
                Map.entry("i16x8.avgr_u", binary(IntegerLanes::i16x8AvgrU)),
                Map.entry("i32x4.abs", unary(IntegerLanes::i32x4Abs)),
                Map.entry("i32x4.neg", unary(IntegerLanes::i32x4Neg)),
                Map.entry("i32x4.add", binary(IntegerLanes::i32x4Add)),
                Map.entry("i32x4.sub", binary(IntegerLanes::i32x4Sub)),
                Map.entry("i32x4.mul", binary(IntegerLanes::i32x4Mul)),
                Map.entry("i32x4.min_s", binary(IntegerLanes::i32x4MinS)),
                Map.entry("i32x4.min_u", binary(IntegerLanes::i32x4MinU)),
                Map.entry("i32x4.max_s", binary(IntegerLanes::i32x4MaxS)),
                Map.entry("i32x4.max_u", binary(IntegerLanes::i32x4MaxU)),
                Map.entry("i64x2.abs", unary(IntegerLanes::i64x2Abs)),
                Map.entry("i64x2.neg", unary(IntegerLanes::i64x2Neg)),
                Map.entry("i64x2.add", binary(IntegerLanes::i64x2Add)),
                Map.entry("i64x2.sub", binary(IntegerLanes::i64x2Sub)),
                Map.entry("i64x2.mul", binary(IntegerLanes::i64x2Mul))));
    }
}
