package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Ops.binary;
import static org.wasmvm.core.interp.simd.Ops.reduce;
import static org.wasmvm.core.interp.simd.Ops.shift;
import static org.wasmvm.core.interp.simd.Ops.ternary;
import static org.wasmvm.core.interp.simd.Ops.unary;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class BitwiseLanesTest {
    @TestFactory
    Stream<DynamicTest> agreesWithNode() {
        return SimdVectors.check("BitwiseLanes", Map.ofEntries(
                Map.entry("v128.not", unary(BitwiseLanes::v128Not)),
                Map.entry("v128.and", binary(BitwiseLanes::v128And)),
                Map.entry("v128.andnot", binary(BitwiseLanes::v128Andnot)),
                Map.entry("v128.or", binary(BitwiseLanes::v128Or)),
                Map.entry("v128.xor", binary(BitwiseLanes::v128Xor)),
                Map.entry("v128.bitselect", ternary(BitwiseLanes::v128Bitselect)),
                Map.entry("v128.any_true", reduce(BitwiseLanes::v128AnyTrue)),
                Map.entry("i8x16.popcnt", unary(BitwiseLanes::i8x16Popcnt)),
                Map.entry("i8x16.shl", shift(BitwiseLanes::i8x16Shl)),
                Map.entry("i8x16.shr_s", shift(BitwiseLanes::i8x16ShrS)),
                Map.entry("i8x16.shr_u", shift(BitwiseLanes::i8x16ShrU)),
                Map.entry("i16x8.shl", shift(BitwiseLanes::i16x8Shl)),
                Map.entry("i16x8.shr_s", shift(BitwiseLanes::i16x8ShrS)),
                Map.entry("i16x8.shr_u", shift(BitwiseLanes::i16x8ShrU)),
                Map.entry("i32x4.shl", shift(BitwiseLanes::i32x4Shl)),
                Map.entry("i32x4.shr_s", shift(BitwiseLanes::i32x4ShrS)),
                Map.entry("i32x4.shr_u", shift(BitwiseLanes::i32x4ShrU)),
                Map.entry("i64x2.shl", shift(BitwiseLanes::i64x2Shl)),
                Map.entry("i64x2.shr_s", shift(BitwiseLanes::i64x2ShrS)),
                Map.entry("i64x2.shr_u", shift(BitwiseLanes::i64x2ShrU))));
    }
}
