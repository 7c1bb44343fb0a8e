package org.wasmvm.core.tier;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Asks HotSpot, once per JVM, to keep its optimizing compiler (C2) off the interpreter's dispatch
 * loop when wasm code is also compiled (the tiered and compiler engines): there the interpreter
 * runs the cold code, which C1 serves well, while C2 compiled the 7 400-byte loop again after each
 * deoptimization, on the core the guest needed, and the loop ran in the JVM's own bytecode
 * interpreter meanwhile (RATIONALE "C2 stays off the interpreter loop when wasm is compiled").
 * The interpreter engine keeps C2. A compiler directive, added through the {@code DiagnosticCommand}
 * MBean ({@code jcmd Compiler.directives_add}) so that it needs no JVM flag; on a JVM without it
 * nothing changes. {@value #PROPERTY}{@code =true} leaves the JIT alone.
 */
final class InterpreterJitAdvice {
    /** The system property that keeps C2 on the interpreter loop (for measurements). */
    static final String PROPERTY = "wasmvm.interpreter.c2";
    /** The interpreter's dispatch: the loop and the handlers it calls, not the helpers compiled code shares. */
    static final List<String> DISPATCH = List.of("Interpreter", "NumericHandlers", "MemoryTableHandlers",
            "ReferenceHandlers", "ExceptionHandlers", "AtomicHandlers", "GcHandlers", "GcArrayHandlers", "SimdHandlers",
            "SimdMemoryHandlers");
    static final String DIRECTIVE = DISPATCH.stream()
            .map(name -> "\"org/wasmvm/core/interp/" + name + ".*\"")
            .collect(Collectors.joining(", ", "[{ match: [", "], c2: { Exclude: true } }]"));
    /** How long a run goes on before the directive: longer than a typical short command. */
    static final long DELAY_MILLIS = 1000;
    private static final AtomicBoolean GIVEN = new AtomicBoolean();

    private InterpreterJitAdvice() {
    }

    /**
     * Adds the directive in the background after {@link #DELAY_MILLIS}, the first time only: a short
     * run does not pay for the management classes (0.2 s of CPU on the core the JIT needs), and it
     * gains from C2's first compilation of the loop; what costs in a long run are the compilations
     * after deoptimizations, which come later and which the directive stops.
     */
    static void give() {
        give(DELAY_MILLIS);
    }

    /** {@link #give()} after {@code delayMillis} instead (tests wait for none). */
    static void give(long delayMillis) {
        if (Boolean.getBoolean(PROPERTY) || !GIVEN.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> addDirective(delayMillis), "wasmvm-jit-advice");
        thread.setDaemon(true);
        thread.start();
    }

    private static void addDirective(long delayMillis) {
        try {
            Thread.sleep(delayMillis);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JMException | IOException | RuntimeException | LinkageError e) {
            CompilerTier.log(Level.DEBUG, "JIT advice not taken (not HotSpot, or no management): " + e);
        } catch (OutOfMemoryError e) {
            // a guest filled the heap meanwhile (GC objects it keeps; its own thread traps): the advice is
            // optional, and reporting it would need memory too, so this thread ends quietly
        }
    }
}
