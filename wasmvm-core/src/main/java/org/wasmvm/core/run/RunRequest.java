package org.wasmvm.core.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wasmvm.core.CodeCache;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Features;
import org.wasmvm.core.LoadedModules;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.sandbox.GuestClock;

/**
 * Everything one run of a wasm program needs: the module, its arguments and environment, the
 * sandbox root and working directory, its standard streams and which of them are terminals, whether
 * the sysenv host modules are offered, the entry point, the limits, the engine, and the guest's
 * clock and random bytes, which a reproducible build pins. Immutable; build one with {@link #builder(Path)} or
 * {@link #builder(byte[], String)} and pass it to {@link ProgramRunner#run(RunRequest)}.
 *
 * @param modulePath the module file, or {@code null} when {@code moduleBytes} are given
 * @param moduleBytes the module binary, or {@code null} when {@code modulePath} is given
 * @param programName {@code argv[0]}: the module path as the user gave it
 * @param arguments {@code argv[1…]}
 * @param environment the variables the guest sees (nothing else of the host's)
 * @param root the host directory the guest's file system is confined to
 * @param workingDirectory the guest's initial working directory, a guest path inside the root
 * @param stdin the guest's fd 0
 * @param stdout the guest's fd 1
 * @param stderr the guest's fd 2
 * @param terminals which of the three streams the guest is told are terminals (none unless the
 *     embedder knows they are)
 * @param noSystem when set, no host module is offered (importing sys_fs/sys_proc is a link error)
 * @param entryPoint the export to call after instantiation, or {@code null} for {@code _start}
 *     (else {@code main})
 * @param limits memory, call depth, fuel and time limits
 * @param features the WebAssembly features the module may use
 * @param directories further host directories a WASI guest sees as preopened directories (the
 *     root is always preopened as {@code /})
 * @param engine how the program's code runs (its {@link Store}'s engine)
 * @param codeCache where validation verdicts and compiled code are kept between runs, or
 *     {@code null} for nowhere
 * @param modules modules already loaded in this JVM, shared with other runs, or {@code null} to
 *     load the module afresh
 * @param moduleSearchPath host directories searched, in order, for modules the program imports by
 *     name (the command line's {@code -e}); README's "Programs of several modules" has the rules
 * @param noParent when set, an importing module's own directory is not searched (the command line's {@code -np})
 * @param linkDirectory the host directory import names are first resolved against, as paths
 *     relative to the current directory; the JVM's working directory by default
 * @param invokeArguments {@code null} for a program run; else the run invokes {@code entryPoint}
 *     with these arguments, read by its parameter types ({@link ValueText}), and its results are
 *     the run's ({@link RunResult#results()}, exit code 0), as wasmtime's {@code --invoke}
 * @param clock {@code null} for the host's wall clock; else the instant the guest's realtime clock
 *     shows at the guest's first reading, advancing with the host's monotonic clock from there (sysenv's
 *     {@code CLOCK_REALTIME}, WASI's realtime clock); the monotonic clocks are the host's either way
 * @param randomSeed {@code null} for random bytes from the host's secure generator; else the seed
 *     of a deterministic generator (WASI's {@code random_get}), the same bytes in every run with
 *     that seed, and so no secret: never for keys
 */
