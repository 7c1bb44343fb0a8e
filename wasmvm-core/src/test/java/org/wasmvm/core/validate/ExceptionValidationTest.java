package org.wasmvm.core.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.model.ValType.EXNREF;
import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.TagType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * Exception handling's validation rules: spec 3.0 §3.3.8 (throw, throw_ref, try_table), §3.4 (tags) and the
 * legacy proposal's try/catch/catch_all/delegate/rethrow. Error texts are the test suite's.
 */
class ExceptionValidationTest {
    private static final List<ValType> NO = List.of();
    private static final int BLOCK = 0x02, TRY = 0x06, CATCH = 0x07, THROW = 0x08, RETHROW = 0x09, THROW_REF = 0x0A,
            END = 0x0B, DELEGATE = 0x18, CATCH_ALL = 0x19, TRY_TABLE = 0x1F, DROP = 0x1A, I32_CONST = 0x41,
            I64_CONST = 0x42, UNREACHABLE = 0x00, REF_NULL = 0xD0, EMPTY = 0x40, T_I32 = 0x7F, T_EXNREF = 0x69, HT_EXN = 0x69;
    private static final int CATCH_CLAUSE = 0x00, CATCH_REF = 0x01, CATCH_ALL_CLAUSE = 0x02, CATCH_ALL_REF = 0x03;

    /** Tag 0 has no payload, tag 1 an i32; one function of {@code results} whose body is {@code code}. */
    private static WasmModule func(List<ValType> results, int... code) {
        ModuleBuilder b = new ModuleBuilder();
        b.tags.add(new TagType(b.type(NO, NO)));
        b.tags.add(new TagType(b.type(List.of(I32), NO)));
        b.func(b.type(NO, results), NO, code);
        return b.build();
    }

    private static void valid(WasmModule module) {
        assertThatCode(() -> ModuleValidator.validate(module, Features.all())).doesNotThrowAnyException();
    }

    private static void invalid(WasmModule module, String text) {
        assertThatThrownBy(() -> ModuleValidator.validate(module, Features.all()))
                .isInstanceOf(InvalidModuleException.class)
                .extracting(e -> ((InvalidModuleException) e).reason()).asString().contains(text);
    }

    @Test
    void tagTypesHaveNoResults() {
        ModuleBuilder defined = new ModuleBuilder();
        defined.tags.add(new TagType(defined.type(NO, List.of(I32))));
        invalid(defined.build(), "non-empty tag result type");
        ModuleBuilder imported = new ModuleBuilder();
        imported.imports.add(new Import("", "", new ImportDesc.Tag(new TagType(imported.type(NO, List.of(I32))))));
        invalid(imported.build(), "non-empty tag result type");
        ModuleBuilder unknown = new ModuleBuilder();
        unknown.tags.add(new TagType(3));
        invalid(unknown.build(), "unknown type 3");
    }

    @Test
    void exportedTagsMustExist() {
        ModuleBuilder b = new ModuleBuilder();
        b.exports.add(new Export("t", ExternKind.TAG, 0));
        invalid(b.build(), "unknown tag 0");
    }

    @Test
    void throwPopsThePayloadAndEndsTheBlock() {
        valid(func(NO, THROW, 0x00));
        valid(func(List.of(I32), I32_CONST, 1, THROW, 0x01)); // the rest is polymorphic
        invalid(func(NO, THROW, 0x02), "unknown tag 2");
        invalid(func(NO, THROW, 0x01), "type mismatch: instruction requires [i32] but stack has []");
        invalid(func(NO, I64_CONST, 5, THROW, 0x01), "type mismatch: instruction requires [i32] but stack has [i64]");
    }

    @Test
    void throwRefTakesAnExnref() {
        valid(func(NO, REF_NULL, HT_EXN, THROW_REF));
        invalid(func(NO, THROW_REF), "type mismatch");
        invalid(func(NO, I32_CONST, 0, THROW_REF), "type mismatch");
    }

