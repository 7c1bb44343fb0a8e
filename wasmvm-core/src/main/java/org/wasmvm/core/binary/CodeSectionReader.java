package org.wasmvm.core.binary;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.ValType;

/** Reads function bodies: expands the local declarations and delimits the instruction bytes. */
final class CodeSectionReader {
    /**
     * wasmvm's cap on the declared locals of one function. The spec allows up to 2^32-1, but every
     * local becomes an interpreter slot, so a larger count is rejected up front (as "too many locals",
     * the spec's text for exceeding 2^32-1) instead of failing later with a huge allocation.
     */
    static final int MAX_LOCALS = DecoderLimits.MAX_LOCALS;

    private final ByteReader in;
    private final TypeReader types;
    private final InstructionScanner scanner;
    private final boolean scanBodies;

    /** {@code scanBodies}: check each body's instructions, or only delimit it by its size. */
    CodeSectionReader(ByteReader in, Features features, boolean scanBodies) {
        this.in = in;
        this.types = new TypeReader(in, features);
        this.scanner = new InstructionScanner(in, features);
        this.scanBodies = scanBodies;
    }

    /** Whether any body scanned so far uses {@code memory.init} or {@code data.drop}. */
    boolean usesDataIndex() {
        return scanner.usesDataIndex();
    }

    /** Locals the rest of the module may still declare (see {@link DecoderLimits#MIN_TOTAL_LOCALS_BUDGET}). */
    private long localsBudget;

    List<FunctionBody> readSection() {
        localsBudget = Math.max(DecoderLimits.MIN_TOTAL_LOCALS_BUDGET, in.bytes().length);
        int count = in.length();
        List<FunctionBody> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(readBody());
        }
        return bodies;
    }

    private FunctionBody readBody() {
        int size = in.length();
        int start = in.position();
        ModuleDecoder.checkCount(in, size, DecoderLimits.MAX_FUNCTION_SIZE, "bytes in a function body");
        ValType[] locals = readLocals();
        int codeStart = in.position();
        if (scanBodies) {
            scanner.scanExpression();
        } else if (codeStart <= start + size) {
            in.skip(start + size - codeStart); // a size may overrun the module by its own LEB bytes
        }
        int end = in.position();
        if (end != start + size) {
            throw new MalformedModuleException(start, "section size mismatch");
        }
        return new FunctionBody(locals, in.bytes(), codeStart, end - codeStart);
    }

    private ValType[] readLocals() {
        int start = in.position();
        int groups = in.length();
        int[] counts = new int[groups];
        ValType[] groupTypes = new ValType[groups];
        long total = 0;
        for (int i = 0; i < groups; i++) {
            counts[i] = in.u32();
            groupTypes[i] = types.valType();
            total += Integer.toUnsignedLong(counts[i]);
        }
        // checked after all groups, as the reference interpreter does, and before expanding
        if (total > MAX_LOCALS) {
            throw new MalformedModuleException(start, "too many locals");
        }
        localsBudget -= total;
        if (localsBudget < 0) {
            throw new MalformedModuleException(start, "too many locals: the module's functions declare more than "
                    + Math.max(DecoderLimits.MIN_TOTAL_LOCALS_BUDGET, in.bytes().length) + " in all (see DecoderLimits)");
        }
        ValType[] locals = new ValType[(int) total];
        int n = 0;
        for (int i = 0; i < groups; i++) {
            for (int j = 0; j < counts[i]; j++) {
                locals[n++] = groupTypes[i];
            }
        }
        return locals;
    }
}
