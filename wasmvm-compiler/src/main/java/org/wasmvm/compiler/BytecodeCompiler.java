package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.wasmvm.core.Module;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.tier.FunctionTiers;
import org.wasmvm.core.tier.JvmCode;
import org.wasmvm.core.tier.JvmCompiler;
import org.wasmvm.core.tier.JvmTypes;
import org.wasmvm.core.tier.SlotEntry;

/**
 * The compiler tier: compiles one wasm function into one hidden class (unloaded with its module)
 * holding a static method with the function's typed signature and a {@link SlotEntry} for callers
 * that hold raw slots. The class data is the module's {@code FunctionTiers}, through which its
 * direct calls link to their callees' call sites.
 */
public final class BytecodeCompiler implements JvmCompiler {
    /** HotSpot does not JIT-compile a method larger than this ({@code HugeMethodLimit}): it would run slower than the interpreter. */
    static final int HUGE_METHOD_LIMIT = 8000;
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final String SLOT_ENTRY = Type.getInternalName(SlotEntry.class);

    @Override
    public JvmCode compile(Module module, int functionIndex, int osrOperandBase, boolean metered) {
        IndexSpaces spaces = module.indexSpaces();
        FuncType type = spaces.functionType(functionIndex);
        FunctionBody body = module.model().codes().get(functionIndex - spaces.importedFunctionCount());
        MethodType methodType = JvmTypes.methodType(type);
        String className = "org/wasmvm/compiler/WasmFunction" + functionIndex;
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // frames only ever merge a type with itself
            }
        };
        writer.visit(V17, ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", new String[] {SLOT_ENTRY});
        MethodVisitor invoke = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "invoke", methodType.toMethodDescriptorString(), null, null);
        checkSize(new FunctionEmitter(module.model(), spaces, functionIndex, body, invoke, className, -1, metered).emit());
        emitSlotEntry(writer, className, type, methodType, metered);
        boolean[] osrLoops = null;
        if (osrOperandBase >= 0) {
            String osrDescriptor = "([JIIL" + FunctionEmitter.INSTANCE + ";)" + Type.getDescriptor(methodType.returnType());
            MethodVisitor osrInvoke = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "osrInvoke", osrDescriptor, null, null);
            var emitter = new FunctionEmitter(module.model(), spaces, functionIndex, body, osrInvoke, className, osrOperandBase, metered);
            checkSize(emitter.emit());
            osrLoops = emitter.osrLoops();
            emitOsrEntry(writer, className, type, osrDescriptor);
        }
        emitConstructor(writer);
        writer.visitEnd();
        byte[] bytes;
        try {
            bytes = writer.toByteArray();
        } catch (MethodTooLargeException e) {
            throw new UnsupportedOperationException("its bytecode exceeds 64 KiB", e);
        }
        return define(bytes, module.tiers(metered), methodType, osrLoops);
    }

    private static void checkSize(int size) {
        if (size > HUGE_METHOD_LIMIT) {
            throw new UnsupportedOperationException("its bytecode (" + size + " bytes) exceeds the JIT's limit of "
                    + HUGE_METHOD_LIMIT + " bytes");
        }
    }

    private static JvmCode define(byte[] bytes, FunctionTiers tiers, MethodType methodType, boolean[] osrLoops) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(bytes, tiers, true);
            Class<?> defined = hidden.lookupClass();
            MethodHandle handle = hidden.findStatic(defined, "invoke", methodType);
            var slots = (SlotEntry) hidden.findConstructor(defined, MethodType.methodType(void.class)).invoke();
            return new JvmCode(handle, slots, osrLoops);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the compiled class", e);
        }
    }

    /**
     * {@code call(long[] slots, int base, ModuleInstance)}: converts the argument slots, calls
     * {@code invoke} (with the depth the store counts), writes the results back. The caller has counted the call already, so one
     * budget unit is given back for the one {@code invoke}'s prologue takes.
     */
    private static void emitSlotEntry(ClassWriter writer, String className, FuncType type, MethodType methodType,
            boolean metered) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC, "call", "([JIL" + FunctionEmitter.INSTANCE + ";)V", null, null);
        var frame = new JvmFrame(mv, 4);
        mv.visitCode();
        if (metered) {
            mv.visitVarInsn(ALOAD, 3);
            mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "context", "()L" + FunctionEmitter.CONTEXT + ";", false);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "budget", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IADD);
            mv.visitFieldInsn(PUTFIELD, FunctionEmitter.CONTEXT, "budget", "I");
        }
        List<ValType> params = type.params();
        for (int i = 0; i < params.size(); i++) {
            slotAddress(mv, frame, i);
            mv.visitInsn(LALOAD);
            frame.fromSlot(params.get(i));
        }
        // depthLeft: the store counts the frames active before this one
        mv.visitVarInsn(ALOAD, 3);
        mv.visitMethodInsn(INVOKEVIRTUAL, FunctionEmitter.INSTANCE, "context", "()L" + FunctionEmitter.CONTEXT + ";", false);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "maxCallDepth", "I");
        mv.visitInsn(SWAP);
        mv.visitFieldInsn(GETFIELD, FunctionEmitter.CONTEXT, "callDepth", "I");
        mv.visitInsn(ISUB);
        mv.visitVarInsn(ALOAD, 3);
        mv.visitMethodInsn(INVOKESTATIC, className, "invoke", methodType.toMethodDescriptorString(), false);
        writeResults(mv, frame, type.results(), 4);
    }

    /** {@code osr(long[] slots, int fp, int loop, ModuleInstance)}: calls {@code osrInvoke}, writes the results at {@code fp}. */
    private static void emitOsrEntry(ClassWriter writer, String className, FuncType type, String osrDescriptor) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC, "osr", "([JIIL" + FunctionEmitter.INSTANCE + ";)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitVarInsn(ILOAD, 3);
        mv.visitVarInsn(ALOAD, 4);
        mv.visitMethodInsn(INVOKESTATIC, className, "osrInvoke", osrDescriptor, false);
        writeResults(mv, new JvmFrame(mv, 5), type.results(), 5);
    }

    /** Writes the result on the stack (a typed value, or {@code long[]} slots) to {@code slots[base…]} (locals 1 and 2) and returns. */
    private static void writeResults(MethodVisitor mv, JvmFrame frame, List<ValType> results, int scratch) {
        if (results.size() == 1) {
            frame.toSlot(results.get(0));
            mv.visitVarInsn(LSTORE, scratch);
            slotAddress(mv, frame, 0);
            mv.visitVarInsn(LLOAD, scratch);
            mv.visitInsn(LASTORE);
        } else if (results.size() > 1) {
            frame.iconst(0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ILOAD, 2);
            frame.iconst(results.size());
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void slotAddress(MethodVisitor mv, JvmFrame frame, int index) {
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ILOAD, 2);
        if (index > 0) {
            frame.iconst(index);
            mv.visitInsn(IADD);
        }
    }

    private static void emitConstructor(ClassWriter writer) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