    @Test
    void tryTableCatchClausesMatchTheirLabels() {
        // catch $e1 0 to a block of [i32]; catch_ref $e1 to [i32 exnref]; catch_all to []; catch_all_ref to [exnref]
        valid(func(List.of(I32), TRY_TABLE, T_I32, 0x01, CATCH_CLAUSE, 0x01, 0x00, I32_CONST, 1, END));
        valid(func(NO, BLOCK, T_EXNREF, TRY_TABLE, EMPTY, 0x01, CATCH_ALL_REF, 0x00, END, REF_NULL, HT_EXN, END, DROP));
        valid(func(NO, TRY_TABLE, EMPTY, 0x02, CATCH_ALL_CLAUSE, 0x00, CATCH_CLAUSE, 0x00, 0x00, END));
        valid(func(NO, BLOCK, EMPTY, TRY_TABLE, EMPTY, 0x01, CATCH_CLAUSE, 0x00, 0x00, THROW, 0x00, END, END));
        // the wrong payload, a missing or extra exnref
        invalid(func(NO, TRY_TABLE, EMPTY, 0x01, CATCH_CLAUSE, 0x01, 0x00, END), "type mismatch");
        invalid(func(NO, TRY_TABLE, EMPTY, 0x01, CATCH_REF, 0x00, 0x00, END), "type mismatch");
        invalid(func(NO, BLOCK, T_EXNREF, TRY_TABLE, EMPTY, 0x01, CATCH_ALL_CLAUSE, 0x00, END, REF_NULL, HT_EXN, END, DROP),
                "type mismatch");
        invalid(func(List.of(I32), TRY_TABLE, T_I32, 0x01, CATCH_ALL_REF, 0x00, I32_CONST, 1, END), "type mismatch");
        // a clause's label counts from outside the try_table, and its tag must exist
        invalid(func(NO, TRY_TABLE, EMPTY, 0x01, CATCH_ALL_CLAUSE, 0x01, END), "unknown label");
        invalid(func(NO, TRY_TABLE, EMPTY, 0x01, CATCH_CLAUSE, 0x05, 0x00, END), "unknown tag 5");
    }

    @Test
    void catchRefPassesANonNullExnref() {
        // (block (result (ref exn)) (try_table (catch_ref 0 0)) unreachable) drop
        ModuleBuilder b = new ModuleBuilder();
        b.tags.add(new TagType(b.type(NO, NO)));
        int refExn = b.type(NO, List.of(ValType.ref(false, HeapType.EXN)));
        b.func(b.type(NO, NO), NO, BLOCK, refExn, TRY_TABLE, EMPTY, 0x01, CATCH_REF, 0x00, 0x00, END, UNREACHABLE, END,
                DROP);
        valid(b.build());
    }

    @Test
    void legacyTryCatch() {
        valid(func(List.of(I32), TRY, T_I32, I32_CONST, 1, CATCH, 0x01, CATCH, 0x00, I32_CONST, 2, CATCH_ALL,
                I32_CONST, 3, END));
        valid(func(NO, TRY, EMPTY, END));
        invalid(func(List.of(I32), TRY, T_I32, END), "type mismatch: instruction requires [i32] but stack has []");
        invalid(func(List.of(I32), TRY, T_I32, I64_CONST, 42, END),
                "type mismatch: instruction requires [i32] but stack has [i64]");
        invalid(func(NO, TRY, EMPTY, CATCH, 0x01, END), "type mismatch: block requires [] but stack has [i32]");
        invalid(func(NO, TRY, EMPTY, CATCH_ALL, I32_CONST, 42, END),
                "type mismatch: block requires [] but stack has [i32]");
        invalid(func(NO, TRY, EMPTY, CATCH, 0x07, END), "unknown tag 7");
    }

    @Test
    void rethrowOnlyToAHandler() {
        valid(func(NO, TRY, EMPTY, CATCH_ALL, RETHROW, 0x00, END));
        valid(func(NO, TRY, EMPTY, CATCH, 0x00, BLOCK, EMPTY, RETHROW, 0x01, END, END));
        invalid(func(NO, RETHROW, 0x00), "invalid rethrow label");
        invalid(func(NO, BLOCK, EMPTY, RETHROW, 0x00, END), "invalid rethrow label");
        invalid(func(NO, TRY, EMPTY, RETHROW, 0x00, DELEGATE, 0x00), "invalid rethrow label");
        invalid(func(NO, TRY, EMPTY, CATCH_ALL, RETHROW, 0x02, END), "unknown label");
    }

    @Test
    void delegateLabelsCountFromOutsideTheTry() {
        valid(func(NO, TRY, EMPTY, DELEGATE, 0x00));
        valid(func(NO, BLOCK, EMPTY, TRY, EMPTY, DELEGATE, 0x01, END));
        invalid(func(NO, TRY, EMPTY, DELEGATE, 0x01), "unknown label");
        valid(func(List.of(I32), TRY, T_I32, I32_CONST, 1, DELEGATE, 0x00));
    }

    @Test
    void exnrefLocalsAndResultsNeedTheFeature() {
        valid(func(List.of(EXNREF), REF_NULL, HT_EXN));
        assertThatThrownBy(() -> ModuleValidator.validate(func(NO, THROW, 0x00), new Features(true, true, true, true, true,
                false, true, true, true))).hasMessageContaining("illegal opcode");
    }
}
