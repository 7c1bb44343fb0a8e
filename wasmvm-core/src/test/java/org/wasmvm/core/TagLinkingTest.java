package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/** Tags at link time (spec 3.0 §4.5.3): an import takes the very tag it is given, of exactly its type. */
class TagLinkingTest {
    private static final FuncType I32_PAYLOAD = FuncType.of(List.of(ValType.I32), List.of());
    /** One type, [i32] -> []. */
    private static final byte[] TYPES = {1, 5, 1, 0x60, 1, 0x7F, 0};

    /** Exports tag 0, of type 0, as "t". */
    private static final Module EXPORTER = Wasm.load(ModuleBinary.of(TYPES,
            new byte[] {13, 3, 1, 0, 0}, // tag section
            new byte[] {7, 5, 1, 1, 't', 4, 0})); // export "t" tag 0
    /** Imports tag "m" "t" of type 0 and re-exports it as "t". */
    private static final Module IMPORTER = Wasm.load(ModuleBinary.of(TYPES,
            new byte[] {2, 8, 1, 1, 'm', 1, 't', 4, 0, 0},
            new byte[] {7, 5, 1, 1, 't', 4, 0}));


    @Test
    void anExportedTagLinksAsItself() {
        Store store = new Store();
        Instance exporter = store.instantiate(EXPORTER);
        assertThat(exporter.tag("t").type()).isEqualTo(I32_PAYLOAD);
        Instance importer = store.register("m", exporter).instantiate(IMPORTER);
        assertThat(importer.tag("t")).isEqualTo(exporter.tag("t"));
    }

    @Test
    void eachInstanceHasItsOwnTags() {
        Store store = new Store();
        assertThat(store.instantiate(EXPORTER).tag("t")).isNotEqualTo(store.instantiate(EXPORTER).tag("t"));
    }

    @Test
    void aHostTagOfTheSameTypeLinks() {
        Tag tag = Tag.create(I32_PAYLOAD);
        Instance importer = new Store().define("m", "t", tag).instantiate(IMPORTER);
        assertThat(importer.tag("t")).isEqualTo(tag);
    }

    @Test
    void theTypeMustMatchExactly() {
        Store store = new Store().define("m", "t", Tag.create(FuncType.of(List.of(ValType.I64), List.of())));
        assertThatThrownBy(() -> store.instantiate(IMPORTER)).isInstanceOf(LinkException.class)
                .hasMessageContaining("incompatible import type");
    }

    @Test
    void onlyATagSatisfiesATagImport() {
        Store store = new Store().define("m", "t", I32_PAYLOAD, (caller, args) -> new long[0]);
        assertThatThrownBy(() -> store.instantiate(IMPORTER)).isInstanceOf(LinkException.class)
                .hasMessageContaining("incompatible import type");
        assertThatThrownBy(() -> new Store().instantiate(IMPORTER)).isInstanceOf(LinkException.class)
                .hasMessageContaining("unknown import");
    }

    @Test
    void aTagTypeHasNoResults() {
        assertThatThrownBy(() -> Tag.create(FuncType.of(List.of(), List.of(ValType.I32))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> Tag.create(FuncType.of(List.of(), List.of()))).doesNotThrowAnyException();
    }
}
