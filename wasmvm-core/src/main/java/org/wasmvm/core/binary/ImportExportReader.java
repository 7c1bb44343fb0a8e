package org.wasmvm.core.binary;

import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;

/** Reads import and export entries. */
final class ImportExportReader {
    private final ByteReader in;
    private final TypeReader types;
    private final Features features;

    ImportExportReader(ByteReader in, Features features) {
        this.in = in;
        this.types = new TypeReader(in, features);
        this.features = features;
    }

    Import importEntry() {
        String module = in.name();
        String name = in.name();
        int start = in.position();
        ExternKind kind = kind();
        if (kind == null) {
            throw new MalformedModuleException(start, "malformed import kind");
        }
        ImportDesc desc = switch (kind) {
            case FUNCTION -> new ImportDesc.Function(in.u32());
            case TABLE -> new ImportDesc.Table(types.tableType());
            case MEMORY -> new ImportDesc.Memory(types.memoryType());
            case GLOBAL -> new ImportDesc.Global(types.globalType());
            case TAG -> new ImportDesc.Tag(types.tagType());
        };
        return new Import(module, name, desc);
    }

    Export exportEntry() {
        String name = in.name();
        int start = in.position();
        ExternKind kind = kind();
        if (kind == null) {
            throw new MalformedModuleException(start, "malformed export kind");
        }
        return new Export(name, kind, in.u32());
    }

    /** An import or export kind byte, or {@code null} when unknown (tags only with exception handling). */
    private ExternKind kind() {
        ExternKind kind = ExternKind.fromCode(in.u8());
        return kind == ExternKind.TAG && !features.exceptions() ? null : kind;
    }
}
