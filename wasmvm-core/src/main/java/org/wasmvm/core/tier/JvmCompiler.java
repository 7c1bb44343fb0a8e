package org.wasmvm.core.tier;

import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.runtime.JvmCode;

/**
 * A compiler of wasm function bodies to JVM code: the service {@code wasmvm-compiler} provides
 * ({@code META-INF/services/org.wasmvm.core.tier.JvmCompiler}).
 */
public interface JvmCompiler {
    /** The internal name that {@link #compile}'s classes begin with, followed by the function index. */
    String OPTIMIZED_CLASS_PREFIX = "org/wasmvm/compiled/WasmFunction";
    /**
     * The same for its {@code baseline} classes: the JIT advice keeps C2 off every class named so
     * ({@link InterpreterJitAdvice}).
     */
    String BASELINE_CLASS_PREFIX = "org/wasmvm/compiled/BaselineFunction";
    /**
     * The package of the compiler's own classes (and its subpackages), apart from the code it generates:
     * the JIT advice keeps C2 off them, as off every code generator run once per function.
     */
    String GENERATOR_PACKAGE = "org/wasmvm/compiler/";

    /**
     * Identifies the code this compiler generates, so that the code cache never serves a class
     * compiled by another build of it.
     */
    String identity();

    /**
     * Compiles the defined function at {@code functionIndex} of a validated {@code module}.
     *
     * @param osrOperandBase -1 for plain code; else the code also gets on-stack-replacement entries
     *     at its loop headers, for interpreter frames whose operand at stack height {@code h} is in
     *     slot {@code osrOperandBase + h}
     * @param metered whether the code counts fuel exactly as the interpreter does (for stores with a
     *     fuel limit); otherwise it only polls {@code StoreContext.stop} and the clock
     * @param baseline whether the class is named with {@link #BASELINE_CLASS_PREFIX}, so that the JVM
     *     compiles it with C1 only; the code is the same either way, but for what only C2 makes use of
     * @throws UnsupportedOperationException when this function cannot be compiled (it then stays
     *     interpreted); the message says why
     */
    CompiledClass compile(ModuleCode module, int functionIndex, int osrOperandBase, boolean metered, boolean baseline);

    /**
     * Defines {@code compiled} (made by {@link #compile} in this JVM or another) as the code of
     * {@code functionIndex} in {@code tiers}; the JVM verifies it.
     *
     * @throws LinkageError when the class does not verify or link
     */
    JvmCode load(CompiledClass compiled, FunctionTiers tiers, int functionIndex);
}
