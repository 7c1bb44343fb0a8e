package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.tier.JvmCompiler;

/**
 * The JIT advice keeps C2 off the code generator's package ({@link JvmCompiler#GENERATOR_PACKAGE}), so the
 * generated classes and everything their code calls must live elsewhere: else C2 would be kept off
 * optimized wasm code or the helpers baseline code calls (RATIONALE "C2 stays off the code generators").
 */
class GeneratedCodePackageTest {
    @ParameterizedTest
    @ValueSource(strings = {"hello", "big-memory", "simd", "threads", "traps", "loops", "reference-boundaries", "exceptions-compiled",
        "tail-calls", "gc"})
    void generatedCodeNeitherLivesInNorCallsTheGeneratorPackage(String name) throws IOException {
        assertThat(BytecodeCompiler.class.getName().replace('.', '/')).startsWith(JvmCompiler.GENERATOR_PACKAGE);
        try (InputStream in = GeneratedCodePackageTest.class.getResourceAsStream("/modules/" + name + ".wasm")) {
            ModuleCode code = Wasm.load(in.readAllBytes()).code();
            int imported = code.indexSpaces().importedFunctionCount();
            Set<String> owners = new TreeSet<>();
            for (int function = imported; function < imported + code.model().codes().size(); function++) {
                for (boolean baseline : new boolean[] {false, true}) {
                    ClassReader reader = new ClassReader(new BytecodeCompiler().compile(code, function, -1, false, baseline).classFile());
                    owners.add(reader.getClassName());
                    reader.accept(new OwnerCollector(owners), 0);
                }
            }
            assertThat(owners).anyMatch(owner -> owner.startsWith("org/wasmvm/compiled/"))
                    .noneMatch(owner -> owner.startsWith(JvmCompiler.GENERATOR_PACKAGE));
        }
    }

    /** The classes a class file's code refers to: owners of the fields and methods it uses, bootstrap methods. */
    private static final class OwnerCollector extends ClassVisitor {
        private final Set<String> owners;

        OwnerCollector(Set<String> owners) {
            super(Opcodes.ASM9);
            this.owners = owners;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
                    owners.add(owner);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    owners.add(owner);
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap, Object... arguments) {
                    owners.add(bootstrap.getOwner());
                }
            };
        }
    }
}
