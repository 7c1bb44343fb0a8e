package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.binary;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class IntegerComparisonsTest {
    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("IntegerComparisons", Map.ofEntries(
                Map.entry("i8x16.eq", binary(IntegerComparisons::i8x16Eq)),
                Map.entry("i8x16.ne", binary(IntegerComparisons::i8x16Ne)),
                Map.entry("i8x16.lt_s", binary(IntegerComparisons::i8x16LtS)),
                Map.entry("i8x16.lt_u", binary(IntegerComparisons::i8x16LtU)),
                Map.entry("i8x16.gt_s", binary(IntegerComparisons::i8x16GtS)),
                Map.entry("i8x16.gt_u", binary(IntegerComparisons::i8x16GtU)),
                Map.entry("i8x16.le_s", binary(IntegerComparisons::i8x16LeS)),
                Map.entry("i8x16.le_u", binary(IntegerComparisons::i8x16LeU)),
                Map.entry("i8x16.ge_s", binary(IntegerComparisons::i8x16GeS)),
                Map.entry("i8x16.ge_u", binary(IntegerComparisons::i8x16GeU)),
                Map.entry("i16x8.eq", binary(IntegerComparisons::i16x8Eq)),
                Map.entry("i16x8.ne", binary(IntegerComparisons::i16x8Ne)),
                Map.entry("i16x8.lt_s", binary(IntegerComparisons::i16x8LtS)),
                Map.entry("i16x8.lt_u", binary(IntegerComparisons::i16x8LtU)),
                Map.entry("i16x8.gt_s", binary(IntegerComparisons::i16x8GtS)),
                Map.entry("i16x8.gt_u", binary(IntegerComparisons::i16x8GtU)),
                Map.entry("i16x8.le_s", binary(IntegerComparisons::i16x8LeS)),
                Map.entry("i16x8.le_u", binary(IntegerComparisons::i16x8LeU)),
                Map.entry("i16x8.ge_s", binary(IntegerComparisons::i16x8GeS)),
                Map.entry("i16x8.ge_u", binary(IntegerComparisons::i16x8GeU)),
                Map.entry("i32x4.eq", binary(IntegerComparisons::i32x4Eq)),
                Map.entry("i32x4.ne", binary(IntegerComparisons::i32x4Ne)),
                Map.entry("i32x4.lt_s", binary(IntegerComparisons::i32x4LtS)),
                Map.entry("i32x4.lt_u", binary(IntegerComparisons::i32x4LtU)),
                Map.entry("i32x4.gt_s", binary(IntegerComparisons::i32x4GtS)),
                Map.entry("i32x4.gt_u", binary(IntegerComparisons::i32x4GtU)),
                Map.entry("i32x4.le_s", binary(IntegerComparisons::i32x4LeS)),
                Map.entry("i32x4.le_u", binary(IntegerComparisons::i32x4LeU)),
                Map.entry("i32x4.ge_s", binary(IntegerComparisons::i32x4GeS)),
                Map.entry("i32x4.ge_u", binary(IntegerComparisons::i32x4GeU)),
                Map.entry("i64x2.eq", binary(IntegerComparisons::i64x2Eq)),
                Map.entry("i64x2.ne", binary(IntegerComparisons::i64x2Ne)),
                Map.entry("i64x2.lt_s", binary(IntegerComparisons::i64x2LtS)),
                Map.entry("i64x2.gt_s", binary(IntegerComparisons::i64x2GtS)),
                Map.entry("i64x2.le_s", binary(IntegerComparisons::i64x2LeS)),
                Map.entry("i64x2.ge_s", binary(IntegerComparisons::i64x2GeS))));
    }
}
