package org.wasmvm.core.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.CustomSection;
import org.wasmvm.core.model.DataSegment;
import org.wasmvm.core.model.ElementSegment;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.TableDefinition;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.Global;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.NameSection;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.TagType;
import org.wasmvm.core.model.WasmModule;

/**
 * Decodes a module binary into a {@link WasmModule}: checks the header, the section framing and order,
 * and the consistency of counts that span sections; the per-section readers do the rest.
 * Function bodies and constant expressions are only delimited (and checked to be well-formed, unless
 * {@link #decodeForValidation} leaves that to the validator), not decoded into instructions. Every
 * error is a {@link MalformedModuleException} whose reason contains the reference interpreter's text.
 *
 * <p>As in the reference interpreter, a section's contents are read from the whole module rather than
 * from a window of the declared size; the size is checked afterwards ("section size mismatch"). This
 * makes the errors for inconsistent sizes the ones the spec tests expect.
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6D736100; // "\0asm" read little-endian
    private static final int VERSION = 1;
    private static final int TABLE_INIT_TAG = 0x40;

    private final ByteReader in;
    private final TypeReader typeReader;
    private final ConstExprReader constExprs;
    private final ImportExportReader importExports;
    private final SegmentReader segments;
    private final CodeSectionReader code;

    private List<SubType> types = List.of();
    private List<Integer> recGroups = List.of();
    private List<Import> imports = List.of();
    private List<Integer> functionTypes = List.of();
    private List<TableDefinition> tables = List.of();
    private List<MemoryType> memories = List.of();
    private List<TagType> tags = List.of();
    private List<Global> globals = List.of();
    private List<Export> exports = List.of();
    private int startFunction = -1;
    private List<ElementSegment> elements = List.of();
    private int dataCount = -1;
    private List<FunctionBody> codes = List.of();
    private List<DataSegment> datas = List.of();
    private final List<CustomSection> customSections = new ArrayList<>();
    private NameSection names = NameSection.EMPTY;
    private boolean hasNames;

    private final Features features;

    private ModuleDecoder(byte[] bytes, Features features, boolean scanBodies) {
        this.features = features;
        this.in = new ByteReader(bytes);
        this.typeReader = new TypeReader(in, features);
        this.constExprs = new ConstExprReader(in, features);
        this.importExports = new ImportExportReader(in, features);
        this.segments = new SegmentReader(in, features);
        this.code = new CodeSectionReader(in, features, scanBodies);
    }

    /** Decodes {@code bytes}, accepting the encodings that {@code features} enable. */
    public static WasmModule decode(byte[] bytes, Features features) {
        return decode(bytes, features, DecoderLimits.MAX_MODULE_SIZE);
    }

    /** As {@link #decode(byte[], Features)}, with a module size limit (for tests). */
    static WasmModule decode(byte[] bytes, Features features, int maxModuleSize) {
        checkSize(bytes, maxModuleSize);
        return new ModuleDecoder(bytes, features, true).module();
    }

    /**
     * As {@link #decode(byte[], Features)}, but function bodies are only delimited by their declared
     * sizes, not scanned for well-formedness: for a module that is validated next, since the
     * validator reads every instruction anyway (on a large module the scan is a third of the load
     * time). The validator then also rejects malformed bodies, but which error comes first may
     * differ from {@link #decode}; a caller reporting errors re-runs the full decode on failure.
     */
    public static WasmModule decodeForValidation(byte[] bytes, Features features) {
        checkSize(bytes, DecoderLimits.MAX_MODULE_SIZE);
        return new ModuleDecoder(bytes, features, false).module();
    }

    private static void checkSize(byte[] bytes, int maxModuleSize) {
        if (bytes.length > maxModuleSize) {
            throw new MalformedModuleException(0, "module too large: " + bytes.length + " bytes, over wasmvm's limit of "
                    + maxModuleSize);
        }
    }

    private WasmModule module() {
        header();
        sections();
        checkConsistency();
        return new WasmModule(types, recGroups, imports, functionTypes, tables, memories, tags, globals, exports,
                startFunction, elements, dataCount, codes, datas, customSections, names);
    }

    private void header() {
        if (in.f32Bits() != MAGIC) {
            throw new MalformedModuleException(0, "magic header not detected");
        }
        if (in.f32Bits() != VERSION) {
            throw new MalformedModuleException(4, "unknown binary version");
        }
    }

    private void sections() {
        int lastRank = 0;
        while (in.hasMore()) {
            int idOffset = in.position();
            int id = in.u8();
            if (id > SectionId.max(features)) {
                throw new MalformedModuleException(idOffset, "malformed section id");
            }
            if (id != SectionId.CUSTOM) {
                // the reference interpreter reads sections in their fixed order, so a duplicate or
                // misplaced section is simply content it finds after the last section it could accept
                int rank = SectionId.rank(id);
                if (rank <= lastRank) {
                    throw new MalformedModuleException(idOffset, "unexpected content after last section");
                }
                lastRank = rank;
            }
            int size = in.length();
            int start = in.position();
            section(id, size);
            if (in.position() != start + size) {
                throw new MalformedModuleException(start, "section size mismatch");
            }
        }
    }

    private void section(int id, int size) {
        switch (id) {
            case SectionId.CUSTOM -> customSection(size);
            case SectionId.TYPE -> {
                TypeReader.TypeSection section = typeReader.typeSection();
                types = section.types();
                recGroups = section.recGroups();
            }
            case SectionId.IMPORT -> imports = vector(importExports::importEntry, DecoderLimits.MAX_IMPORTS, "imports");
            case SectionId.FUNCTION -> functionTypes = vector(in::u32,
                    DecoderLimits.MAX_FUNCTIONS - importCount(ImportDesc.Function.class), "functions");
            case SectionId.TABLE -> tables = vector(this::table,
                    DecoderLimits.MAX_TABLES - importCount(ImportDesc.Table.class), "tables");
            case SectionId.MEMORY -> memories = vector(typeReader::memoryType);
            case SectionId.TAG -> tags = vector(typeReader::tagType);
            case SectionId.GLOBAL -> globals = vector(() -> new Global(typeReader.globalType(), constExprs.read()),
                    DecoderLimits.MAX_GLOBALS, "globals");
            case SectionId.EXPORT -> exports = vector(importExports::exportEntry, DecoderLimits.MAX_EXPORTS, "exports");
            case SectionId.START -> startFunction = saturatedU32();
            case SectionId.ELEMENT -> elements = vector(segments::element, DecoderLimits.MAX_ELEMENT_SEGMENTS,
                    "element segments");
            case SectionId.DATA_COUNT -> dataCount = saturatedU32();
            case SectionId.CODE -> codes = code.readSection();
            case SectionId.DATA -> datas = vector(segments::data, DecoderLimits.MAX_DATA_SEGMENTS, "data segments");
            default -> throw new IllegalStateException("section id " + id);
        }
    }

    /** A table: its type, or with typed references also {@code 0x40 0x00}, its type and an initializer. */
    private TableDefinition table() {
        if (features.functionReferences() && in.hasMore() && (in.bytes()[in.position()] & 0xFF) == TABLE_INIT_TAG) {
            in.u8();
            int start = in.position();
            if (in.u8() != 0) {
                throw new MalformedModuleException(start, "malformed table");
            }
            TableType type = typeReader.tableType();
            return new TableDefinition(type, constExprs.read());
        }
        return new TableDefinition(typeReader.tableType(), null);
    }

    /**
     * A u32 whose value -1 would be taken for "absent": values of 2^31 and more become
     * {@code Integer.MAX_VALUE}, which is just as out of range for any module that fits in an array.
     */
    private int saturatedU32() {
        int value = in.u32();
        return value < 0 ? Integer.MAX_VALUE : value;
    }

    /** A vector: a u32 count (at most the bytes left) followed by that many entries. */
    private <T> List<T> vector(Supplier<T> entry) {
        return vector(entry, Integer.MAX_VALUE, null);
    }

    /** A vector of at most {@code max} entries (a {@link DecoderLimits} limit, checked before reading any). */
    private <T> List<T> vector(Supplier<T> entry, int max, String what) {
        int count = in.length();
        checkCount(in, count, max, what);
        List<T> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(entry.get());
        }
        return list;
    }

    private int importCount(Class<? extends ImportDesc> kind) {
        int n = 0;
        for (Import imp : imports) {
            if (kind.isInstance(imp.desc())) {
                n++;
            }
        }
        return n;
    }

    /** Fails with "too many {@code what}" when {@code count} exceeds {@code max}. */
    static void checkCount(ByteReader in, long count, long max, String what) {
        if (count > max) {
            throw in.error("too many " + what + ": " + count + ", over wasmvm's limit of " + Math.max(max, 0)
                    + " (see DecoderLimits)");
        }
    }

    /** Kept verbatim; the first {@code name} section is also decoded, leniently. */
    private void customSection(int size) {
        int start = in.position();
        String name = in.name();
        int payloadLength = size - (in.position() - start);
        if (payloadLength < 0) {
            throw in.error(ByteReader.UNEXPECTED_END);
        }
        byte[] payload = in.bytes(payloadLength);
        customSections.add(new CustomSection(name, payload));
        if (name.equals(NameSectionDecoder.SECTION_NAME) && !hasNames) {
            hasNames = true;
            names = NameSectionDecoder.decode(payload);
        }
    }

    private void checkConsistency() {
        int end = in.position();
        if (functionTypes.size() != codes.size()) {
            throw new MalformedModuleException(end, "function and code section have inconsistent lengths");
        }
        if (dataCount >= 0 && dataCount != datas.size()) {
            throw new MalformedModuleException(end, "data count and data section have inconsistent lengths");
        }
        // Without data segments a data index is simply unknown, which the validator reports (as the
        // reference interpreter does for modules wabt wrote without a data count section).
        if (dataCount == -1 && code.usesDataIndex() && !datas.isEmpty()) {
            throw new MalformedModuleException(end, "data count section required");
        }
    }
}
