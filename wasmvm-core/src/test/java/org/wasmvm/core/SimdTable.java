package org.wasmvm.core;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wasmvm.core.model.ValType;

/**
 * The SIMD instructions as wabt describes them ({@code simd-opcodes.tsv}, transcribed from its
 * {@code opcode.def}): an account of the instruction set that owes nothing to wasmvm's own tables, for the
 * tests that check those.
 */
public final class SimdTable {
    /**
     * One instruction.
     *
     * @param sub its sub-opcode
     * @param mnemonic its text-format name, e.g. {@code i8x16.add}
     * @param params its operand types, bottom first (a memory access's address is an {@code i32})
     * @param result its result type, or {@code null}
     * @param memoryBytes how many bytes a load or store accesses, 0 for every other instruction
     */
    public record Row(int sub, String mnemonic, List<ValType> params, ValType result, int memoryBytes) {
        /** The Java constant's name wasmvm should use, e.g. {@code I8X16_ADD}. */
        public String constantName() {
            return mnemonic.toUpperCase(Locale.ROOT).replace('.', '_');
        }

        /** Whether a lane index byte follows (after the memarg, for a memory access). */
        public boolean hasLaneIndex() {
            return mnemonic.matches(".*_lane(_[su])?"); // not relaxed_laneselect
        }

        /** Whether 16 bytes follow: a constant, or a shuffle's lane indices. */
        public boolean hasSixteenBytes() {
            return mnemonic.equals("v128.const") || mnemonic.equals("i8x16.shuffle");
        }

        /**
         * How many lanes a lane index may name: the lanes of the shape ({@code i16x8} has 8), or for a lane
         * load or store the lanes of its access size.
         */
        public int lanes() {
            if (memoryBytes > 0) {
                return 16 / memoryBytes;
            }
            return Integer.parseInt(mnemonic.substring(mnemonic.indexOf('x') + 1, mnemonic.indexOf('.')));
        }

        /** log2 of {@link #memoryBytes}: the largest alignment a memarg may give. */
        public int naturalAlignment() {
            return Integer.numberOfTrailingZeros(memoryBytes);
        }

        /**
         * The instruction in the binary format: {@code 0xFD}, the sub-opcode, then its immediates: a memarg of
         * alignment {@code alignment} and offset 0 (memory 0), {@code lane} as the lane index (every lane index
         * of a shuffle), or a constant's bytes 0, 1, ..., 15.
         */
        public byte[] encode(int alignment, int lane) {
            var out = new ByteArrayOutputStream();
            out.write(0xFD);
            for (int v = sub; ; v >>>= 7) { // the sub-opcode as an unsigned LEB128
                if (v < 0x80) {
                    out.write(v);
                    break;
                }
                out.write(v & 0x7F | 0x80);
            }
            if (memoryBytes > 0) {
                out.write(alignment);
                out.write(0);
            }
            if (hasLaneIndex()) {
                out.write(lane);
            }
            if (hasSixteenBytes()) {
                for (int i = 0; i < 16; i++) {
                    out.write(mnemonic.equals("i8x16.shuffle") ? lane : i);
                }
            }
            return out.toByteArray();
        }
    }

    private static final List<Row> ROWS = read();

    private SimdTable() {
    }

    public static List<Row> rows() {
        return ROWS;
    }

    private static List<Row> read() {
        try (InputStream in = SimdTable.class.getResourceAsStream("/simd-opcodes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("simd-opcodes.tsv is not on the test class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(SimdTable::row)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(String line) {
        String[] f = line.split("\t");
        List<ValType> params = f[2].equals("-") ? List.of() : Arrays.stream(f[2].split(" ")).map(SimdTable::type).toList();
        ValType result = f[3].equals("-") ? null : type(f[3]);
        return new Row(Integer.decode(f[0]), f[1], params, result, Integer.parseInt(f[4]));
    }

    private static ValType type(String name) {
        return switch (name) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            default -> throw new IllegalArgumentException("type " + name + " in simd-opcodes.tsv");
        };
    }
}