public record RunRequest(
        Path modulePath,
        byte[] moduleBytes,
        String programName,
        List<String> arguments,
        Map<String, String> environment,
        Path root,
        String workingDirectory,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr,
        Terminals terminals,
        boolean noSystem,
        String entryPoint,
        RuntimeLimits limits,
        Features features,
        List<DirectoryMapping> directories,
        Engine engine,
        CodeCache codeCache,
        LoadedModules modules,
        List<Path> moduleSearchPath,
        boolean noParent,
        Path linkDirectory,
        List<String> invokeArguments,
        Instant clock,
        Long randomSeed) {

    /** The seed of a deterministic run that names none: fixed, so that every build agrees on it. */
    public static final long DEFAULT_SEED = 0;

    public RunRequest {
        directories = directories == null ? List.of() : List.copyOf(directories);
        if ((modulePath == null) == (moduleBytes == null)) {
            throw new IllegalArgumentException("give exactly one of a module path and module bytes");
        }
        Objects.requireNonNull(programName, "programName");
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(terminals, "terminals");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(engine, "engine");
        moduleSearchPath = moduleSearchPath == null ? List.of() : List.copyOf(moduleSearchPath);
        Objects.requireNonNull(linkDirectory, "linkDirectory");
        if (invokeArguments != null) {
            invokeArguments = List.copyOf(invokeArguments);
            Objects.requireNonNull(entryPoint, "an invocation needs the entryPoint it invokes");
        }
        if (clock != null) {
            GuestClock.requireInRange(clock);
        }
    }

    /** A request for the module file at {@code module}; {@code argv[0]} is the path as given. */
    public static Builder builder(Path module) {
        return new Builder(module, null, module.toString());
    }

    /** A request for a module binary; {@code name} becomes {@code argv[0]} and names it in errors. */
    public static Builder builder(byte[] module, String name) {
        return new Builder(null, module.clone(), name);
    }

    /** Builds a {@link RunRequest}; defaults: no arguments, empty environment, root = current directory, cwd "/", the JVM's streams (no terminals), sysenv on, default entry point (a program run) and limits, all features, the engine of {@link Engine#configured()}, the host's clock and secure random bytes. */
    public static final class Builder {
        private final Path modulePath;
        private final byte[] moduleBytes;
        private String programName;
        private List<String> arguments = List.of();
        private Map<String, String> environment = Map.of();
        private Path root = Path.of("");
        private String workingDirectory = "/";
        private InputStream stdin = System.in;
        private OutputStream stdout = System.out;
        private OutputStream stderr = System.err;
        private Terminals terminals = Terminals.NONE;
        private boolean noSystem;
        private String entryPoint;
        private RuntimeLimits limits = RuntimeLimits.DEFAULT;
        private Features features = Features.all();
        private List<DirectoryMapping> directories = List.of();
        private Engine engine;
        private CodeCache codeCache;
        private LoadedModules modules;
        private List<Path> moduleSearchPath = List.of();
        private boolean noParent;
        private Path linkDirectory = Path.of("");
        private List<String> invokeArguments;
        private Instant clock;
        private Long randomSeed;

        private Builder(Path modulePath, byte[] moduleBytes, String programName) {
            this.modulePath = modulePath;
            this.moduleBytes = moduleBytes;
            this.programName = programName;
        }

        public Builder programName(String name) {
            this.programName = name;
            return this;
        }

        public Builder arguments(List<String> args) {
            this.arguments = args;
            return this;
        }

        public Builder environment(Map<String, String> env) {
            this.environment = env;
            return this;
        }

        public Builder root(Path directory) {
            this.root = directory;
            return this;
        }

        public Builder workingDirectory(String guestPath) {
            this.workingDirectory = guestPath;
            return this;
        }

        public Builder stdin(InputStream in) {
            this.stdin = in;
            return this;
        }

        public Builder stdout(OutputStream out) {
            this.stdout = out;
            return this;
        }

        public Builder stderr(OutputStream err) {
            this.stderr = err;
            return this;
        }

        /** Which of the streams are terminals; none by default, as a Java stream is not one. */
        public Builder terminals(Terminals which) {
            this.terminals = which;
            return this;
        }

        public Builder noSystem(boolean off) {
            this.noSystem = off;
            return this;
        }

        /** The export a program run calls instead of {@code _start} (else {@code main}); it takes no parameters. */
        public Builder entryPoint(String export) {
            this.entryPoint = export;
            return this;
        }

        /** Invoke {@code export} with {@code arguments} instead of running a program (see {@link RunRequest#invokeArguments()}). */
        public Builder invoke(String export, List<String> arguments) {
            this.entryPoint = Objects.requireNonNull(export, "export");
            this.invokeArguments = List.copyOf(arguments);
            return this;
        }

        public Builder limits(RuntimeLimits runtimeLimits) {
            this.limits = runtimeLimits;
            return this;
        }

        public Builder features(Features enabled) {
            this.features = enabled;
            return this;
        }

        /** Host directories a WASI guest sees as preopened directories, after the root ({@code /}). */
        public Builder directories(List<DirectoryMapping> mappings) {
            this.directories = mappings;
            return this;
        }

        /** The engine of the run's store; without one, {@link Engine#configured()} when the request is built. */
        public Builder engine(Engine runEngine) {
            this.engine = runEngine;
            return this;
        }

        /** The persistent code cache the run loads the module through; none by default. */
        public Builder codeCache(CodeCache cache) {
            this.codeCache = cache;
            return this;
        }

        /** Take the module from (and add it to) modules loaded in this JVM; none by default. */
        public Builder modules(LoadedModules loaded) {
            this.modules = loaded;
            return this;
        }

        /** Directories searched, in order, for the modules the program imports by name; none by default. */
        public Builder moduleSearchPath(List<Path> directories) {
            this.moduleSearchPath = directories;
            return this;
        }

        /** Whether an importing module's own directory is left out of the search; searched by default. */
        public Builder noParent(boolean skip) {
            this.noParent = skip;
            return this;
        }

        /** The directory import names are first tried against; the JVM's working directory by default. */
        public Builder linkDirectory(Path directory) {
            this.linkDirectory = directory;
            return this;
        }

        /** Pin the guest's realtime clock at {@code start} (its first reading); {@code null} for the host's (the default). */
        public Builder clock(Instant start) {
            this.clock = start;
            return this;
        }

        /** Take random bytes from a generator seeded with {@code seed}; {@code null} for the host's secure one (the default). */
        public Builder randomSeed(Long seed) {
            this.randomSeed = seed;
            return this;
        }

        /**
         * @throws IllegalArgumentException for a {@link #clock} a guest's clock cannot show (before
         *     1970 or after 2262), or any other inconsistent setting
         */
        public RunRequest build() {
            return new RunRequest(modulePath, moduleBytes, programName, arguments, environment, root,
                    workingDirectory, stdin, stdout, stderr, terminals, noSystem, entryPoint, limits, features,
                    directories, engine != null ? engine : Engine.configured(), codeCache, modules, moduleSearchPath,
                    noParent, linkDirectory, invokeArguments, clock, randomSeed);
        }
    }
}
