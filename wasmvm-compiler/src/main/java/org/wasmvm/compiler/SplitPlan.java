package org.wasmvm.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.ValType;

/**
 * How one function is split into several JVM methods so that each stays under HotSpot's JIT limit:
 * which blocks and loops (by the byte offset of their opcode) become methods of their own, and
 * which sequences of statements (where a method has no block left to outline: a long straight run
 * of code), the regions an emission found to outline, and what it measured to choose more; also
 * the constants its class carries as class data.
 *
 * <p>A region method {@code int region<offset>(long[] frame, int depthLeft, ModuleInstance)} runs
 * the block with the function's locals and the block's parameters passed in {@code frame} (locals
 * at their index, carried values after them); it returns 0 when it ends normally (its results in
 * {@code frame}), or {@code k} to branch to the k-th control frame around it (its values in
 * {@code frame}), which the caller then takes; the function's own return is the outermost frame.
 */
final class SplitPlan {
    /**
     * A block or loop to outline ({@code end} -1), or a sequence of statements from {@code offset} to
     * {@code end} (type [] → []): where it is, its type, the branch types of the frames around it
     * (innermost first).
     */
    record Region(int offset, int end, FuncType type, List<List<ValType>> outer) {
        String methodName() {
            return (end < 0 ? "region" : "sequence") + offset;
        }
    }

    /** A statement boundary in the method named {@code method}, in the run of code {@code serial} of its frame ({@link ControlEmitter#serial}). */
    record Cut(String method, int serial, int offset, Label label) {
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

    private final FunctionBody body;
    private final boolean delegates;
    private final Set<Integer> outlined;
    /** The sequences outlined, start to end; and the methods whose statement boundaries are recorded to choose more. */
    private final Map<Integer, Integer> sequences;
    private final Set<String> cutting;
    private final List<Cut> cuts = new ArrayList<>();
    /** The class data after the first element (the module's tiers): constants such as br_table maps. */
    private final List<int[]> constants = new ArrayList<>();
    private final Deque<Region> pending = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>();
    private final List<Measured> measured = new ArrayList<>();

    /**
     * A plan for {@code body} (which has a {@code delegate} when {@code delegates}) that outlines the blocks
     * {@code outlined} and the {@code sequences}, recording statements in the methods {@code cutting}.
     */
    SplitPlan(FunctionBody body, boolean delegates, Set<Integer> outlined, Map<Integer, Integer> sequences,
            Set<String> cutting) {
        this.body = body;
        this.delegates = delegates;
        this.outlined = outlined;
        this.sequences = sequences;
        this.cutting = cutting;
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
        return !outlined.isEmpty() || !sequences.isEmpty();
    }

    /** The end of the sequence outlined from {@code offset}, or -1. */
    int sequenceEnd(int offset) {
        return sequences.getOrDefault(offset, -1);
    }

    /** Whether the emission of {@code method} records its statement boundaries. */
    boolean cuts(String method) {
        return cutting.contains(method);
    }

    void cut(Cut cut) {
        cuts.add(cut);
    }

    /** Notes a region an emission calls; its method is emitted later ({@link #nextRegion}). */
    void call(Region region) {
        if (queued.add(region.methodName())) {
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
     * Adds to {@code outlined} enough of the blocks measured in {@code method} (of {@code size}) to
     * bring it under {@code limit}, largest first; when none is left and its bytecode itself is over
     * the limit, runs of statements ({@link #shrinkBySequences}). False when nothing is left to outline.
     */
    boolean shrink(String method, MethodSize methodSize, int limit, Set<Integer> more) {
        int size = methodSize.size();
        // blocks that fit one method first, largest first: each moves the most code out in one go. A
        // block too large itself must leave at least half the limit behind: a chain of nested blocks
        // (a switch's) would otherwise move out one level, a few bytes, per round; runs of statements
        // inside it are the way then
        List<Measured> candidates = measured.stream()
                .filter(m -> m.method().equals(method) && m.outlinable() && !outlined.contains(m.offset())
                        && !delegatesBeyond(m.offset(), -1) && (m.size() <= limit || size - m.size() >= limit / 2))
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
        return !chosen.isEmpty() || methodSize.bytecode() > limit && shrinkBySequences(method, limit);
    }

    /**
     * With no block left to outline in {@code method}: the first time, asks for its statement
     * boundaries (recorded in the next emission only, since labels cost ASM a basic block each);
     * then outlines runs of statements of about a third of the limit each (a run's method also
     * loads and stores the locals it uses). False when there are none.
     */
    private boolean shrinkBySequences(String method, int limit) {
        if (cutting.add(method)) {
            return true;
        }
        boolean chose = false;
        Map<Integer, List<Cut>> runs = new LinkedHashMap<>();
        cuts.stream().filter(c -> c.method().equals(method)).forEach(c -> runs.computeIfAbsent(c.serial(), s -> new ArrayList<>()).add(c));
        for (List<Cut> run : runs.values()) {
            Cut start = run.get(0);
            for (int i = 1; i < run.size(); i++) {
                Cut cut = run.get(i);
                if (bytes(start, cut) > limit / 3) {
                    Cut last = run.get(i - 1);
                    if (last != start) {
                        chose |= outline(start, last);
                    }
                    start = last != start ? last : cut;
                }
            }
            Cut end = run.get(run.size() - 1);
            if (end != start && bytes(start, end) > limit / 8) {
                chose |= outline(start, end);
            }
        }
        return chose;
    }

    /** Outlines the statements from {@code start} to {@code end}, unless a delegate in them must stay in this method. */
    private boolean outline(Cut start, Cut end) {
        if (delegatesBeyond(start.offset(), end.offset())) {
            return false;
        }
        sequences.put(start.offset(), end.offset());
        return true;
    }

    /** Whether a delegate in the code from {@code offset} (to {@code end}, or the block's end) keeps it in this method ({@link RegionScan#delegatesBeyond}). */
    private boolean delegatesBeyond(int offset, int end) {
        return delegates && RegionScan.delegatesBeyond(body, offset, end);
    }

    private static int bytes(Cut from, Cut to) {
        return to.label().getOffset() - from.label().getOffset();
    }

    private static boolean overlaps(Measured a, Measured b) {
        return a.start().getOffset() < b.end().getOffset() && b.start().getOffset() < a.end().getOffset();
    }
}
