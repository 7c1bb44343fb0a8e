package org.wasmvm.core.spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opentest4j.AssertionFailedError;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Features;
import org.wasmvm.core.Instance;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.Module;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.ValType;

/**
 * Executes the commands of one spec script in order. Holds the script's state: one {@link Store} (with
 * {@code spectest} defined) and its module definitions and instances ({@link SpecModuleRegistry}); a
 * {@code thread} command runs its commands on a {@link SpecThread} with a runner of its own. A command
 * that does not hold throws an {@link AssertionFailedError} saying what was expected and what happened; commands that
 * need a module that failed to load fail with a {@link DependentFailure}. In validation-only mode only the
 * commands that decode and validate run ({@link #VALIDATION_COMMANDS}; a {@code module} is loaded, not
 * instantiated); every other is {@link Outcome#SKIPPED_NOT_EXECUTED}.
 */
final class SpecFileRunner {
    /** How a command that did not fail ended. */
    enum Outcome {
        PASSED,
        /** The command needs the text format (a {@code .wat} module), which this binary-only engine skips. */
        SKIPPED_TEXT_FORMAT,
        /** The command executes code or instantiates a module, which a validation-only run does not do. */
        SKIPPED_NOT_EXECUTED
    }

    /** The commands a validation-only run runs. */
    private static final Set<String> VALIDATION_COMMANDS =
            Set.of("module", "module_definition", "assert_invalid", "assert_malformed");

    /** A command failed only because a module it depends on failed to load earlier. */
    static final class DependentFailure extends AssertionFailedError {
        private static final long serialVersionUID = 1L;

        DependentFailure(String message) {
            super(message);
        }
    }

    private final Path directory;
    private final Features features;
    private final boolean validationOnly;
    /** A generous time limit per call, so that an engine bug shows as a failed command, not a hung build. */
    private final Store store = new Store(RuntimeLimits.DEFAULT.withTimeout(Duration.ofSeconds(20)));
    private final SpecModuleRegistry modules = new SpecModuleRegistry();
    /** The threads this runner started (threads proposal), by name; {@link #lastThread} is a {@code wait}'s default. */
    private final Map<String, SpecThread> threads = new ConcurrentHashMap<>();
    private final List<SpecThread> started = new CopyOnWriteArrayList<>();
    private SpecThread lastThread;

    SpecFileRunner(Path directory, Features features, boolean validationOnly) {
        this.directory = directory;
        this.features = features;
        this.validationOnly = validationOnly;
        SpectestModule.define(store, features);
    }

    Outcome run(SpecCommand c) {
        if (validationOnly && !VALIDATION_COMMANDS.contains(c.type())) {
            return Outcome.SKIPPED_NOT_EXECUTED;
        }
        switch (c.type()) {
            case "module" -> {
                if (validationOnly) {
                    define(c);
                } else {
                    module(c);
                }
            }
            case "module_definition" -> define(c);
            case "module_instance" -> moduleInstance(c);
            case "register" -> register(c);
            case "action" -> action(c);
            case "assert_return" -> assertReturn(c);
            case "assert_trap" -> assertTrap(c);
            case "assert_exhaustion" -> assertExhaustion(c);
            case "assert_exception" -> assertException(c);
            case "assert_invalid", "assert_malformed" -> {
                if (c.isTextModule()) {
                    return Outcome.SKIPPED_TEXT_FORMAT;
                }
                assertRejected(c);
            }
            case "assert_unlinkable" -> assertUnlinkable(c);
            case "assert_uninstantiable" -> assertUninstantiable(c);
            case "thread" -> startThread(c);
            case "wait" -> joined(c).join();
            default -> throw fail("unsupported command type '" + c.type() + "'", null);
        }
        return Outcome.PASSED;
    }

    // ---- threads

    /**
     * A runner for a {@code thread}'s commands: a store and registry of its own (it imports only what it
     * registers itself), knowing {@code shared} (instances and definitions of this runner, by name) as its own.
     */
    SpecFileRunner forThread(List<String> shared) {
        var runner = new SpecFileRunner(directory, features, validationOnly);
        shared.forEach(name -> runner.modules.share(name, modules));
        return runner;
    }

    private void startThread(SpecCommand c) {
        String name = c.name() == null ? "line " + c.line() : c.name();
        SpecThread thread = SpecThread.start(name, forThread(c.sharedModules()), c.commands());
        started.add(thread);
        if (c.name() != null) {
            threads.put(c.name(), thread);
        }
        lastThread = thread;
    }

    /** The thread a {@code wait} names, else the last one started. */
    SpecThread joined(SpecCommand wait) {
        SpecThread thread = wait.thread() == null ? lastThread : threads.get(wait.thread());
        if (thread == null) {
            throw fail(wait.thread() == null ? "no thread has been started yet" : "no thread named " + wait.thread(),
                    null);
        }
        return thread;
    }

