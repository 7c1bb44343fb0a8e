package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.wasmvm.core.interp.Interpreter;

/**
 * The interpreter's dispatch stays a tree of small switches: C1, which compiles the loop in the tiered
 * engine, tests a switch's cases one after another, so one switch over every opcode cost a synthesis
 * about 20 ns per instruction (RATIONALE "The dispatch is a tree of switches"). The SIMD instructions
 * switch over their shape, then over one range of lane operations.
 */
class DispatchShapeTest {
    /** The most keys one switch of the dispatch may span: C1's compares for the last of them stay cheap. */
    private static final int MOST_KEYS = 48;

    @Test
    void noSwitchOfTheDispatchLoopSpansManyOpcodes() throws IOException {
        List<Integer> spans = switchSpans(Interpreter.class, "execute", null);
        assertThat(spans).hasSizeGreaterThanOrEqualTo(8).allSatisfy(span -> assertThat(span).isLessThanOrEqualTo(MOST_KEYS));
    }

    @Test
    void theSimdInstructionsSwitchOverShapesThenOverRangesOfLaneOperations() throws IOException, ReflectiveOperationException {
        Class<?> simd = Class.forName("org.wasmvm.core.interp.SimdHandlers");
        assertThat(switchSpans(simd, "execute", null)).singleElement().satisfies(span -> assertThat(span).isLessThan(32));
        assertThat(switchSpans(simd, "laneWise", "(IJJ)J")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(span -> assertThat(span).isLessThanOrEqualTo(MOST_KEYS));
    }

    /** How many keys each switch in the methods named {@code name} (of {@code descriptor}, unless null) spans. */
    private static List<Integer> switchSpans(Class<?> type, String name, String descriptor) throws IOException {
        List<Integer> spans = new ArrayList<>();
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String methodDescriptor, String signature,
                        String[] exceptions) {
                    boolean wanted = method.equals(name) && (descriptor == null || descriptor.equals(methodDescriptor));
                    return !wanted ? null : new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                            spans.add(max - min + 1);
                        }

                        @Override
                        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                            spans.add(keys.length == 0 ? 0 : keys[keys.length - 1] - keys[0] + 1);
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return spans;
    }
}
