package org.wasmvm.core.tier;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Asks HotSpot, once per JVM, to keep its optimizing compiler (C2) off the interpreter's dispatch
 * loop and its lowering when a large module's wasm code is also compiled (the tiered and compiler
 * engines; a small module is compiled whole): there the interpreter runs the cold code, which C1
 * serves well, while C2 took a second of CPU for the 7 400-byte loop and compiled it again after each
 * deoptimization, on the core the guest needed, and the loop ran in the JVM's own bytecode
 * interpreter meanwhile (RATIONALE "C2 stays off the interpreter loop when wasm is compiled").
 * Lowering, run once per function, went the same way (C2 compiled it three to five times in a
 * synthesis, 1.7 s). And off baseline code, the wasm code compiled first, until {@link HotCodeSampler}
 * finds it worth C2's work. And off the code generators, also run once per function: the compiler,
 * ASM, and the JDK's own ASM that spins method-handle classes for compiled code's call sites (C2 took
 * 1.3 s of a synthesis's CPU for them, RATIONALE "C2 stays off the code generators"). And off the
 * tiers' bridges from compiled code into the interpreter ({@link #BRIDGES}). The interpreter
 * engine keeps C2. A compiler directive, added through the
 * {@code DiagnosticCommand} MBean ({@code jcmd Compiler.directives_add}) so that it needs no JVM
 * flag; on a JVM without it nothing changes. {@value #PROPERTY}{@code =true} leaves the JIT alone;
 * {@code =false} says a JVM flag keeps C2 off already (the launcher's {@code -XX:CompileCommandFile},
 * which spares a short run the management classes), so nothing is added either.
 */
final class InterpreterJitAdvice {
    /** The system property: {@code true} keeps C2 on the interpreter loop (for measurements), {@code false} means a flag keeps it off. */
    static final String PROPERTY = "wasmvm.interpreter.c2";
    /**
     * The interpreter's dispatch (the loop and the handlers it calls, not the helpers compiled code
     * shares) and its lowering, as internal class names.
     */
    static final List<String> CLASSES = Stream.concat(Stream.of("Interpreter", "NumericHandlers",
                    "MemoryTableHandlers", "ReferenceHandlers", "ExceptionHandlers", "AtomicHandlers", "GcHandlers",
                    "GcArrayHandlers", "SimdHandlers", "SimdMemoryHandlers").map(name -> "org/wasmvm/core/interp/" + name),
            Stream.of("FunctionLowering", "GcLowering", "Immediates", "ValueUse").map(name -> "org/wasmvm/core/lower/" + name))
            .toList();
    /**
     * The tiers' bookkeeping, among it the bridge from compiled code into a function not compiled yet
     * ({@link FunctionTiers#enter}): C2 inlined the nested interpreter's entry there and speculated
     * on what the first calls had done (the pool of interpreters never empty, the callee never
     * compiled), so each change of phase deoptimized the guest and had C2 compile it again (four times
     * in nextpnr-ice40, 0.16 s; RATIONALE "C2 stays off the tiers' bridges").
     */
    static final List<String> BRIDGES = List.of("org/wasmvm/core/tier/FunctionTiers");
    /** The code generators' packages, as prefixes of internal class names: the compiler, ASM, the JDK's ASM. */
    static final List<String> GENERATORS = List.of(JvmCompiler.GENERATOR_PACKAGE, "org/objectweb/asm/",
            "jdk/internal/org/objectweb/asm/");
    /** What the directive names: those classes, the bridges, baseline code ({@link HotCodeSampler}) and the generators. */
    static final List<String> PATTERNS = Stream.of(CLASSES.stream(), BRIDGES.stream(),
            Stream.of(JvmCompiler.BASELINE_CLASS_PREFIX + "*"),
            GENERATORS.stream().map(prefix -> prefix + "*")).flatMap(names -> names).toList();
    static final String DIRECTIVE = PATTERNS.stream()
            .map(name -> "\"" + name + ".*\"")
            .collect(Collectors.joining(", ", "[{ match: [", "], c2: { Exclude: true } }]"));
    private static final AtomicBoolean GIVEN = new AtomicBoolean();

    private InterpreterJitAdvice() {
    }

    /**
     * Adds the directive on a daemon thread beside the run, the first time only. When a large module
     * gets compiled tiers: its interpreter runs the cold code beside compiled code for seconds, and
     * C2's first compilations of the loop and of lowering (a second of CPU on the core the guest
     * needs) cost more than they gain in those seconds. Not later, at the module's first compilation:
     * that spared a short run the management classes (0.07 s of {@code yosys -V} through {@code java -jar}),
     * but let C2 take the loop and lowering first (nextpnr-ice40 0.58 s slower, RATIONALE "C2 stays
     * off the interpreter loop when wasm is compiled").
     */
    static void give() {
        if (System.getProperty(PROPERTY) != null || !GIVEN.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(InterpreterJitAdvice::addDirective, "wasmvm-jit-advice");
        thread.setDaemon(true);
        thread.start();
    }

    private static void addDirective() {
        try {
            Path file = Files.createTempFile("wasmvm-jit", ".json");
            file.toFile().deleteOnExit(); // the JVM may exit while HotSpot reads it: this daemon thread stops there
            try {
                Files.writeString(file, DIRECTIVE);
                Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
                CompilerTier.log(Level.DEBUG, "JIT advice: " + reply);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (JMException | IOException | RuntimeException | LinkageError e) {
            CompilerTier.log(Level.DEBUG, "JIT advice not taken (not HotSpot, or no management): " + e);
        } catch (OutOfMemoryError e) {
            // a guest filled the heap meanwhile (GC objects it keeps; its own thread traps): the advice is
            // optional, and reporting it would need memory too, so this thread ends quietly
        }
    }
}