    /** Stops the code of this runner's store and of its threads (a thread that does not finish in time). */
    void interrupt() {
        store.interrupt();
        started.forEach(SpecThread::interrupt);
    }

    // ---- module commands

    private void module(SpecCommand c) {
        if (c.isTextModule()) {
            String failure = "it is a text-format module (" + c.filename() + "), not supported";
            modules.instantiated(c.name(), SpecModuleRegistry.Slot.failed(c.line(), failure));
            throw fail("cannot use module: " + failure, null);
        }
        Module module = moduleFor(c.name(), c.line(), () -> define(c));
        instantiate(c.name(), module, c.line(), c.filename());
    }

    private void moduleInstance(SpecCommand c) {
        Module module = moduleFor(c.instance(), c.line(), () -> modules.definition(c.module(), "instantiate it"));
        instantiate(c.instance(), module, c.line(), definitionName(c));
    }

    /** The module to instantiate as {@code name}; when there is none, that instance is recorded as failed too. */
    private Module moduleFor(String name, int line, Body<Module> module) {
        try {
            return module.get();
        } catch (AssertionFailedError e) { // the instance's commands depend on this failure
            modules.instantiated(name, SpecModuleRegistry.Slot.failed(line, e.getMessage()));
            throw e;
        }
    }

    /** Loads (decodes and validates) the command's module file as the current definition, named as the command says. */
    private Module define(SpecCommand c) {
        Attempt<Module> loaded = attempt(() -> Wasm.load(read(c.filename()), features));
        if (loaded.error != null) {
            String failure = "loading " + c.filename() + " threw " + describe(loaded.error);
            modules.defined(c.name(), SpecModuleRegistry.Slot.failed(c.line(), failure));
            throw fail("expected module " + c.filename() + " to load, but it threw " + describe(loaded.error),
                    loaded.error);
        }
        modules.defined(c.name(), new SpecModuleRegistry.Slot<>(loaded.value, c.line(), null));
        return loaded.value;
    }

    /** Instantiates {@code module} (described as {@code what}) as the current instance, and as {@code name}. */
    private void instantiate(String name, Module module, int line, String what) {
        Attempt<Instance> instance = attempt(() -> store.instantiate(module));
        if (instance.error != null) {
            String failure = "instantiating " + what + " threw " + describe(instance.error);
            modules.instantiated(name, SpecModuleRegistry.Slot.failed(line, failure));
            throw fail("expected " + what + " to instantiate, but it threw " + describe(instance.error),
                    instance.error);
        }
        modules.instantiated(name, new SpecModuleRegistry.Slot<>(instance.value, line, null));
    }

    private static String definitionName(SpecCommand c) {
        return c.module() == null ? "the current module definition" : "module definition " + c.module();
    }

    private void register(SpecCommand c) {
        Instance instance = modules.instance(c.name(), "register it as \"" + c.as() + "\"");
        store.register(c.as(), instance);
    }

    private void assertRejected(SpecCommand c) {
        boolean invalid = c.type().equals("assert_invalid");
        Class<? extends Throwable> wanted = invalid ? InvalidModuleException.class : MalformedModuleException.class;
        String expectation = "expected " + wanted.getSimpleName() + " with reason containing \"" + c.text() + "\"";
        Attempt<Module> loaded = attempt(() -> Wasm.load(read(c.filename()), features));
        if (loaded.error == null) {
            throw fail(expectation + ", but " + c.filename() + " loaded without error", null);
        }
        String reason = loaded.error instanceof InvalidModuleException e ? e.reason()
                : loaded.error instanceof MalformedModuleException e ? e.reason() : null;
        if (!wanted.isInstance(loaded.error)) {
            throw fail(expectation + ", but got " + describe(loaded.error), loaded.error);
        }
        if (reason == null || !reason.contains(c.text())) {
            throw fail(expectation + ", but the reason was \"" + reason + "\" (" + describe(loaded.error) + ")",
                    loaded.error);
        }
    }

    private void assertUnlinkable(SpecCommand c) {
        Module module = loadForInstantiation(c);
        Attempt<Instance> instance = attempt(() -> store.instantiate(module));
        String expectation = "expected LinkException (\"" + c.text() + "\")";
        if (instance.error == null) {
            throw fail(expectation + ", but " + subject(c) + " instantiated", null);
        }
        if (!(instance.error instanceof LinkException)) {
            throw fail(expectation + ", but got " + describe(instance.error), instance.error);
        }
        // our messages differ from the reference interpreter's; only the two categories are checked
        String text = c.text();
        boolean knownCategory = "unknown import".equals(text) || "incompatible import type".equals(text);
        String message = String.valueOf(instance.error.getMessage());
        if (knownCategory && !message.contains(text)) {
            throw fail(expectation + ", but the message says another kind of link error: " + describe(instance.error),
                    instance.error);
        }
    }

