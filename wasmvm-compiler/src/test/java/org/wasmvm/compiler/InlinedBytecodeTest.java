package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

class InlinedBytecodeTest {
    private static final String LANES = "org/wasmvm/core/interp/simd/Lanes";
    private static final String FLOAT_LANES = "org/wasmvm/core/interp/simd/FloatLanes";
    private static final String VECTOR_ACCESS = "org/wasmvm/compiled/VectorAccess";
    private static final String MEMORY = "Lorg/wasmvm/core/runtime/LinearMemory;";

    @Test
    void aHelperCountsWhatItsStaticCallsInlineToo() {
        int add = InlinedBytecode.of(FLOAT_LANES, "f32x4Add", "(JJ)J");
        // f32x4Add reads four lanes (f32Low twice, f32High twice) and picks two NaNs
        int lanes = 2 * InlinedBytecode.of(LANES, "f32Low", "(J)F") + 2 * InlinedBytecode.of(LANES, "f32High", "(J)F")
                + 2 * InlinedBytecode.of(LANES, "nan", "(FFF)F");
        assertThat(InlinedBytecode.of(LANES, "f32Low", "(J)F")).isPositive();
        assertThat(add).isGreaterThan(lanes);
    }

    @Test
    void methodsOutsideWasmvmAndUnknownOnesCountNothing() {
        assertThat(InlinedBytecode.of("java/lang/Math", "max", "(II)I")).isZero();
        assertThat(InlinedBytecode.of(LANES, "noSuchMethod", "()V")).isZero();
    }

    @Test
    void theVectorAccessesStayUnderTheColdInliningLimit() {
        // C2 inlines a call site that is not hot only if the callee has at most 35 bytes (MaxInlineSize)
        for (int bits : new int[] {8, 16, 32, 64}) {
            assertThat(InlinedBytecode.of(VECTOR_ACCESS, "load" + bits, "(J" + MEMORY + ")J")).isBetween(1, 35);
            assertThat(InlinedBytecode.of(VECTOR_ACCESS, "store" + bits, "(JJ" + MEMORY + ")V")).isBetween(1, 35);
        }
    }

    @Test
    void callsAreCountedAsTheyAreEmitted() {
        var inlined = new InlinedBytecode();
        var writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, 0, "T", null, "java/lang/Object", null);
        var mv = writer.visitMethod(Opcodes.ACC_STATIC, "m", "()V", null, null);
        inlined.invokeStatic(mv, FLOAT_LANES, "f32x4Add", "(JJ)J");
        inlined.invokeStatic(mv, FLOAT_LANES, "f32x4Add", "(JJ)J");
        assertThat(inlined.total()).isEqualTo(2 * InlinedBytecode.of(FLOAT_LANES, "f32x4Add", "(JJ)J"));
    }
}
