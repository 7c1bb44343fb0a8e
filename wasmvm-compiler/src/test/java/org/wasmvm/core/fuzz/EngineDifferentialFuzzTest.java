package org.wasmvm.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.Module;
import org.wasmvm.core.Wasm;

/**
 * The differential fuzz target of the two tiers: the same module, run on the interpreter and on
 * the compiler, must give the same transcript (results, traps with their wasm stacks, memories,
 * globals; see {@link FuzzHarness#transcript}). It lives here, in wasmvm-compiler, because core
 * cannot see the compiler; it shares core's harness and seed corpus.
 */
class EngineDifferentialFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void interpreterAndCompilerAgree(byte[] bytes) {
        Module module;
        try {
            module = Wasm.load(bytes, Features.all());
        } catch (MalformedModuleException | InvalidModuleException expected) {
            return;
        }
        String interpreted = FuzzHarness.transcript(module, ModuleFuzzTest.LIMITS, Engine.INTERPRETER);
        String compiled = FuzzHarness.transcript(module, ModuleFuzzTest.LIMITS, Engine.COMPILER);
        if (!interpreted.equals(compiled) && !interpreted.contains("timeout") && !compiled.contains("timeout")) {
            throw new AssertionError("the engines disagree\n--- interpreter:\n" + interpreted + "--- compiler:\n" + compiled);
        }
    }
}
