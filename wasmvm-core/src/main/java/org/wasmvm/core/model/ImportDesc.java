package org.wasmvm.core.model;

/** What an import brings in: a closed family, one record per {@link ExternKind}. */
public sealed interface ImportDesc {
    ExternKind kind();

    /** An imported function with the type at {@code typeIndex} of the type section. */
    record Function(int typeIndex) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.FUNCTION;
        }
    }

    record Table(TableType type) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.TABLE;
        }
    }

    record Memory(MemoryType type) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.MEMORY;
        }
    }

    record Global(GlobalType type) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.GLOBAL;
        }
    }

    record Tag(TagType type) implements ImportDesc {
        public ExternKind kind() {
            return ExternKind.TAG;
        }
    }
}
