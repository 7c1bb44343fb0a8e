package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.Opcodes.*;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.MemArgFlags;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;

/**
 * Memory and table instructions: loads and stores call {@link org.wasmvm.compiled.MemoryAccess} with the memory kept in
 * a local (a {@code LinearMemory} object stays the same when it grows, so the local never goes
 * stale); size, growth, bulk and table instructions widen their operands and call {@link org.wasmvm.compiled.RuntimeCalls}.
 */
final class MemoryEmitter {
    static final String RUNTIME_CALLS = "org/wasmvm/compiled/RuntimeCalls";
    private static final String ACCESS = "org/wasmvm/compiled/MemoryAccess";
    private static final String MEMORY = "Lorg/wasmvm/core/runtime/LinearMemory;";
    private static final String INSTANCE = "L" + FunctionEmitter.INSTANCE + ";";
    private static final String[] LOAD_NAMES = {"i32Load", "i64Load", "f32Load", "f64Load", "i32Load8S", "i32Load8U",
        "i32Load16S", "i32Load16U", "i64Load8S", "i64Load8U", "i64Load16S", "i64Load16U", "i64Load32S", "i64Load32U"};
    private static final ValType[] LOAD_TYPES = {ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.I32,
        ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.I64, ValType.I64, ValType.I64, ValType.I64, ValType.I64};
    private static final String[] STORE_NAMES = {"i32Store", "i64Store", "f32Store", "f64Store", "i32Store8",
        "i32Store16", "i64Store8", "i64Store16", "i64Store32"};

    private final MethodVisitor mv;
    private final OperandTypes types;
    private final JvmFrame frame;
    private final IndexSpaces spaces;
    private final int instanceSlot;
    /** The JVM local of each memory the body uses, loaded in the prologue. */
    private final Map<Integer, Integer> memorySlots = new HashMap<>();
    private int first;
    private int second;
    private long offset;

    MemoryEmitter(MethodVisitor mv, OperandTypes types, JvmFrame frame, IndexSpaces spaces, int instanceSlot) {
        this.mv = mv;
        this.types = types;
        this.frame = frame;
        this.spaces = spaces;
        this.instanceSlot = instanceSlot;
    }

    boolean isMemoryOrTable(int op) {
        return (op >= I32_LOAD && op <= MEMORY_GROW) || (op >= MEMORY_INIT && op <= TABLE_FILL) || op == TABLE_GET
                || op == TABLE_SET;
    }

    /** Whether {@code op} can trap (everything but size, growth and the drops). */
    static boolean traps(int op) {
        return op != MEMORY_SIZE && op != MEMORY_GROW && op != DATA_DROP && op != ELEM_DROP && op != TABLE_SIZE
                && op != TABLE_GROW;
    }

    void readImmediates(int op, ByteReader in) {
        if (op >= I32_LOAD && op <= I64_STORE32) {
            readMemarg(in);
        } else if (op == MEMORY_INIT || op == MEMORY_COPY || op == TABLE_INIT || op == TABLE_COPY) {
            first = in.u32();
            second = in.u32();
        } else {
            first = in.u32();
        }
    }

    /** A memory argument: its memory (for {@link #address} and {@link #pushMemory}) and offset. */
    void readMemarg(ByteReader in) {
        first = MemArgFlags.hasMemoryIndex(in.u32()) ? in.u32() : 0;
        offset = in.u64();
    }

