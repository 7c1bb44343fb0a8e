package org.wasmvm.core.validate;

import static org.wasmvm.core.binary.SimdOpcodes.*;
import static org.wasmvm.core.validate.Types.F32;
import static org.wasmvm.core.validate.Types.F64;
import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.I64;
import static org.wasmvm.core.validate.Types.NONE;
import static org.wasmvm.core.validate.Types.V128;

import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.binary.SimdSignatures;

/**
 * The SIMD instructions ({@code 0xFD} and a sub-opcode): vector loads and stores (their memarg is the scalar
 * accesses', read by {@link MemoryRules}), the instructions with a lane index or 16 immediate bytes, and the
 * operators typed by {@link SimdSignatures}. A lane index must be below the number of lanes ("invalid lane
 * index"), as the reference interpreter checks it: after the memarg's own checks.
 */
final class SimdRules {
    /** The lanes of {@code i8x16.shuffle}'s two operands together. */
    private static final int SHUFFLE_LANES = 32;

    private final BodyReader in;
    private final TypeStack stack;
    private final MemoryRules memory;
    private final boolean relaxed;

    SimdRules(BodyReader in, TypeStack stack, MemoryRules memory) {
        this.in = in;
        this.stack = stack;
        this.memory = memory;
        this.relaxed = in.ctx.features.relaxedSimd();
    }

    void instruction(int sub) {
        if (!SimdOpcodes.isDefined(sub) || (SimdOpcodes.isRelaxed(sub) && !relaxed)) {
            throw in.illegalOpcode(Opcodes.PREFIX_FD, sub);
        }
        switch (sub) {
            case V128_LOAD -> load(4);
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U,
                    V128_LOAD64_SPLAT, V128_LOAD64_ZERO -> load(3);
            case V128_LOAD8_SPLAT -> load(0);
            case V128_LOAD16_SPLAT -> load(1);
            case V128_LOAD32_SPLAT, V128_LOAD32_ZERO -> load(2);
            case V128_STORE -> store();
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                laneAccess(sub - V128_LOAD8_LANE);
                stack.push(V128);
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE ->
                    laneAccess(sub - V128_STORE8_LANE);
            case V128_CONST -> {
                in.r.skip(16);
                stack.push(V128);
            }
            case I8X16_SHUFFLE -> shuffle();
            case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U -> extractLane(16, I32);
            case I16X8_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_U -> extractLane(8, I32);
            case I32X4_EXTRACT_LANE -> extractLane(4, I32);
            case I64X2_EXTRACT_LANE -> extractLane(2, I64);
            case F32X4_EXTRACT_LANE -> extractLane(4, F32);
            case F64X2_EXTRACT_LANE -> extractLane(2, F64);
            case I8X16_REPLACE_LANE -> replaceLane(16, I32);
            case I16X8_REPLACE_LANE -> replaceLane(8, I32);
            case I32X4_REPLACE_LANE -> replaceLane(4, I32);
            case I64X2_REPLACE_LANE -> replaceLane(2, I64);
            case F32X4_REPLACE_LANE -> replaceLane(4, F32);
            case F64X2_REPLACE_LANE -> replaceLane(2, F64);
            default -> operator(SimdSignatures.of(sub));
        }
    }

    /** A load of {@code 2^sizeLog2} bytes, extended or splatted into a vector (all of it for {@code v128.load}). */
    private void load(int sizeLog2) {
        stack.pop(memory.readMemarg(sizeLog2));
        stack.push(V128);
    }

    private void store() {
        int address = memory.readMemarg(4);
        stack.pop(V128);
        stack.pop(address);
    }

    /** The operands of a lane load or store of {@code 2^sizeLog2} bytes: the address and the vector. */
    private void laneAccess(int sizeLog2) {
        int address = memory.readMemarg(sizeLog2);
        lane(16 >> sizeLog2);
        stack.pop(V128);
        stack.pop(address);
    }

    private void extractLane(int lanes, int laneType) {
        lane(lanes);
        stack.pop(V128);
        stack.push(laneType);
    }

    private void replaceLane(int lanes, int laneType) {
        lane(lanes);
        stack.pop(laneType);
        stack.pop(V128);
        stack.push(V128);
    }

    private void shuffle() {
        for (int i = 0; i < 16; i++) {
            lane(SHUFFLE_LANES);
        }
        stack.pop(V128);
        stack.pop(V128);
        stack.push(V128);
    }

    /** Reads a lane index byte, which must name one of {@code lanes} lanes. */
    private void lane(int lanes) {
        if (in.r.u8() >= lanes) {
            throw in.invalid("invalid lane index");
        }
    }

    /** An operator of packed signature {@code sig} ({@link SimdSignatures}). */
    private void operator(int sig) {
        for (int shift = 8; shift >= 0; shift -= 4) {
            int param = sig >>> shift & 0xF;
            if (param != NONE) {
                stack.pop(param);
            }
        }
        stack.push(sig >>> 12);
    }
}
