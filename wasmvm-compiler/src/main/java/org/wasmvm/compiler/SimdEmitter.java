package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.SimdOpcodes.*;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.interp.simd.SimdCalls;
import org.wasmvm.core.interp.simd.SimdCalls.Shape;
import org.wasmvm.core.model.ValType;

/**
 * The SIMD instructions ({@code 0xFD} prefix). A {@code v128} is two {@code long}s ({@link JvmFrame}):
 * an instruction moves its vector operands into scratch locals and calls the lane arithmetic of
 * {@code interp.simd} once per half, as {@link SimdCalls} describes it (the interpreter calls the same
 * methods on the same halves), leaving the result's two halves on the stack; C2 inlines the calls and
 * keeps the halves in registers. Nothing is allocated. Loads and stores go through {@link org.wasmvm.compiled.VectorAccess}.
 */
final class SimdEmitter {
    private static final String VECTOR_ACCESS = "org/wasmvm/compiled/VectorAccess";
    private static final String MEMORY = "Lorg/wasmvm/core/runtime/LinearMemory;";

    private final MethodVisitor mv;
    private final OperandTypes types;
    private final JvmFrame frame;
    private final MemoryEmitter memory;
    private final TrapSites traps;
    /** Counts what C2 inlines of the lane helpers and accesses called (the splitter measures it). */
    private final InlinedBytecode inlined;
    /** The instruction being emitted, and its immediates. */
    private int sub;
    private int lane;
    private long low;
    private long high;

    SimdEmitter(MethodVisitor mv, OperandTypes types, JvmFrame frame, MemoryEmitter memory, TrapSites traps,
            InlinedBytecode inlined) {
        this.mv = mv;
        this.inlined = inlined;
        this.types = types;
        this.frame = frame;
        this.memory = memory;
        this.traps = traps;
    }

    /** Reads the immediates of {@code sub} (the prefix and sub-opcode read) and, if reachable, emits it. */
    void instruction(int sub, int offset, ByteReader in, boolean reachable) {
        this.sub = sub;
        switch (SimdOpcodes.immediate(sub)) {
            case MEMARG -> memory.readMemarg(in);
            case MEMARG_LANE -> {
                memory.readMemarg(in);
                lane = in.u8();
            }
            case LANE -> lane = in.u8();
            case BYTES16 -> {
                low = in.f64Bits();
                high = in.f64Bits();
            }
            case NONE -> {
            }
        }
        if (!reachable) {
            return;
        }
        SimdCalls.Call call = SimdCalls.of(sub);
        ValType result = result(sub, call.shape());
        switch (call.shape()) {
            case LOAD, STORE, LOAD_EXTEND, LOAD_SPLAT, LOAD_ZERO, LOAD_LANE, STORE_LANE ->
                    traps.site(offset, () -> access(call));
            default -> operate(call);
        }
        types.pop(operands(call.shape()));
        if (result != null) {
            types.push(result);
        }
    }

