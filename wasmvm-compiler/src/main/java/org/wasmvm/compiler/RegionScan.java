package org.wasmvm.compiler;

import static org.wasmvm.core.binary.Opcodes.*;

import java.util.BitSet;
import org.wasmvm.core.binary.BlockType;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.GcOpcodes;
import org.wasmvm.core.binary.CatchClause;
import org.wasmvm.core.lower.Immediates;
import org.wasmvm.core.model.FunctionBody;

/** Reads a block or loop of a validated body without compiling it: where it ends, which locals it uses, where it branches out to. */
final class RegionScan {
    private RegionScan() {
    }

    /** The byte offset just after the {@code end} of the block whose opcode is at {@code offset}. */
    static int end(FunctionBody body, int offset) {
        return scan(body, offset, -1, null, null);
    }

    /**
     * The indices of the locals that the block at {@code offset} ({@code end} -1), or the sequence of
     * statements from {@code offset} to {@code end}, reads or writes, ascending.
     */
    static int[] locals(FunctionBody body, int offset, int end) {
        var used = new BitSet();
        scan(body, offset, end, used, null);
        return used.stream().toArray();
    }

    /**
     * The control frames around the block at {@code offset} ({@code end} -1) or the sequence from
     * {@code offset} to {@code end} that its branches reach, by depth from the innermost frame
     * around it (0), ascending; {@code return} is {@code returnDepth}.
     */
    static int[] exits(FunctionBody body, int offset, int end, int returnDepth) {
        var exits = new BitSet();
        scan(body, offset, end, null, (depth, nesting) -> exits.set(depth < 0 ? returnDepth : depth - nesting));
        return exits.stream().toArray();
    }

    /**
     * Whether a {@code delegate} in the block at {@code offset} ({@code end} -1) or the sequence from {@code offset}
     * to {@code end} hands its exceptions to a frame beyond the one right around it. As a method of its own, its
     * exceptions would then leave the method and meet the handlers of the frames in between in its caller.
     */
    static boolean delegatesBeyond(FunctionBody body, int offset, int end) {
        var beyond = new boolean[1];
        scan(body, offset, end, null, null, (depth, nesting) -> beyond[0] |= depth > nesting);
        return beyond[0];
    }

    /** Told of each branch by its label depth (-1 for a return) and the nesting inside the block (1 = the block's own frame). */
    private interface Branches {
        void branch(int depth, int nesting);
    }

    private static int scan(FunctionBody body, int offset, int end, BitSet locals, Branches branches) {
        return scan(body, offset, end, locals, branches, null);
    }

    /**
     * Reads the block at {@code offset} to its end ({@code end} -1), or up to {@code end}; {@code delegates} is told of
     * each {@code delegate} that leaves the code, as a branch from the frame around its try.
     */
    private static int scan(FunctionBody body, int offset, int end, BitSet locals, Branches branches, Branches delegates) {
        var in = new ByteReader(body.code(), offset, body.offset() + body.length() - offset);
        int depth = 0;
        do {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            switch (op) {
                case BLOCK, LOOP, IF, TRY -> {
                    BlockType.skip(in);
                    depth++;
                }
                case TRY_TABLE -> { // its clauses branch from outside its frame
                    BlockType.skip(in);
                    for (int clauses = in.u32(); clauses > 0; clauses--) {
                        if (CatchClause.hasTag(CatchClause.kind(in))) {
                            in.u32();
                        }
                        leaving(in.u32(), depth, branches);
                    }
                    depth++;
                }
                case END -> depth--;
                case DELEGATE -> leaving(in.u32(), --depth, delegates);
                case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                    int local = in.u32();
                    if (locals != null) {
                        locals.set(local);
                    }
                }
                case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> leaving(in.u32(), depth, branches);
                case PREFIX_FB -> {
                    int sub = in.u32();
                    if (sub == GcOpcodes.BR_ON_CAST || sub == GcOpcodes.BR_ON_CAST_FAIL) {
                        in.u8();
                        leaving(in.u32(), depth, branches);
                        in.s33();
                        in.s33();
                    } else {
                        GcOpcodes.skipImmediates(sub, in);
                    }
                }
                case BR_TABLE -> {
                    int count = in.u32();
                    for (int i = 0; i <= count; i++) {
                        leaving(in.u32(), depth, branches);
                    }
                }
                case RETURN, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> { // a tail call returns too
                    Immediates.skip(op, in);
                    if (branches != null) {
                        branches.branch(-1, depth);
                    }
                }
                default -> Immediates.skip(op, in);
            }
        } while (end < 0 ? depth > 0 : in.position() < end);
        return in.position();
    }

    private static void leaving(int labelDepth, int nesting, Branches branches) {
        if (branches != null && labelDepth >= nesting) {
            branches.branch(labelDepth, nesting);
        }
    }
}
