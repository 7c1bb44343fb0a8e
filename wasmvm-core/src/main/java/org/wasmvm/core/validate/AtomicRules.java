package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.I64;

import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.AtomicOpcodes;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.Opcodes;

/**
 * The atomic instructions of the threads proposal ({@code 0xFE} and a sub-opcode): loads, stores,
 * read-modify-writes, {@code cmpxchg}, {@code memory.atomic.notify/wait32/wait64} and {@code atomic.fence}.
 * The address is an {@code i64} in a 64-bit memory, else an {@code i32}; the memarg's alignment must equal the
 * natural one. An atomic access to an unshared memory is valid (it is then an ordinary access; a wait traps).
 */
final class AtomicRules {
    private final BodyReader in;
    private final TypeStack stack;
    private final MemoryRules memory;

    AtomicRules(BodyReader in, TypeStack stack, MemoryRules memory) {
        this.in = in;
        this.stack = stack;
        this.memory = memory;
    }

    /** The instruction after its prefix byte: reads the sub-opcode and the immediates, types the operands. */
    void instruction() {
        in.requireFeature(in.ctx.features.threads(), Opcodes.PREFIX_FE);
        ByteReader r = in.r;
        int sub = r.u32();
        if (!AtomicOpcodes.isDefined(sub)) {
            throw in.illegalOpcode(Opcodes.PREFIX_FE, sub);
        }
        if (sub == AtomicOpcodes.ATOMIC_FENCE) {
            int start = r.position();
            if (r.u8() != 0) {
                throw new MalformedModuleException(start, "zero byte expected");
            }
            return;
        }
        int addr = memory.readAtomicMemarg(AtomicOpcodes.naturalAlignment(sub));
        int t = AtomicOpcodes.isI64(sub) ? I64 : I32;
        switch (AtomicOpcodes.shape(sub)) {
            case NOTIFY -> {
                stack.pop(I32);
                stack.pop(addr);
                stack.push(I32);
            }
            case WAIT -> {
                stack.pop(I64);
                stack.pop(t);
                stack.pop(addr);
                stack.push(I32);
            }
            case LOAD -> {
                stack.pop(addr);
                stack.push(t);
            }
            case STORE -> {
                stack.pop(t);
                stack.pop(addr);
            }
            case RMW -> {
                stack.pop(t);
                stack.pop(addr);
                stack.push(t);
            }
            case CMPXCHG -> {
                stack.pop(t);
                stack.pop(t);
                stack.pop(addr);
                stack.push(t);
            }
            case FENCE -> throw new IllegalStateException("atomic.fence has no memarg");
        }
    }
}