    private void operate(SimdCalls.Call call) {
        switch (call.shape()) {
            case CONST -> {
                frame.lconst(low);
                frame.lconst(high);
            }
            case UNARY -> {
                int high = frame.scratch(ValType.I64, 0);
                mv.visitVarInsn(LSTORE, high);
                invoke(call, "(J)J");
                mv.visitVarInsn(LLOAD, high);
                invoke(call, "(J)J");
            }
            case BINARY -> {
                int highs = lowsOnTop();
                invoke(call, "(JJ)J");
                loadHighs(highs);
                invoke(call, "(JJ)J");
            }
            case TERNARY -> {
                int c = spill(2);
                int highs = lowsOnTop();
                loadLow(c);
                invoke(call, "(JJJ)J");
                loadHighs(highs);
                loadHigh(c);
                invoke(call, "(JJJ)J");
            }
            case SHIFT -> {
                int count = frame.scratch(ValType.I32, 0);
                mv.visitVarInsn(ISTORE, count);
                int a = spill(0);
                loadLow(a);
                mv.visitVarInsn(ILOAD, count);
                invoke(call, "(JI)J");
                loadHigh(a);
                mv.visitVarInsn(ILOAD, count);
                invoke(call, "(JI)J");
            }
            case REDUCE -> invoke(call, "(JJ)I");
            case NARROW -> {
                int b = spill(1);
                invoke(call, "(JJ)J");
                frame.load(ValType.V128, b);
                invoke(call, "(JJ)J");
            }
            case ZERO -> {
                invoke(call, "(JJ)J");
                mv.visitInsn(LCONST_0);
            }
            case WIDEN_LOW, WIDEN_HIGH -> {
                keepHalf(call.shape() == Shape.WIDEN_LOW);
                widen(call);
            }
            case EXTMUL_LOW, EXTMUL_HIGH -> {
                int half = call.shape() == Shape.EXTMUL_LOW ? 0 : 2;
                int b = spill(1) + half;
                int a = spill(0) + half;
                for (int shift = 0; shift <= 32; shift += 32) {
                    quarter(a, shift);
                    quarter(b, shift);
                    invoke(call, "(II)J");
                }
            }
            case SPLAT -> {
                frame.toSlot(types.peek(0));
                splat(call);
            }
            case EXTRACT -> {
                extract(call);
                ValType scalar = result(sub, Shape.EXTRACT);
                if (call.method() != null && scalar == ValType.F32) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                } else if (call.method() == null) {
                    frame.fromSlot(scalar);
                }
            }
            case REPLACE -> {
                frame.toSlot(types.peek(0));
                int scalar = frame.scratch(ValType.I64, 0);
                mv.visitVarInsn(LSTORE, scalar);
                replace(call, spill(0), scalar);
            }
            case SHUFFLE -> {
                int b = spill(1);
                int a = spill(0);
                for (long indexes : new long[] {low, high}) {
                    frame.load(ValType.V128, a);
                    frame.load(ValType.V128, b);
                    frame.lconst(indexes);
                    invoke(call, "(JJJJJ)J");
                }
            }
            case SWIZZLE -> {
                int b = spill(1);
                int a = spill(0);
                frame.load(ValType.V128, a);
                loadLow(b);
                invoke(call, "(JJJ)J");
                frame.load(ValType.V128, a);
                loadHigh(b);
                invoke(call, "(JJJ)J");
            }
            default -> throw new IllegalStateException("not an arithmetic shape: " + call);
        }
    }

    /** A load or store: the vector operand (if any) spilled, then the effective address into a scratch local. */
    private void access(SimdCalls.Call call) {
        Shape shape = call.shape();
        int vector = shape == Shape.STORE || shape == Shape.LOAD_LANE || shape == Shape.STORE_LANE ? spill(0) : -1;
        memory.address();
        int address = frame.scratch(ValType.I64, 1);
        mv.visitVarInsn(LSTORE, address);
        int bytes = SimdCalls.accessBytes(sub);
        switch (shape) {
            case LOAD -> {
                int upper = frame.scratch(ValType.I64, 0);
                mv.visitVarInsn(LLOAD, address);
                memory.pushMemory();
                inlined.invokeStatic(mv, VECTOR_ACCESS, "loadHigh", "(J" + MEMORY + ")J");
                mv.visitVarInsn(LSTORE, upper);
                load(address, 8);
                mv.visitVarInsn(LLOAD, upper);
            }
            case STORE -> {
                mv.visitVarInsn(LLOAD, address);
                loadHigh(vector);
                memory.pushMemory();
                inlined.invokeStatic(mv, VECTOR_ACCESS, "storeHigh", "(JJ" + MEMORY + ")V");
                mv.visitVarInsn(LLOAD, address);
                loadLow(vector);
                store(8);
            }
            case LOAD_EXTEND -> {
                load(address, 8);
                widen(call);
            }
            case LOAD_SPLAT -> {
                load(address, bytes);
                splat(call);
            }
            case LOAD_ZERO -> {
                load(address, bytes);
                mv.visitInsn(LCONST_0);
            }
            case LOAD_LANE -> {
                load(address, bytes);
                int scalar = frame.scratch(ValType.I64, 0);
                mv.visitVarInsn(LSTORE, scalar);
                replace(call, vector, scalar);
            }
            case STORE_LANE -> {
                mv.visitVarInsn(LLOAD, address);
                frame.load(ValType.V128, vector);
                extract(call);
                if (call.method() != null) {
                    mv.visitInsn(I2L);
                }
                store(bytes);
            }
            default -> throw new IllegalStateException("not a memory shape: " + call);
        }
    }

    /** Pushes {@code bytes} loaded at the address in local {@code address}, zero-extended. */
    private void load(int address, int bytes) {
        mv.visitVarInsn(LLOAD, address);
        memory.pushMemory();
        inlined.invokeStatic(mv, VECTOR_ACCESS, "load" + bytes * 8, "(J" + MEMORY + ")J");
    }

    /** With an address and a value (both {@code long}) on the stack: stores the value's low {@code bytes}. */
    private void store(int bytes) {
        memory.pushMemory();
        inlined.invokeStatic(mv, VECTOR_ACCESS, "store" + bytes * 8, "(JJ" + MEMORY + ")V");
    }

    /** Both halves from the two 32-bit quarters of the {@code long} on top, juggled on the stack (a store would end ASM's basic block). */
    private void widen(SimdCalls.Call call) {
        mv.visitInsn(DUP2);
        mv.visitInsn(L2I);
        invoke(call, "(I)J"); // bits, low result
        mv.visitInsn(DUP2_X2);
        mv.visitInsn(POP2); // low result, bits
        frame.iconst(32);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        invoke(call, "(I)J");
    }

    /** With a v128 on top: keeps its low half, or its high one. */
    private void keepHalf(boolean low) {
        if (!low) {
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
        }
        mv.visitInsn(POP2);
    }

    /**
     * With two v128s on top: leaves their low halves there and their high halves in the first v128
     * scratch local (returned): two stores rather than four (in a method with an
     * exception handler, ASM starts a basic block after each store, with a frame of its own).
     */
    private int lowsOnTop() {
        int highs = frame.scratch(ValType.V128, 0); // two longs side by side
        mv.visitVarInsn(LSTORE, highs + 2); // b's high
        mv.visitInsn(DUP2_X2); // a.lo b.lo a.hi b.lo
        mv.visitInsn(POP2);
        mv.visitVarInsn(LSTORE, highs); // a's high
        return highs;
    }

    /** Pushes the high halves {@link #lowsOnTop} stored. */
    private void loadHighs(int highs) {
        mv.visitVarInsn(LLOAD, highs);
        mv.visitVarInsn(LLOAD, highs + 2);
    }

    /** Pushes the 32 bits at {@code shift} of the {@code long} in local {@code half}. */
    private void quarter(int half, int shift) {
        mv.visitVarInsn(LLOAD, half);
        if (shift > 0) {
            frame.iconst(shift);
            mv.visitInsn(LUSHR);
        }
        mv.visitInsn(L2I);
    }

    /** With a scalar's raw slot on top: both halves of its splat. */
    private void splat(SimdCalls.Call call) {
        if (call.method() != null) {
            mv.visitInsn(L2I);
            invoke(call, "(I)J");
        }
        mv.visitInsn(DUP2);
    }

    /** Replaces the v128 on top by its immediate lane: an {@code int}, or the half for a 64-bit lane. */
    private void extract(SimdCalls.Call call) {
        keepHalf(lane < SimdCalls.lanes(sub) / 2);
        if (call.method() != null) {
            frame.iconst(lane);
            invoke(call, "(JI)I");
        }
    }

    /** Pushes the vector in local {@code vector} with its immediate lane replaced by the raw scalar in local {@code scalar}. */
    private void replace(SimdCalls.Call call, int vector, int scalar) {
        boolean inLow = lane < SimdCalls.lanes(sub) / 2;
        for (int half = vector; half <= vector + 2; half += 2) {
            if ((half == vector) != inLow) {
                mv.visitVarInsn(LLOAD, half);
            } else if (call.method() == null) {
                mv.visitVarInsn(LLOAD, scalar);
            } else {
                mv.visitVarInsn(LLOAD, half);
                frame.iconst(lane);
                mv.visitVarInsn(LLOAD, scalar);
                mv.visitInsn(L2I);
                invoke(call, "(JII)J");
            }
        }
    }

    /** Pops the v128 on top into the {@code index}-th v128 scratch local; returns it (the low half there, the high at +2). */
    private int spill(int index) {
        int slot = frame.scratch(ValType.V128, index);
        frame.store(ValType.V128, slot);
        return slot;
    }

    private void loadLow(int vector) {
        mv.visitVarInsn(LLOAD, vector);
    }

    private void loadHigh(int vector) {
        mv.visitVarInsn(LLOAD, vector + 2);
    }

    private void invoke(SimdCalls.Call call, String descriptor) {
        inlined.invokeStatic(mv, Type.getInternalName(call.owner()), call.method(), descriptor);
    }

    private static int operands(Shape shape) {
        return switch (shape) {
            case CONST -> 0;
            case UNARY, REDUCE, ZERO, WIDEN_LOW, WIDEN_HIGH, SPLAT, EXTRACT, LOAD, LOAD_EXTEND, LOAD_SPLAT, LOAD_ZERO -> 1;
            case TERNARY -> 3;
            default -> 2;
        };
    }

    /** The result type, null for a store. */
    private static ValType result(int sub, Shape shape) {
        return switch (shape) {
            case REDUCE -> ValType.I32;
            case STORE, STORE_LANE -> null;
            case EXTRACT -> switch (sub) {
                case I64X2_EXTRACT_LANE -> ValType.I64;
                case F32X4_EXTRACT_LANE -> ValType.F32;
                case F64X2_EXTRACT_LANE -> ValType.F64;
                default -> ValType.I32;
            };
            default -> ValType.V128;
        };
    }
}
