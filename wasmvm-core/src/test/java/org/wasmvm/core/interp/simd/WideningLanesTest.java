package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.binary;
import static org.wasmvm.core.interp.simd.Ops.loadExtend;
import static org.wasmvm.core.interp.simd.Ops.narrow;
import static org.wasmvm.core.interp.simd.Ops.unary;
import static org.wasmvm.core.interp.simd.Ops.widen;
import static org.wasmvm.core.interp.simd.Ops.widen2;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class WideningLanesTest {
    private static final boolean LOW = false, HIGH = true;

    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("WideningLanes", Map.ofEntries(
                Map.entry("v128.load8x8_s", loadExtend(WideningLanes::i16x8ExtendI8x16S)),
                Map.entry("v128.load8x8_u", loadExtend(WideningLanes::i16x8ExtendI8x16U)),
                Map.entry("v128.load16x4_s", loadExtend(WideningLanes::i32x4ExtendI16x8S)),
                Map.entry("v128.load16x4_u", loadExtend(WideningLanes::i32x4ExtendI16x8U)),
                Map.entry("v128.load32x2_s", loadExtend(WideningLanes::i64x2ExtendI32x4S)),
                Map.entry("v128.load32x2_u", loadExtend(WideningLanes::i64x2ExtendI32x4U)),
                Map.entry("i8x16.narrow_i16x8_s", narrow(WideningLanes::i8x16NarrowI16x8S)),
                Map.entry("i8x16.narrow_i16x8_u", narrow(WideningLanes::i8x16NarrowI16x8U)),
                Map.entry("i16x8.narrow_i32x4_s", narrow(WideningLanes::i16x8NarrowI32x4S)),
                Map.entry("i16x8.narrow_i32x4_u", narrow(WideningLanes::i16x8NarrowI32x4U)),
                Map.entry("i16x8.extadd_pairwise_i8x16_s", unary(WideningLanes::i16x8ExtaddPairwiseI8x16S)),
                Map.entry("i16x8.extadd_pairwise_i8x16_u", unary(WideningLanes::i16x8ExtaddPairwiseI8x16U)),
                Map.entry("i32x4.extadd_pairwise_i16x8_s", unary(WideningLanes::i32x4ExtaddPairwiseI16x8S)),
                Map.entry("i32x4.extadd_pairwise_i16x8_u", unary(WideningLanes::i32x4ExtaddPairwiseI16x8U)),
                Map.entry("i32x4.dot_i16x8_s", binary(WideningLanes::i32x4DotI16x8S)),
                Map.entry("i16x8.extend_low_i8x16_s", widen(WideningLanes::i16x8ExtendI8x16S, LOW)),
                Map.entry("i16x8.extend_high_i8x16_s", widen(WideningLanes::i16x8ExtendI8x16S, HIGH)),
                Map.entry("i16x8.extend_low_i8x16_u", widen(WideningLanes::i16x8ExtendI8x16U, LOW)),
                Map.entry("i16x8.extend_high_i8x16_u", widen(WideningLanes::i16x8ExtendI8x16U, HIGH)),
                Map.entry("i16x8.extmul_low_i8x16_s", widen2(WideningLanes::i16x8ExtmulI8x16S, LOW)),
                Map.entry("i16x8.extmul_high_i8x16_s", widen2(WideningLanes::i16x8ExtmulI8x16S, HIGH)),
                Map.entry("i16x8.extmul_low_i8x16_u", widen2(WideningLanes::i16x8ExtmulI8x16U, LOW)),
                Map.entry("i16x8.extmul_high_i8x16_u", widen2(WideningLanes::i16x8ExtmulI8x16U, HIGH)),
                Map.entry("i32x4.extend_low_i16x8_s", widen(WideningLanes::i32x4ExtendI16x8S, LOW)),
                Map.entry("i32x4.extend_high_i16x8_s", widen(WideningLanes::i32x4ExtendI16x8S, HIGH)),
                Map.entry("i32x4.extend_low_i16x8_u", widen(WideningLanes::i32x4ExtendI16x8U, LOW)),
                Map.entry("i32x4.extend_high_i16x8_u", widen(WideningLanes::i32x4ExtendI16x8U, HIGH)),
                Map.entry("i32x4.extmul_low_i16x8_s", widen2(WideningLanes::i32x4ExtmulI16x8S, LOW)),
                Map.entry("i32x4.extmul_high_i16x8_s", widen2(WideningLanes::i32x4ExtmulI16x8S, HIGH)),
                Map.entry("i32x4.extmul_low_i16x8_u", widen2(WideningLanes::i32x4ExtmulI16x8U, LOW)),
                Map.entry("i32x4.extmul_high_i16x8_u", widen2(WideningLanes::i32x4ExtmulI16x8U, HIGH)),
                Map.entry("i64x2.extend_low_i32x4_s", widen(WideningLanes::i64x2ExtendI32x4S, LOW)),
                Map.entry("i64x2.extend_high_i32x4_s", widen(WideningLanes::i64x2ExtendI32x4S, HIGH)),
                Map.entry("i64x2.extend_low_i32x4_u", widen(WideningLanes::i64x2ExtendI32x4U, LOW)),
                Map.entry("i64x2.extend_high_i32x4_u", widen(WideningLanes::i64x2ExtendI32x4U, HIGH)),
                Map.entry("i64x2.extmul_low_i32x4_s", widen2(WideningLanes::i64x2ExtmulI32x4S, LOW)),
                Map.entry("i64x2.extmul_high_i32x4_s", widen2(WideningLanes::i64x2ExtmulI32x4S, HIGH)),
                Map.entry("i64x2.extmul_low_i32x4_u", widen2(WideningLanes::i64x2ExtmulI32x4U, LOW)),
                Map.entry("i64x2.extmul_high_i32x4_u", widen2(WideningLanes::i64x2ExtmulI32x4U, HIGH))));
    }
}
