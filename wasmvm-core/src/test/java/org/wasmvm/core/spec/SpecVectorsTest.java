package org.wasmvm.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Value;
import org.wasmvm.core.gc.I31;
import org.wasmvm.core.model.ValType;

/** The runner's reading of the 3.0 suite's v128 values and reference patterns. */
class SpecVectorsTest {
    @Test
    void lanesFillTheVectorFromTheLowBytes() {
        var v = SpecVectors.parse(SpecValue.vector("i32", List.of("1", "2", "3", "4294967295")));
        assertEquals(0x0000000200000001L, v.low());
        assertEquals(0xffffffff00000003L, v.high());
        var bytes = SpecVectors.parse(SpecValue.vector("i8", List.of(
                "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "255")));
        assertEquals(0x0706050403020100L, bytes.low());
        assertEquals(0xff0e0d0c0b0a0908L, bytes.high());
    }

    @Test
    void aVectorNeedsExactlyItsLaneCount() {
        assertThrows(IllegalArgumentException.class, () -> SpecVectors.parse(SpecValue.vector("i64", List.of("1"))));
    }

    @Test
    void floatLanesMatchByNanClass() {
        var result = new SpecVectors.V128(0x7fc000017fc00000L, 0x3f8000003f800000L); // lanes: qNaN, qNaN+1, 1.0, 1.0
        var canonicalThenArithmetic = SpecValue.vector("f32",
                List.of("nan:canonical", "nan:arithmetic", "1065353216", "1065353216"));
        var canonicalTwice = SpecValue.vector("f32",
                List.of("nan:canonical", "nan:canonical", "1065353216", "1065353216"));
        assertTrue(SpecVectors.matches(canonicalThenArithmetic, result));
        assertFalse(SpecVectors.matches(canonicalTwice, result));
        assertTrue(SpecVectors.matches(SpecValue.either(List.of(canonicalTwice, canonicalThenArithmetic)), result));
    }

    @Test
    void aNullOfAnyHeapTypeMatchesAnyNullAndPatternsWantNonNull() {
        Value seven = Value.externref(new SpecValues.HostRef(7));
        assertTrue(SpecValues.matches(SpecValue.of("nofuncref", "null"), Value.nullRef(ValType.FUNCREF)));
        assertTrue(SpecValues.matches(SpecValue.of("ref", "null"), Value.nullRef(ValType.EXTERNREF)));
        assertTrue(SpecValues.matches(SpecValue.of("ref", null), seven));
        assertFalse(SpecValues.matches(SpecValue.of("funcref", null), Value.nullRef(ValType.FUNCREF)));
        assertFalse(SpecValues.matches(SpecValue.of("funcref", null), seven));
        assertFalse(SpecValues.matches(SpecValue.of("externref", null), Value.fromRef(ValType.FUNCREF, new Object())));
        assertTrue(SpecValues.matches(SpecValue.of("externref", "7"), seven));
        assertFalse(SpecValues.matches(SpecValue.of("externref", "8"), seven));
        assertFalse(SpecValues.matches(SpecValue.of("anyref", null), seven));
        assertTrue(SpecValues.matches(SpecValue.of("anyref", null), Value.fromRef(ValType.ANYREF, seven.ref())));
        assertTrue(SpecValues.matches(SpecValue.of("i31ref", null), Value.fromRef(ValType.I31REF, I31.of(7))));
        assertFalse(SpecValues.matches(SpecValue.of("eqref", null), Value.fromRef(ValType.ANYREF, seven.ref())));
    }
}
