package org.wasmvm.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.wasmvm.core.CodeCache;
import org.wasmvm.core.Engine;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.run.InvokeArgumentException;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;
import org.wasmvm.core.run.Terminals;
import org.wasmvm.core.run.ValueText;

/**
 * The {@code wasmvm} command: runs a wasm program with the sysenv host modules, or invokes one of
 * its exports ({@code --invoke}) and prints the results, one a line. The process exit
 * code is the guest's (0 after an invocation); a module that cannot run (unreadable, malformed, invalid, link error, trap)
 * prints {@code wasmvm: error: …} and exits {@value RunResult#ERROR_EXIT_CODE}; a bad command line
 * exits {@value #USAGE_EXIT_CODE}, and so do arguments that do not fit an invoked export. See {@link CommandLine} for the syntax.
 *
 * <p>A thin front door: it turns the command line into a {@link RunRequest} for {@link ProgramRunner#run}
 * and the {@link RunResult} into an exit code and a message; running belongs to wasmvm-core.
 */
public final class Main {
    /** EX_USAGE of sysexits.h. */
    public static final int USAGE_EXIT_CODE = 64;
    /** WasmVM's -f skips validation; wasmvm's engine relies on it, so an invalid module fails anyway. */
    private static final String FORCE_NOTE = " (--force does not skip validation: wasmvm runs only valid modules)";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, terminals(System.console()), System.getenv()));
    }

    /**
     * Which of the JVM's standard streams are terminals, as far as the JDK tells: stdin and stdout
     * when it has a console ({@code console} not null), which on JDK 17 to 21 means both are, and
     * on JDK 22 to 24, whose console may stand for redirected streams, when {@code Console.isTerminal()}
     * says so too. No JDK API tells of stderr: it is taken to be what stdout is.
     */
    static Terminals terminals(Console console) {
        boolean terminal = console != null && isTerminal(console);
        return new Terminals(terminal, terminal, terminal);
    }

    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22, a console exists only when stdin and stdout are terminals
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Runs the command with explicit streams, which of them are terminals, and the host environment;
     * returns the exit code.
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Terminals terminals,
                   Map<String, String> hostEnv) {
        CommandLine command;
        try {
            command = CommandLine.parse(Arrays.asList(args));
        } catch (UsageException e) {
            return usageError(err, e.getMessage());
        }
        if (command.help()) {
            out.print(Help.TEXT);
            return 0;
        }
        if (command.version()) {
            out.println("wasmvm " + version());
            return 0;
        }
        Engine engine;
        try {
            engine = command.engine() != null ? command.engine() : Engine.configured();
        } catch (IllegalArgumentException e) { // -Dwasmvm.engine is part of the command line too
            return usageError(err, "-D" + Engine.PROPERTY + ": " + e.getMessage());
        }
        RunResult result = ProgramRunner.run(request(command, engine, in, out, err, terminals, hostEnv));
        if (result.failure() instanceof InvokeArgumentException e) {
            return usageError(err, "--invoke " + e.getMessage());
        }
        result.results().forEach(value -> out.println(ValueText.format(value)));
        if (!result.exited()) {
            err.println("wasmvm: error: " + describe(result.failure(), command.module())
                    + (command.force() && isInvalidModule(result.failure()) ? FORCE_NOTE : ""));
        }
        return result.exitCode();
    }

    private static int usageError(PrintStream err, String message) {
        err.println("wasmvm: usage: " + CommandLine.USAGE);
        err.println("wasmvm: " + message);
        return USAGE_EXIT_CODE;
    }

    private static RunRequest request(CommandLine command, Engine engine, InputStream in, PrintStream out,
                                      PrintStream err, Terminals terminals, Map<String, String> hostEnv) {
        RunRequest.Builder builder = RunRequest.builder(Path.of(command.module()));
        if (command.invoke() != null) { // the guest's arguments are also the export's, as in wasmtime
            builder.invoke(command.invoke(), command.arguments());
        }
        return builder
                .programName(command.module())
                .arguments(command.arguments())
                .environment(command.guestEnvironment(hostEnv))
                .root(Path.of(command.root() == null ? "" : command.root()))
                .noSystem(command.noSystem())
                .directories(command.directories())
                .moduleSearchPath(command.extraDirectories().stream().map(Path::of).toList())
                .noParent(command.noParent())
                .clock(command.clock())
                .randomSeed(command.randomSeed())
                .limits(command.maxThreads() == null ? RuntimeLimits.DEFAULT
                        : RuntimeLimits.DEFAULT.withMaxThreads(command.maxThreads()))
                .engine(engine)
                .codeCache(command.noCache() ? null : CodeCache.at(command.cacheDirectory() == null
                        ? CodeCache.defaultDirectory() : Path.of(command.cacheDirectory())))
                .stdin(in)
                .stdout(out)
                .stderr(err)
                .terminals(terminals)
                .build();
    }

    /** The failure's message (a trap's includes its wasm stack); I/O errors name the module file. */
    private static String describe(Exception failure, String module) {
        if (failure instanceof NoSuchFileException) {
            return "cannot read " + module + ": no such file";
        }
        if (failure instanceof IOException) {
            return "cannot read " + module + ": " + failure.getMessage();
        }
        String message = failure.getMessage();
        return message == null ? failure.toString() : message;
    }

    /** An invalid module, the main one or one it imports (whose failure is a link error caused by it). */
    private static boolean isInvalidModule(Exception failure) {
        return failure instanceof InvalidModuleException || failure.getCause() instanceof InvalidModuleException;
    }

    /** The jar manifest's Implementation-Version, or a marker when running from classes. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
