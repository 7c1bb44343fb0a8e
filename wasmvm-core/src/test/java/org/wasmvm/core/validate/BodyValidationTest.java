package org.wasmvm.core.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.WasmModule;

/** Large modules are validated in parallel ranges; the reported error must still be the first one. */
class BodyValidationTest {
    private static final int FUNCTIONS = 20_000;
    private static final int NOP = 0x01, I32_CONST = 0x41;

    /** 20 000 bodies of 64 bytes (over the parallel threshold); the listed ones push a stray i32. */
    private static WasmModule module(Set<Integer> invalid) {
        var builder = new ModuleBuilder();
        int type = builder.type(List.of(), List.of());
        int[] nops = new int[63];
        Arrays.fill(nops, NOP);
        int[] stray = nops.clone();
        stray[0] = I32_CONST;
        stray[1] = 7;
        for (int i = 0; i < FUNCTIONS; i++) {
            builder.func(type, List.of(), invalid.contains(i) ? stray : nops);
        }
        return builder.build();
    }

    @Test
    void aLargeValidModuleValidates() {
        assertThatCode(() -> ModuleValidator.validate(module(Set.of()), Features.wasm2())).doesNotThrowAnyException();
    }

    @Test
    void theLowestInvalidFunctionIsReportedWhateverRangeFinishesFirst() {
        for (int run = 0; run < 5; run++) {
            InvalidModuleException e = catchThrowableOfType(InvalidModuleException.class,
                    () -> ModuleValidator.validate(module(Set.of(19_990, 5_000, 12_345)), Features.wasm2()));

            assertThat(e.functionIndex()).isEqualTo(5_000);
            assertThat(e.reason()).contains("type mismatch");
        }
    }
}
