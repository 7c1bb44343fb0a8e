package org.wasmvm.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/**
 * How one function is split into several JVM methods so that each stays under HotSpot's JIT limit:
 * which blocks and loops (by the byte offset of their opcode) become methods of their own, the
 * regions an emission found to outline, and what it measured to choose more; also the constants
 * its class carries as class data.
 *
 * <p>A region method {@code int region<offset>(long[] frame, int depthLeft, ModuleInstance)} runs
 * the block with the function's locals and the block's parameters passed in {@code frame} (locals
 * at their index, carried values after them); it returns 0 when it ends normally (its results in
 * {@code frame}), or {@code k} to branch to the k-th control frame around it (its values in
 * {@code frame}), which the caller then takes; the function's own return is the outermost frame.
 */
final class SplitPlan {
    /** A block or loop to outline: where it is, its type, the branch types of the frames around it (innermost first). */
    record Region(int offset, int kind, FuncType type, List<List<ValType>> outer) {
        String methodName() {
            return "region" + offset;
        }
    }

    /**
     * A method as emitted: its bytecode, which must fit HotSpot's limit, and the bytecode its calls
     * inline ({@link InlinedBytecode}), which together should fit C2's inlining budget.
     */
    record MethodSize(int bytecode, int inlined) {
        int size() {
            return bytecode + inlined;
        }
    }

    /**
     * A block or loop as emitted in the method named {@code method}: its bytecode spans the two labels,
     * and its calls inline {@code inlined} bytes more ({@link InlinedBytecode}).
     */
    record Measured(String method, int offset, boolean outlinable, Label start, Label end, int inlined) {
        int size() {
            return end.getOffset() - start.getOffset() + inlined;
        }
    }

    private static final Handle CLASS_DATA_AT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
            "classDataAt", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;",
            false);

    private final Set<Integer> outlined;
    /** The class data after the first element (the module's tiers): constants such as br_table maps. */
    private final List<int[]> constants = new ArrayList<>();
    private final Deque<Region> pending = new ArrayDeque<>();
    private final Set<Integer> queued = new HashSet<>();
    private final List<Measured> measured = new ArrayList<>();

    SplitPlan(Set<Integer> outlined) {
        this.outlined = outlined;
    }

    /** A constant of the generated class: loading it ({@code ldc}) yields {@code value}. */
    ConstantDynamic constant(int[] value) {
        constants.add(value);
        return new ConstantDynamic("_", "[I", CLASS_DATA_AT, constants.size());
    }

    /** The constants, in the order of their class data indexes (from 1: index 0 is the module's tiers). */
    List<int[]> constants() {
        return constants;
    }

    boolean outlines(int offset) {
        return outlined.contains(offset);
    }

    boolean splits() {
        return !outlined.isEmpty();
    }

    /** Notes a region an emission calls; its method is emitted later ({@link #nextRegion}). */
    void call(Region region) {
        if (queued.add(region.offset())) {
            pending.add(region);
        }
    }

    Region nextRegion() {
        return pending.poll();
    }

    void measured(Measured block) {
        measured.add(block);
    }

    /**
     * Adds to {@code outlined} enough of the blocks measured in {@code method} (of {@code size}
     * bytes) to bring it under {@code limit}, largest first; false when nothing is left to outline.
     */
    boolean shrink(String method, int size, int limit, Set<Integer> more) {
        // blocks that fit one method first, largest first: each moves the most code out in one go
        List<Measured> candidates = measured.stream()
                .filter(m -> m.method().equals(method) && m.outlinable() && !outlined.contains(m.offset()))
                .sorted(Comparator.comparing((Measured m) -> m.size() > limit).thenComparing(Measured::size, Comparator.reverseOrder()))
                .toList();
        int left = size;
        List<Measured> chosen = new ArrayList<>();
        for (Measured candidate : candidates) {
            if (left <= limit) {
                break;
            }
            if (chosen.stream().anyMatch(c -> overlaps(c, candidate))) {
                continue; // measured sizes change once a block inside or around it moves: next round
            }
            chosen.add(candidate);
            more.add(candidate.offset());
            left -= candidate.size();
        }
        return !chosen.isEmpty();
    }

    private static boolean overlaps(Measured a, Measured b) {
        return a.start().getOffset() < b.end().getOffset() && b.start().getOffset() < a.end().getOffset();
    }
}