    private void assertUninstantiable(SpecCommand c) {
        Module module = loadForInstantiation(c);
        Attempt<Instance> instance = attempt(() -> store.instantiate(module));
        String expectation = "expected instantiation to trap with \"" + c.text() + "\"";
        if (instance.error == null) {
            throw fail(expectation + ", but " + subject(c) + " instantiated", null);
        }
        checkTrap(expectation, c.text(), instance.error);
    }

    /** The module an {@code assert_unlinkable}/{@code assert_uninstantiable} instantiates: its file or a definition. */
    private Module loadForInstantiation(SpecCommand c) {
        if (c.filename() == null) {
            return modules.definition(c.module(), c.type());
        }
        if (c.isTextModule()) {
            throw fail("text-format module " + c.filename() + " in " + c.type() + " is not supported", null);
        }
        Attempt<Module> loaded = attempt(() -> Wasm.load(read(c.filename()), features));
        if (loaded.error != null) {
            throw fail("expected " + c.filename() + " to load (the assertion is about instantiation), but it threw "
                    + describe(loaded.error), loaded.error);
        }
        return loaded.value;
    }

    private static String subject(SpecCommand c) {
        return c.filename() != null ? c.filename() : definitionName(c);
    }

    // ---- action commands

    private void action(SpecCommand c) {
        Call call = prepare(c.action());
        Attempt<Value[]> result = attempt(call::run);
        if (result.error != null) {
            throw fail("expected " + c.action() + " to complete, but it threw " + describe(result.error), result.error);
        }
    }

