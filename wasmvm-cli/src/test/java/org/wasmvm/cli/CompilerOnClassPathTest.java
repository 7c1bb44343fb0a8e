package org.wasmvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Engine;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.tier.CompilerTier;
import org.wasmvm.core.tier.JvmCompiler;

/** This module's class path (what the shaded jar holds) offers the compiler the way core looks for it. */
class CompilerOnClassPathTest {
    @Test
    void theServiceLoaderFindsTheCompiler() {
        assertThat(ServiceLoader.load(JvmCompiler.class).stream().map(ServiceLoader.Provider::type))
                .extracting(Class::getName)
                .containsExactly("org.wasmvm.compiler.BytecodeCompiler");
        assertThat(CompilerTier.available()).isTrue();
    }

    @Test
    void theCompilerEngineIsAvailable() {
        assertThat(new Store(RuntimeLimits.DEFAULT, Engine.COMPILER).engine()).isEqualTo(Engine.COMPILER);
    }
}
