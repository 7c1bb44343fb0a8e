package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.binary.AtomicOpcodes;
import org.wasmvm.core.runtime.AtomicModel;

/**
 * Every atomic load, store and read-modify-write instruction, as wasm code on whichever engine runs the tests
 * ({@code -Dwasmvm.engine}), against {@link AtomicModel}: one function per instruction and memory, on a shared
 * 32-bit memory and on an unshared 64-bit one (memory index 1), with a memarg offset, built here byte by byte.
 */
class AtomicInstructionsTest {
    private static final int OFFSET = 8;
    /** The 16-byte window the instructions work in, at {@code BASE + OFFSET}; each cell in it is aligned. */
    private static final int BASE = 96;
    private static final int FIRST = AtomicOpcodes.I32_ATOMIC_LOAD;
    private static Instance instance;

    @BeforeAll
    static void instantiate() {
        instance = new Store().instantiate(Wasm.load(module()));
    }

    private static String name(int sub, int memory) {
        return AtomicOpcodes.name(sub) + "/" + memory;
    }

    /** {@code (memory 1 1 shared) (memory i64 1 2)} and a function per instruction and memory: its operands are its params. */
    private static byte[] module() {
        var types = new Bytes();
        var functions = new Bytes();
        var exports = new Bytes();
        var code = new Bytes();
        int count = 0;
        for (int memory = 0; memory < 2; memory++) {
            for (int sub = FIRST; sub <= AtomicOpcodes.LAST; sub++) {
                int value = AtomicOpcodes.isI64(sub) ? 0x7E : 0x7F;
                int address = memory == 1 ? 0x7E : 0x7F;
                AtomicOpcodes.Shape shape = AtomicOpcodes.shape(sub);
                int operands = switch (shape) {
                    case LOAD -> 0;
                    case CMPXCHG -> 2;
                    default -> 1;
                };
                types.u(0x60).u(1 + operands).u(address);
                for (int i = 0; i < operands; i++) {
                    types.u(value);
                }
                if (shape == AtomicOpcodes.Shape.STORE) {
                    types.u(0);
                } else {
                    types.u(1).u(value);
                }
                functions.u(count);
                exports.name(name(sub, memory)).u(0).u(count);
                var body = new Bytes().u(0);
                for (int i = 0; i <= operands; i++) {
                    body.u(0x20).u(i);
                }
                body.op(0xFE).u(sub).u(AtomicOpcodes.naturalAlignment(sub) | (memory == 1 ? 0x40 : 0));
                if (memory == 1) {
                    body.u(1);
                }
                body.u(OFFSET).u(0x0B);
                code.u(body.size()).bytes(body);
                count++;
            }
        }
        var memories = new Bytes().u(2).u(0x03).u(1).u(1).u(0x05).u(1).u(2);
        var out = new Bytes();
        out.bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        out.section(1, new Bytes().u(count).bytes(types));
        out.section(3, new Bytes().u(count).bytes(functions));
        out.section(5, memories);
        out.section(7, new Bytes().u(count).bytes(exports));
        out.section(10, new Bytes().u(count).bytes(code));
        return out.toByteArray();
    }

    /** The address argument that makes the effective address {@code effective}. */
    private static Value address(int memory, long effective) {
        return memory == 1 ? Value.i64(effective - OFFSET) : Value.i32((int) (effective - OFFSET));
    }

    private static Value value(int sub, long bits) {
        return AtomicOpcodes.isI64(sub) ? Value.i64(bits) : Value.i32((int) bits);
    }

    private static long result(int sub, Value[] results) {
        return AtomicOpcodes.isI64(sub) ? results[0].asLong() : results[0].asInt() & 0xFFFF_FFFFL;
    }