    private void assertReturn(SpecCommand c) {
        Call call = prepare(c.action());
        Attempt<Value[]> result = attempt(call::run);
        String expectation = "expected " + formatExpected(c.expected());
        if (result.error != null) {
            throw fail(expectation + ", but " + c.action() + " threw " + describe(result.error), result.error);
        }
        Value[] slots = result.value == null ? new Value[0] : result.value;
        List<ValType> types = call.resultTypes;
        if (types.size() != c.expected().size() || slots.length < types.size()) {
            throw fail(expectation + ", but the export has result types " + types + " and returned "
                    + slots.length + " value(s)", null);
        }
        boolean ok = true;
        for (int i = 0; i < types.size(); i++) {
            ok &= SpecValues.matches(c.expected().get(i), slots[i]);
        }
        if (!ok) {
            var got = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < types.size(); i++) {
                got.add(SpecValues.format(slots[i]));
            }
            throw fail(expectation + ", but got " + got, null);
        }
    }

    private void assertTrap(SpecCommand c) {
        Call call = prepare(c.action());
        Attempt<Value[]> result = attempt(call::run);
        String expectation = "expected " + c.action() + " to trap with \"" + c.text() + "\"";
        if (result.error == null) {
            throw fail(expectation + ", but it returned " + formatSlots(call.resultTypes, result.value), null);
        }
        checkTrap(expectation, c.text(), result.error);
    }

    private void assertExhaustion(SpecCommand c) {
        Call call = prepare(c.action());
        Attempt<Value[]> result = attempt(call::run);
        String expectation = "expected " + c.action() + " to trap with " + TrapKind.CALL_STACK_EXHAUSTED;
        if (result.error == null) {
            throw fail(expectation + ", but it returned " + formatSlots(call.resultTypes, result.value), null);
        }
        if (result.error instanceof StackOverflowError) {
            throw fail(expectation + ", but a java.lang.StackOverflowError escaped the engine", result.error);
        }
        if (!(result.error instanceof WasmTrap trap) || trap.kind() != TrapKind.CALL_STACK_EXHAUSTED) {
            throw fail(expectation + ", but got " + describe(result.error), result.error);
        }
    }

    /** The action must let a wasm exception ({@link ThrownException}) out; the scripts do not say of which tag. */
    private void assertException(SpecCommand c) {
        Call call = prepare(c.action());
        Attempt<Value[]> result = attempt(call::run);
        String expectation = "expected " + c.action() + " to throw a wasm exception";
        if (result.error == null) {
            throw fail(expectation + ", but it returned " + formatSlots(call.resultTypes, result.value), null);
        }
        if (!(result.error instanceof ThrownException)) {
            throw fail(expectation + ", but got " + describe(result.error), result.error);
        }
    }

    /**
     * The trap must carry the expected text in its message or its kind's message; a text that merely extends
     * the kind's message with details (e.g. {@code uninitialized element 2}) is accepted too.
     */
    private static void checkTrap(String expectation, String text, Throwable error) {
        if (!(error instanceof WasmTrap trap)) {
            throw fail(expectation + ", but got " + describe(error), error);
        }
        String message = String.valueOf(trap.getMessage());
        String kindMessage = trap.kind() == null ? "" : trap.kind().message();
        boolean matches = text == null || message.contains(text) || kindMessage.contains(text)
                || (!kindMessage.isEmpty() && text.startsWith(kindMessage));
        if (!matches) {
            throw fail(expectation + ", but it trapped with kind " + trap.kind() + ": " + describe(error), error);
        }
    }

    // ---- invoking

    /** A resolved action, ready to run. */
    private record Call(Runner runner, List<ValType> resultTypes) {
        Value[] run() {
            return runner.run();
        }
    }

    @FunctionalInterface
    private interface Runner {
        Value[] run();
    }

    private Call prepare(SpecAction action) {
        if (action == null) {
            throw fail("command has no action", null);
        }
        Instance instance = modules.instance(action.module(), action.type() + " \"" + action.field() + "\"");
        if (!instance.hasExport(action.field())) {
            throw fail("the module has no export \"" + action.field() + "\"", null);
        }
        switch (action.type()) {
            case "invoke" -> {
                ExportedFunction function;
                try {
                    function = instance.function(action.field());
                } catch (RuntimeException e) {
                    throw fail("cannot get exported function \"" + action.field() + "\": " + describe(e), e);
                }
                List<ValType> params = function.type().params();
                if (params.size() != action.args().size()) {
                    throw fail("export \"" + action.field() + "\" has parameters " + params + " but the command passes "
                            + action.args(), null);
                }
                Value[] args = new Value[params.size()];
                for (int i = 0; i < args.length; i++) {
                    SpecValue arg = action.args().get(i);
                    ValType argType = SpecValues.type(arg.type());
                    // a reference argument may go to a typed reference parameter (a defined or non-null type)
                    if (!argType.equals(params.get(i)) && !(argType.isReference() && params.get(i).isReference())) {
                        throw fail("argument " + i + " is " + arg + " but the parameter type is " + params.get(i), null);
                    }
                    args[i] = SpecValues.argument(arg, params.get(i));
                }
                return new Call(() -> function.call(args), function.type().results());
            }
            case "get" -> {
                org.wasmvm.core.Global global;
                try {
                    global = instance.global(action.field());
                } catch (RuntimeException e) {
                    throw fail("cannot get exported global \"" + action.field() + "\": " + describe(e), e);
                }
                ValType type = global.type().valType();
                return new Call(() -> new Value[] {global.get()}, List.of(type));
            }
            default -> throw fail("unsupported action type '" + action.type() + "'", null);
        }
    }

    // ---- helpers

    private byte[] read(String filename) {
        if (filename == null) {
            throw new IllegalArgumentException("command has no filename");
        }
        try {
            return Files.readAllBytes(directory.resolve(filename));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + filename, e);
        }
    }

    private record Attempt<T>(T value, Throwable error) {
    }

    @FunctionalInterface
    private interface Body<T> {
        T get();
    }

    /** Runs {@code body}, capturing anything it throws (including StackOverflowError and engine assertion errors). */
    private static <T> Attempt<T> attempt(Body<T> body) {
        try {
            return new Attempt<>(body.get(), null);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                if (t instanceof OutOfMemoryError) {
                    return new Attempt<>(null, t);
                }
                throw (VirtualMachineError) t;
            }
            return new Attempt<>(null, t);
        }
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "nothing";
        }
        String message = t.getMessage();
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500) + "...";
        }
        String s = t.getClass().getName() + (message == null ? "" : ": " + message);
        if (t instanceof NullPointerException || t instanceof ClassCastException
                || t instanceof IndexOutOfBoundsException || t instanceof AssertionError) {
            s += " at " + topFrame(t);
        }
        return s;
    }

    private static String topFrame(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length == 0) {
            var w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            return w.toString();
        }
        return trace[0].toString();
    }

    private static String formatExpected(List<SpecValue> expected) {
        var s = new StringJoiner(", ", "[", "]");
        expected.forEach(v -> s.add(SpecValues.format(v)));
        return s.toString();
    }

    private static String formatSlots(List<ValType> types, Value[] values) {
        var s = new StringJoiner(", ", "[", "]");
        for (int i = 0; values != null && i < values.length; i++) {
            s.add(SpecValues.format(values[i]));
        }
        return s.toString();
    }

    private static AssertionFailedError fail(String message, Throwable cause) {
        return new AssertionFailedError(message, cause);
    }
}
