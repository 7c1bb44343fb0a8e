package org.wasmvm.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * How much bytecode C2 inlines into one method being emitted, for its static calls into wasmvm's own
 * helpers: each callee's code length plus, at each static call site in it, that callee's, and so on,
 * read from the class files. C2 stops
 * inlining into a compilation once the bytecode inlined reaches {@code DesiredMethodLimit} (8 000
 * bytes, the root method included), so a method with many calls to lane helpers (each SIMD
 * instruction is one or two) must be split by that measure, not by its own size alone
 * (docs/RATIONALE.md, "Splitting vector functions by what C2 inlines").
 */
final class InlinedBytecode {
    /** C2 inlines no deeper than this ({@code MaxInlineLevel}). */
    private static final int MAX_DEPTH = 15;
    private static final Map<String, ClassCode> CLASSES = new ConcurrentHashMap<>();

    private int total;

    /** Emits a static call to {@code owner.name descriptor}, counting what C2 will inline for it. */
    void invokeStatic(MethodVisitor mv, String owner, String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
        total += of(owner, name, descriptor);
    }

    /** The bytecode the calls emitted so far inline. */
    int total() {
        return total;
    }

    /** The bytecode C2 would inline for {@code owner.name descriptor}; 0 for a method outside wasmvm. */
    static int of(String owner, String name, String descriptor) {
        return of(owner, name + descriptor, 0);
    }

    private static int of(String owner, String method, int depth) {
        if (!owner.startsWith("org/wasmvm/") || depth > MAX_DEPTH) {
            return 0;
        }
        MethodCode code = CLASSES.computeIfAbsent(owner, InlinedBytecode::read).methods().get(method);
        if (code == null) {
            return 0;
        }
        int total = code.length();
        for (String[] call : code.staticCalls()) {
            total += of(call[0], call[1], depth + 1);
        }
        return total;
    }

    private record MethodCode(int length, List<String[]> staticCalls) {
    }

    private record ClassCode(Map<String, MethodCode> methods) {
    }

    /** Each method's code length (a label placed after its last instruction) and its static calls. */
    private static ClassCode read(String owner) {
        Map<String, MethodCode> methods = new HashMap<>();
        try (InputStream in = InlinedBytecode.class.getClassLoader().getResourceAsStream(owner + ".class")) {
            if (in == null) {
                return new ClassCode(methods);
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9, new ClassWriter(0)) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    List<String[]> calls = new ArrayList<>();
                    return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                        @Override
                        public void visitMethodInsn(int opcode, String callee, String calleeName, String calleeDescriptor,
                                boolean isInterface) {
                            if (opcode == Opcodes.INVOKESTATIC) {
                                calls.add(new String[] {callee, calleeName + calleeDescriptor});
                            }
                            super.visitMethodInsn(opcode, callee, calleeName, calleeDescriptor, isInterface);
                        }

                        @Override
                        public void visitMaxs(int maxStack, int maxLocals) {
                            Label end = new Label();
                            super.visitLabel(end);
                            methods.put(name + descriptor, new MethodCode(end.getOffset(), calls));
                            super.visitMaxs(maxStack, maxLocals);
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClassCode(methods);
    }
}
