package org.wasmvm.core.binary;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.DataSegment;
import org.wasmvm.core.model.ElementSegment;
import org.wasmvm.core.model.SegmentMode;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;

/** Reads element and data segments in all their encodings. */
final class SegmentReader {
    private final ByteReader in;
    private final TypeReader types;
    private final ConstExprReader constExprs;

    private final Features features;

    SegmentReader(ByteReader in, Features features) {
        this.features = features;
        this.in = in;
        this.types = new TypeReader(in, features);
        this.constExprs = new ConstExprReader(in, features);
    }

    /**
     * An element segment. The flags' bit 0 means passive or declarative (bit 1 then picks declarative)
     * rather than active, bit 1 on an active segment means an explicit table index, and bit 2 means
     * the elements are expressions with a reference type rather than function indices with an elemkind.
     */
    ElementSegment element() {
        int start = in.position();
        int flags = in.u32();
        if (Integer.compareUnsigned(flags, 7) > 0) {
            throw new MalformedModuleException(start, "malformed elements segment kind");
        }
        boolean nonActive = (flags & 1) != 0;
        boolean explicit = (flags & 2) != 0;
        boolean expressions = (flags & 4) != 0;
        SegmentMode mode = !nonActive ? SegmentMode.ACTIVE : explicit ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        int tableIndex = 0;
        ConstExpr offset = null;
        if (mode == SegmentMode.ACTIVE) {
            tableIndex = explicit ? in.u32() : 0;
            offset = constExprs.read();
        }
        // flag 4 implies funcref and flag 0 function indices; the others spell out a reference type or an elemkind
        ValType type = expressions ? ValType.FUNCREF : functionIndices();
        if (nonActive || explicit) {
            type = expressions ? types.refType() : elemKind();
        }
        int count = in.length();
        ModuleDecoder.checkCount(in, count, DecoderLimits.MAX_SEGMENT_ELEMENTS, "elements in a segment");
        List<ConstExpr> init = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            init.add(expressions ? constExprs.read() : functionIndex());
        }
        return new ElementSegment(mode, tableIndex, offset, type, init);
    }

    /** A bare function index, the element form of the flags without bit 2: {@code ref.func index}. */
    private ConstExpr functionIndex() {
        int at = in.position();
        return ConstExpr.refFunc(Integer.toUnsignedLong(in.u32()), at);
    }

    private ValType elemKind() {
        int start = in.position();
        if (in.u8() != 0x00) {
            throw new MalformedModuleException(start, "malformed element kind");
        }
        return functionIndices();
    }

    /** The type of a segment of function indices: with typed references {@code (ref func)}, as none is null. */
    private ValType functionIndices() {
        return features.functionReferences() ? ValType.ref(false, HeapType.FUNC) : ValType.FUNCREF;
    }

    /** A data segment: flags 0 = active on memory 0, 1 = passive, 2 = active with a memory index. */
    DataSegment data() {
        int start = in.position();
        int flags = in.u32();
        SegmentMode mode;
        int memoryIndex = 0;
        ConstExpr offset = null;
        switch (flags) {
            case 0 -> {
                mode = SegmentMode.ACTIVE;
                offset = constExprs.read();
            }
            case 1 -> mode = SegmentMode.PASSIVE;
            case 2 -> {
                mode = SegmentMode.ACTIVE;
                memoryIndex = in.u32();
                offset = constExprs.read();
            }
            default -> throw new MalformedModuleException(start, "malformed data segment kind");
        }
        byte[] bytes = in.bytes(in.length());
        return new DataSegment(mode, memoryIndex, offset, bytes);
    }
}