    @Test
    void everyInstructionMatchesTheModel() {
        var random = new Random(2024);
        for (int memory = 0; memory < 2; memory++) {
            Memory bytes = instance.memory(memory);
            for (int sub = FIRST; sub <= AtomicOpcodes.LAST; sub++) {
                int width = 1 << AtomicOpcodes.naturalAlignment(sub);
                AtomicOpcodes.Shape shape = AtomicOpcodes.shape(sub);
                for (int at = 0; at < 16; at += width) {
                    byte[] window = new byte[16];
                    random.nextBytes(window);
                    bytes.write(BASE + OFFSET, window);
                    long operand = random.nextLong();
                    long replacement = random.nextLong();
                    if (shape == AtomicOpcodes.Shape.CMPXCHG && random.nextBoolean()) {
                        operand = AtomicModel.read(window, at, width); // found: replaced
                    }
                    long expected;
                    List<Value> args = new ArrayList<>(List.of(address(memory, BASE + OFFSET + at)));
                    switch (shape) {
                        case LOAD -> expected = AtomicModel.read(window, at, width);
                        case STORE -> {
                            AtomicModel.write(window, at, width, operand);
                            args.add(value(sub, operand));
                            expected = -1;
                        }
                        case RMW -> {
                            int op = (sub - AtomicOpcodes.FIRST_RMW) / 7;
                            expected = AtomicModel.readModifyWrite(window, at, width, op, operand, 0);
                            args.add(value(sub, operand));
                        }
                        default -> {
                            expected = AtomicModel.readModifyWrite(window, at, width, AtomicModel.CMPXCHG,
                                    truncated(sub, operand), truncated(sub, replacement));
                            args.add(value(sub, operand));
                            args.add(value(sub, replacement));
                        }
                    }
                    Value[] results = instance.function(name(sub, memory)).call(args.toArray(Value[]::new));
                    String what = name(sub, memory) + " at " + at;
                    if (shape != AtomicOpcodes.Shape.STORE) {
                        assertThat(result(sub, results)).as(what).isEqualTo(expected);
                    }
                    assertThat(bytes.read(BASE + OFFSET, 16)).as(what).isEqualTo(window);
                }
            }
        }
    }

    /** An operand as the instruction receives it: an i32 operand has 32 bits. */
    private static long truncated(int sub, long operand) {
        return AtomicOpcodes.isI64(sub) ? operand : operand & 0xFFFF_FFFFL;
    }

    @Test
    void unalignedAddressesTrapBeforeOutOfBoundsOnes() {
        for (int m = 0; m < 2; m++) {
            int memory = m;
            long size = instance.memory(memory).byteSize();
            for (int sub = FIRST; sub <= AtomicOpcodes.LAST; sub++) {
                int width = 1 << AtomicOpcodes.naturalAlignment(sub);
                ExportedFunction function = instance.function(name(sub, memory));
                int operands = function.type().params().size() - 1;
                Value zero = value(sub, 0);
                if (width > 1) {
                    for (long effective : new long[] {BASE + 1, size + width / 2, size - width / 2}) {
                        assertTraps(TrapKind.UNALIGNED_ATOMIC, () -> function.call(args(address(memory, effective), zero, operands)));
                    }
                }
                for (long effective : new long[] {size, size + 8 * width, 1L << 33}) {
                    assertTraps(TrapKind.MEMORY_OUT_OF_BOUNDS, () -> function.call(args(address(memory, effective), zero, operands)));
                }
            }
        }
    }

    private static Value[] args(Value address, Value operand, int operands) {
        Value[] args = new Value[1 + operands];
        args[0] = address;
        for (int i = 1; i < args.length; i++) {
            args[i] = operand;
        }
        return args;
    }

    private static void assertTraps(TrapKind kind, ThrowingCallable call) {
        assertThat(catchThrowableOfType(WasmTrap.class, call).kind()).isEqualTo(kind);
    }

    /** A module's bytes with LEB128 helpers. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes op(int b) {
            write(b);
            return this;
        }

        Bytes u(long value) {
            do {
                int b = (int) (value & 0x7F);
                value >>>= 7;
                write(value != 0 ? b | 0x80 : b);
            } while (value != 0);
            return this;
        }

        Bytes bytes(byte[] bytes) {
            writeBytes(bytes);
            return this;
        }

        Bytes bytes(Bytes bytes) {
            return bytes(bytes.toByteArray());
        }

        Bytes name(String name) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            return u(utf8.length).bytes(utf8);
        }

        Bytes section(int id, Bytes content) {
            return u(id).u(content.size()).bytes(content);
        }
    }
}