    /** With the address operand of the access whose memory argument was read on top: replaces it by the effective address, a {@code long}. */
    void address() {
        frame.lconst(offset);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "address", "(" + (memory64(first) ? "J" : "I") + "J)J", false);
    }

    /** As {@link #address()}, for an atomic access of {@code width} bytes: it traps first when unaligned. */
    void atomicAddress(int width) {
        frame.lconst(offset);
        frame.iconst(width);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "atomicAddress", "(" + (memory64(first) ? "J" : "I") + "JI)J", false);
    }

    /** Pushes the memory of the access whose memory argument was read. */
    void pushMemory() {
        memory(first);
    }

    void emit(int op) {
        if (op >= I32_LOAD && op <= I64_LOAD32_U) {
            access(LOAD_NAMES[op - I32_LOAD], 1, LOAD_TYPES[op - I32_LOAD]);
        } else if (op >= I32_STORE && op <= I64_STORE32) {
            access(STORE_NAMES[op - I32_STORE], 2, null);
        } else {
            switch (op) {
                case MEMORY_SIZE -> {
                    memory(first);
                    mv.visitMethodInsn(INVOKESTATIC, RUNTIME_CALLS, "memorySize", "(" + MEMORY + ")J", false);
                    pushIndex(memory64(first));
                }
                case MEMORY_GROW -> {
                    widen(1);
                    memory(first);
                    mv.visitMethodInsn(INVOKESTATIC, RUNTIME_CALLS, "memoryGrow", "(J" + MEMORY + ")J", false);
                    types.pop();
                    pushIndex(memory64(first));
                }
                case MEMORY_FILL -> bulk("memoryFill", 1);
                case MEMORY_COPY, MEMORY_INIT, TABLE_COPY, TABLE_INIT -> bulk(switch (op) {
                    case MEMORY_COPY -> "memoryCopy";
                    case MEMORY_INIT -> "memoryInit";
                    case TABLE_COPY -> "tableCopy";
                    default -> "tableInit";
                }, 2);
                case DATA_DROP, ELEM_DROP -> {
                    mv.visitVarInsn(ALOAD, instanceSlot);
                    frame.iconst(first);
                    mv.visitMethodInsn(INVOKESTATIC, RUNTIME_CALLS, op == DATA_DROP ? "dataDrop" : "elemDrop",
                            "(" + INSTANCE + "I)V", false);
                }
                case TABLE_SIZE -> {
                    call("tableSize", "(" + INSTANCE + "I)J", 0);
                    pushIndex(table64(first));
                }
                case TABLE_GET -> {
                    widen(1);
                    call("tableGet", "(J" + INSTANCE + "I)Ljava/lang/Object;", 1);
                    types.push(spaces.table(first).elementType());
                }
                case TABLE_SET -> {
                    widen(2);
                    call("tableSet", "(JLjava/lang/Object;" + INSTANCE + "I)V", 2);
                }
                case TABLE_GROW -> {
                    widen(1);
                    call("tableGrow", "(Ljava/lang/Object;J" + INSTANCE + "I)J", 2);
                    pushIndex(table64(first));
                }
                case TABLE_FILL -> {
                    widen(3);
                    call("tableFill", "(JLjava/lang/Object;J" + INSTANCE + "I)V", 3);
                }
                default -> throw new IllegalStateException("not a memory or table instruction: 0x" + Integer.toHexString(op));
            }
        }
    }

    /** A load ({@code result} non-null) or store: operands, the offset, the memory, one call. */
    private void access(String name, int operands, ValType result) {
        boolean wide = memory64(first);
        frame.lconst(offset);
        memory(first);
        String address = wide ? "J" : "I";
        String descriptor = result != null
                ? "(" + address + "J" + MEMORY + ")" + JvmFrame.jvmType(result).getDescriptor()
                : "(" + address + JvmFrame.jvmType(types.peek(0)).getDescriptor() + "J" + MEMORY + ")V";
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, name, descriptor, false);
        types.pop(operands);
        if (result != null) {
            types.push(result);
        }
    }

    /** A three-operand bulk instruction with {@code immediates} immediates (first, second). */
    private void bulk(String name, int immediates) {
        widen(3);
        mv.visitVarInsn(ALOAD, instanceSlot);
        frame.iconst(first);
        if (immediates == 2) {
            frame.iconst(second);
        }
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME_CALLS, name, "(JJJ" + INSTANCE + (immediates == 2 ? "II" : "I") + ")V", false);
        types.pop(3);
    }

    private void call(String name, String descriptor, int operands) {
        mv.visitVarInsn(ALOAD, instanceSlot);
        frame.iconst(first);
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME_CALLS, name, descriptor, false);
        types.pop(operands);
    }

    /** A size or old size: i64 for 64-bit memories and tables, else i32 (the helpers return it sign-extended). */
    private void pushIndex(boolean wide) {
        if (!wide) {
            mv.visitInsn(L2I);
        }
        types.push(wide ? ValType.I64 : ValType.I32);
    }

    /** Converts the top {@code count} operands to raw {@code long}s in place (through scratch locals); references stay objects. */
    private void widen(int count) {
        int[] slots = new int[count];
        int ints = 0, longs = 0, floats = 0, doubles = 0, refs = 0;
        for (int i = 0; i < count; i++) {
            ValType valType = types.peek(i);
            int index = switch (valType.kind()) {
                case I32 -> ints++;
                case F32 -> floats++;
                case F64 -> doubles++;
                case REF -> refs++;
                default -> longs++;
            };
            slots[i] = frame.scratch(valType, index);
            frame.store(valType, slots[i]);
        }
        for (int i = count - 1; i >= 0; i--) {
            ValType valType = types.peek(i);
            frame.load(valType, slots[i]);
            if (!valType.isReference()) {
                frame.toSlot(valType);
            }
        }
    }

    private boolean memory64(int index) {
        return spaces.memory(index).is64();
    }

    private boolean table64(int index) {
        return spaces.table(index).limits().is64();
    }

    private void memory(int index) {
        mv.visitVarInsn(ALOAD, memorySlots.computeIfAbsent(index, i -> frame.allocateReference()));
    }

    /** Loads each memory the body used into its local. */
    void emitPrologue() {
        memorySlots.forEach((index, slot) -> {
            mv.visitVarInsn(ALOAD, instanceSlot);
            mv.visitFieldInsn(GETFIELD, FunctionEmitter.INSTANCE, "memories", "[" + MEMORY);
            frame.iconst(index);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ASTORE, slot);
        });
    }
}
