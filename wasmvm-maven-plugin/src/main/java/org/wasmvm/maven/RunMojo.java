package org.wasmvm.maven;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.build.BuildContext;
import org.eclipse.aether.RepositorySystem;
import org.wasmvm.core.CodeCache;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.Engine;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;
import org.wasmvm.core.run.Terminals;

/**
 * Runs a WebAssembly program with wasmvm, in the build's JVM: a wasm tool in a build phase, a code
 * generator whose output is compiled with the project, or a test program.
 *
 * <p>The program runs sandboxed: its file system (the {@code sys_fs} host module) is confined to
 * {@code root}, it sees only the configured {@code environmentVariables}, and its standard output
 * and error go to the Maven log (stdout at INFO, stderr at WARN) unless redirected to files. A
 * non-success exit code, a trap, a link error or an invalid module fails the build with a message
 * that names the module and the execution.
 *
 * <p>The default phase is {@code generate-sources}, because generating code is the use that needs
 * no further wiring; bind an {@code <execution>} to another phase ({@code process-resources},
 * {@code test}, {@code verify}, ...) to run a tool or a test program there.
 *
 * <p>Every run ends with one INFO line naming the module, the duration and the exit code. In
 * Eclipse (m2e) the goal runs on project configuration and on incremental builds; an incremental
 * build in which neither the module, the POM, {@code stdin} nor a directory of {@code inputs}
 * changed skips the run, and the IDE is told about the generated directories, the directories of
 * {@code outputs} and the {@code stdout}/{@code stderr} files after each run.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class RunMojo extends AbstractMojo {

    /**
     * The WebAssembly module ({@code .wasm} file) to run, relative to the project directory. Give
     * either this or {@code moduleArtifact}; with a {@code moduleArtifact} that is a tool archive,
     * this is the path of the module inside the archive, e.g. {@code bin/tool.wasm}.
     */
    @Parameter(property = "wasmvm.module")
    private File module;

    /**
     * The module as Maven coordinates, {@code groupId:artifactId[:extension[:classifier]]:version}
     * (the extension defaults to {@code wasm}), resolved through the project's repositories like a
     * dependency. Give either this or {@code module}. A tool archive, extension {@code zip} or
     * {@code tar.gz}, holds the module and the files it needs: it is unpacked once into the
     * {@code cacheDirectory} (under {@code archives/}, keyed by its SHA-256, checked on each reuse;
     * under {@code target/wasmvm/archives} when {@code cache} is off), {@code module} names the
     * {@code .wasm} inside it and {@code archiveDirectories} mount its directories.
     */
    @Parameter(property = "wasmvm.moduleArtifact")
    private String moduleArtifact;

    /**
     * The program's arguments, {@code argv[1]} onwards. {@code argv[0]} is the module: its guest path
     * ({@code /tools/gen.wasm}) when it lies inside {@code root}, else its file name. On the command
     * line, a comma-separated list.
     */
    @Parameter(property = "wasmvm.arguments")
    private List<String> arguments;

    /**
     * Environment variables the program sees, e.g. {@code <environmentVariables><NAME>value</NAME></environmentVariables>}.
     * Unless {@code inheritEnvironment} is set these are all it sees. (A map: configure it in the POM.)
     */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * Whether the program also sees the build's own environment variables ({@code PATH},
     * {@code HOME}, credentials, ...), overridden by {@code environmentVariables}. Off by default,
     * so a downloaded tool cannot read the build's secrets.
     */
    @Parameter(property = "wasmvm.inheritEnvironment", defaultValue = "false")
    private boolean inheritEnvironment;

    /**
     * Whether the program sees {@code SOURCE_DATE_EPOCH} (reproducible-builds.org), in seconds,
     * when the project sets {@code project.build.outputTimestamp}, so that tools stamping dates
     * into their output stamp that one. An {@code environmentVariables} entry of the same name wins.
     */
    @Parameter(property = "wasmvm.sourceDateEpoch", defaultValue = "true")
    private boolean sourceDateEpoch;

    /**
     * Pins the program's realtime clock (sysenv's {@code CLOCK_REALTIME}, WASI's realtime clock) for
     * tools that stamp the time into their output but ignore {@code SOURCE_DATE_EPOCH}: the program's
     * first reading is this instant, and the clock advances with the monotonic clock from there, so
     * timers keep working and a tool that prints the time to the second prints the same in every
     * build. An ISO-8601 date-time with an offset ({@code 2026-01-01T00:00:00Z}), seconds since the
     * epoch, or {@code outputTimestamp}: the project's {@code project.build.outputTimestamp}. The
     * monotonic clocks are never pinned. Default: the host's clock.
     */
    @Parameter(property = "wasmvm.clock")
    private String clock;

    /**
     * Makes WASI's {@code random_get} give the same bytes in every build: they come from a generator
     * seeded with {@code seed}, not from the host's secure one. For tools that put random ids into
     * their output. The bytes are no secret (anyone can compute them from the seed): never use this
     * for a tool that makes keys, tokens or nonces.
     */
    @Parameter(property = "wasmvm.deterministic", defaultValue = "false")
    private boolean deterministic;

    /** The seed of {@code deterministic}'s generator (used only with it); default {@code 0}. */
    @Parameter(property = "wasmvm.seed")
    private Long seed;

    /** The project's reproducible-builds timestamp: {@code SOURCE_DATE_EPOCH}, and {@code clock} {@code outputTimestamp}. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * The host directory the program's file system is confined to; its {@code /}. Nothing the
     * program does reaches a file outside it.
     */
    @Parameter(property = "wasmvm.root", defaultValue = "${project.basedir}")
    private File root;

    /**
     * The program's initial working directory, a directory inside {@code root} (created if missing);
     * default {@code root} itself. The program sees it as a guest path, e.g. {@code /target/work}.
     */
    @Parameter(property = "wasmvm.workingDirectory")
    private File workingDirectory;

    /**
     * Run without the host modules {@code sys_fs} and {@code sys_proc}: the program cannot touch the
     * file system, its arguments or the environment, and a module that imports them fails to link.
     * The equivalent of the CLI's {@code -ns}.
     */
    @Parameter(property = "wasmvm.noSystem", defaultValue = "false")
    private boolean noSystem;

    /** A file to read the program's standard input (fd 0) from; by default the input is empty. */
    @Parameter(property = "wasmvm.stdin")
    private File stdin;

    /** A file for the program's standard output (fd 1), overwritten; by default each line goes to the Maven log at INFO. */
    @Parameter(property = "wasmvm.stdout")
    private File stdout;

    /** A file for the program's standard error (fd 2), overwritten; by default each line goes to the Maven log at WARN. */
    @Parameter(property = "wasmvm.stderr")
    private File stderr;

    /**
     * The exported function to call after instantiation (after the module's start function). By
     * default {@code _start}, else {@code main} when it takes no parameters. Alone, it must take no
     * parameters and an {@code i32} it returns is the exit code; with {@code invokeArguments},
     * {@code resultProperty} or {@code resultFile} it is invoked as the CLI's {@code --invoke}: it
     * takes those arguments, its results are logged, and the exit code is 0.
     */
    @Parameter(property = "wasmvm.entryPoint")
    private String entryPoint;

    /**
     * The arguments of {@code entryPoint}, one per parameter, read by the parameter's type as the
     * CLI's {@code --invoke} reads them: integers ({@code 42}, {@code -1}, {@code 0x1f}), floats
     * ({@code 1.5}, {@code 0x1.8p3}, {@code inf}, {@code nan}, {@code nan:0x1}), a {@code v128} as
     * {@code 0x} and 32 hex digits (high bytes first), {@code null} for a reference. A wrong count
     * or value fails the build naming the parameter. On the command line, a comma-separated list.
     */
    @Parameter(property = "wasmvm.invokeArguments")
    private List<String> invokeArguments;

    /**
     * A project property set to the results of the invoked {@code entryPoint}, separated by commas
     * (e.g. {@code 42}, or {@code 1,-inf} for two), for the configuration of later plugins.
     */
    @Parameter(property = "wasmvm.resultProperty")
    private String resultProperty;

    /** A file to write the results of the invoked {@code entryPoint} to, one a line, as the CLI prints them. */
    @Parameter(property = "wasmvm.resultFile")
    private File resultFile;

    /**
     * Where the modules the program imports by name are searched, in order (the CLI's {@code -e}):
     * directories (relative to the project's base directory) and Maven coordinates of wasm modules,
     * {@code groupId:artifactId[:extension[:classifier]]:version}, resolved like {@code moduleArtifact};
     * an artifact is found under its artifactId, e.g. {@code (import "mathlib" ...)} finds
     * {@code org.example:mathlib:1.0}; a tool archive ({@code zip}, {@code tar.gz}) is searched as
     * the directory it unpacks to, so its modules are found by their paths in it. Import names are
     * first tried relative to the project's base directory, and the importing module's own
     * directory is searched last unless {@code noParent}.
     */
    @Parameter
    private List<String> modulePath;

    /** Do not search an importing module's own directory for the modules it imports (the CLI's {@code -np}). */
    @Parameter(property = "wasmvm.noParent", defaultValue = "false")
    private boolean noParent;

    /**
     * Accepted for WasmVM compatibility (the CLI's {@code -f}), but modules are still validated:
     * wasmvm runs only valid modules, and an invalid one fails the build with a note saying so.
     */
    @Parameter(property = "wasmvm.skipValidation", defaultValue = "false")
    private boolean skipValidation;

    /**
     * Further directories a WASI guest sees as preopened directories, besides the root
     * ({@code /}): {@code HOST[::GUEST][:ro]} as the CLI's {@code --dir} ({@code GUEST} defaults to
     * {@code HOST}; {@code :ro} makes it read-only); a relative {@code HOST} is relative to the
     * project's base directory.
     */
    @Parameter
    private List<String> directories;

    /**
     * Directories of the tool archive ({@code moduleArtifact}) a WASI guest sees as preopened
     * directories, always read-only: {@code PATH[::GUEST]}, {@code PATH} relative to the archive's
     * top, e.g. {@code share::/share} for a tool that reads its data files from {@code /share}.
     */
    @Parameter
    private List<String> archiveDirectories;

    /** The exit codes that count as success; any other fails the build. Default {@code 0}. */
    @Parameter(property = "wasmvm.successExitCodes", defaultValue = "0")
    private List<Integer> successExitCodes;

    /** Skip the run. */
    @Parameter(property = "wasmvm.skip", defaultValue = "false")
    private boolean skip;

    /** The most 64 KiB pages any memory of the program may have; default: the runtime's limit. */
    @Parameter(property = "wasmvm.maxMemoryPages")
    private Long maxMemoryPages;

    /**
     * How long the program may run before it is stopped with a timeout trap: seconds ({@code 30},
     * {@code 0.5}) or an ISO-8601 duration ({@code PT2M}). Default: no limit.
     */
    @Parameter(property = "wasmvm.timeout")
    private String timeout;

    /**
     * How the program's code runs: {@code tiered} (interpreted first, hot functions compiled to JVM
     * bytecode in the background), {@code compiler} (every function compiled before it first runs) or
     * {@code interpreter} (no class generation).
     */
    @Parameter(property = "wasmvm.engine", defaultValue = "tiered")
    private String engine;

    /**
     * Keep validation verdicts and compiled code in a persistent cache, so that the next build
     * running the same module (in any JVM) skips validating and compiling it.
     */
    @Parameter(property = "wasmvm.cache", defaultValue = "true")
    private boolean cache;

    /**
     * The code cache's directory; default: the {@code wasmvm.cache.dir} system property, else
     * {@code $XDG_CACHE_HOME/wasmvm}, else {@code ~/.cache/wasmvm}. Safe to share between parallel builds.
     */
    @Parameter(property = "wasmvm.cacheDirectory")
    private File cacheDirectory;

    /**
     * How many MiB of modules (counted by file size) stay decoded and validated in the build's JVM,
     * shared by every execution and reactor module that runs the same file, so a tool is loaded
     * once per build; the least recently used go first. {@code 0} loads the module for each run.
     * Debug logging ({@code -X}) shows hits, loads and evictions.
     */
    @Parameter(property = "wasmvm.moduleCacheSize", defaultValue = "256")
    private long moduleCacheSize;

    /** The deepest wasm call nesting before a "call stack exhausted" trap; default: the runtime's limit (10000). */
    @Parameter(property = "wasmvm.maxCallDepth")
    private Integer maxCallDepth;

    /** How many loop iterations and calls the program may execute in all before a "fuel exhausted" trap; default: no limit. */
    @Parameter(property = "wasmvm.fuel")
    private Long fuel;

    /**
     * How many threads a wasi-threads program may have alive at once besides its main thread ({@code
     * pthread_create} fails with {@code EAGAIN} beyond); default: the runtime's limit (128).
     */
    @Parameter(property = "wasmvm.maxThreads")
    private Integer maxThreads;

    /**
     * A directory the program generates Java sources into: created before the run and added as a
     * compile source root, so {@code maven-compiler-plugin} compiles its content. Usually
     * <code>${project.build.directory}/generated-sources/wasm</code>.
     */
    @Parameter(property = "wasmvm.generatedSourcesDirectory")
    private File generatedSourcesDirectory;

    /** A directory the program generates resources into: created before the run and added as a resource directory. */
    @Parameter(property = "wasmvm.generatedResourcesDirectory")
    private File generatedResourcesDirectory;

    /** A directory the program generates test sources into: created before the run and added as a test source root. */
    @Parameter(property = "wasmvm.generatedTestSourcesDirectory")
    private File generatedTestSourcesDirectory;

    /** A directory the program generates test resources into: created before the run and added as a test resource directory. */
    @Parameter(property = "wasmvm.generatedTestResourcesDirectory")
    private File generatedTestResourcesDirectory;

    /**
     * Files the program reads, for the up-to-date check: a list of {@code <fileSet>} elements, each
     * a {@code directory} with {@code includes}/{@code excludes} patterns as in Maven's own file sets
     * ({@code **}{@code /*.proto}; no includes means all files; Maven's default excludes such as
     * {@code .git/} and {@code *~} always apply). The module, the POM and the {@code stdin} file are
     * always inputs. In an incremental Eclipse build the run is skipped unless one of them changed.
     */
    @Parameter
    private List<FileSet> inputs;

    /**
     * Files the program writes, for the up-to-date check (same form as {@code inputs}). When they are
     * configured, exist, and are all newer than every input, the run is skipped with a log line.
     * Without outputs the program always runs.
     */
    @Parameter
    private List<FileSet> outputs;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Component
    private RepositorySystem repositorySystem;

    /** The IDE's view of the build (m2e); on the command line a context that reports everything changed. */
    @Component
    private BuildContext buildContext;

    /** Carries out the request; replaced in unit tests of the configuration mapping. */
    Function<RunRequest, RunResult> runner = ProgramRunner::run;

    /** Supplies the build's environment for {@code inheritEnvironment}; replaced in unit tests. */
    java.util.function.Supplier<Map<String, String>> hostEnvironment = System::getenv;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String execution = executionName();
        if (skip) {
            getLog().info(execution + " skipped (wasmvm.skip=true)");
            return;
        }
        Path basedir = basedir();
        ModuleResolver.ResolvedModule resolved;
        try {
            resolved = resolver().resolve(module, moduleArtifact, basedir);
        } catch (MojoFailureException e) {
            throw new MojoFailureException(execution + ": " + e.getMessage());
        }
        String what = execution + " of module " + resolved.displayName();

        var roots = new SourceRoots(project);
        try {
            roots.create(generatedSourcesDirectory, generatedResourcesDirectory, generatedTestSourcesDirectory,
                    generatedTestResourcesDirectory);
        } catch (IOException e) {
            throw new MojoExecutionException(what + ": cannot create a generated-sources directory: " + e, e);
        }
        roots.register(generatedSourcesDirectory, generatedResourcesDirectory, generatedTestSourcesDirectory,
                generatedTestResourcesDirectory);

        UpToDateCheck check = upToDateCheck(resolved, basedir);
        IdeBuild ide = new IdeBuild(buildContext);
        if (ide.unchanged(checked(check::inputLocations, what))) {
            getLog().info(what + " is up to date, skipping the run (no input changed in this incremental build)");
            return;
        }
        UpToDateCheck.Decision decision = checked(check::decide, what);
        if (decision.upToDate()) {
            getLog().info(what + " is up to date, skipping the run (" + decision.reason() + ")");
            return;
        }
        if (!decision.reason().equals("no outputs configured")) {
            getLog().debug(what + " is not up to date: " + decision.reason());
        }

        List<java.io.Closeable> opened = new ArrayList<>();
        RunResult result = null;
        Long started = null; // set once the run starts: every run, and only a run, ends with the summary line
        try {
            RunRequest request = request(resolved, opened, what);
            getLog().info(what + (request.arguments().isEmpty() ? "" : " " + request.arguments())
                    + (request.invokeArguments() == null ? "" : ", invoking " + request.entryPoint() + " " + request.invokeArguments()));
            started = System.nanoTime();
            result = invoke(request, what);
        } finally {
            try {
                closeAll(opened); // flushes the guest's last, unterminated output line
            } finally {
                if (started != null) {
                    getLog().info(RunSummary.line(what, result, Duration.ofNanos(System.nanoTime() - started)));
                }
            }
        }
        ide.refresh(written(check, what));
        RunOutcome.check(result, what, successCodes(), noSystem, skipValidation);
        if (isInvocation()) {
            InvokeResults.publish(result.results(), what, getLog(), project, resultProperty, resultFile);
        }
    }

    /** Whether {@code entryPoint} is invoked with arguments and results rather than run as a program's entry. */
    private boolean isInvocation() {
        return (invokeArguments != null && !invokeArguments.isEmpty()) || (resultProperty != null && !resultProperty.isBlank())
                || resultFile != null;
    }

    /** What a run may have written, for the IDE: the generated directories, the outputs' directories, the stdout/stderr files. */
    private List<Path> written(UpToDateCheck check, String what) throws MojoExecutionException {
        List<Path> written = new ArrayList<>(checked(check::outputLocations, what));
        for (File file : new File[] {generatedSourcesDirectory, generatedResourcesDirectory, generatedTestSourcesDirectory,
                generatedTestResourcesDirectory, stdout, stderr}) {
            if (file != null) {
                written.add(file.toPath().toAbsolutePath());
            }
        }
        return written;
    }

    private RunResult invoke(RunRequest request, String what) throws MojoExecutionException {
        try {
            RunResult result = runner.apply(request);
            if (result == null) {
                throw new MojoExecutionException(what + " failed with an internal error: the runtime returned no result");
            }
            return result;
        } catch (RuntimeException e) {
            throw new MojoExecutionException(what + " failed with an internal error: " + e, e);
        }
    }

    /** Maps the configuration to the runtime's request; streams it opens are added to {@code opened}. */
    RunRequest request(ModuleResolver.ResolvedModule resolved, List<java.io.Closeable> opened, String what)
            throws MojoFailureException, MojoExecutionException {
        Path rootDir = root().toAbsolutePath().normalize();
        if (!Files.isDirectory(rootDir)) {
            throw new MojoFailureException(what + ": root " + rootDir + " is not a directory");
        }
        RunRequest.Builder builder = RunRequest.builder(resolved.file())
                .programName(programName(resolved.file(), rootDir))
                .arguments(arguments == null ? List.of() : nonNull(arguments))
                .root(rootDir)
                .workingDirectory(guestWorkingDirectory(rootDir, what))
                .noSystem(noSystem)
                .moduleSearchPath(modulePath(what))
                .noParent(noParent)
                .linkDirectory(basedir())
                .limits(limits(what))
                .engine(engine(what))
                .codeCache(codeCache())
                .modules(SharedModules.forExecution(moduleCacheSize, line -> getLog().debug(what + ": " + line)));
        String entry = entryPoint == null || entryPoint.isBlank() ? null : entryPoint.trim();
        if (isInvocation()) {
            if (entry == null) {
                throw new MojoFailureException(what + ": invokeArguments, resultProperty and resultFile need an entryPoint to invoke");
            }
            builder.invoke(entry, nonNull(invokeArguments == null ? List.of() : invokeArguments));
        } else {
            builder.entryPoint(entry);
        }
        try {
            Map<String, String> environment = GuestEnvironment.of(environmentVariables, inheritEnvironment,
                    hostEnvironment.get());
            if (sourceDateEpoch) {
                SourceDateEpoch.addTo(environment, environmentVariables, SourceDateEpoch.of(outputTimestamp));
            }
            builder.environment(environment);
            List<DirectoryMapping> preopened = new ArrayList<>(WasiDirectories.of(directories, basedir()));
            preopened.addAll(WasiDirectories.inArchive(archiveDirectories, resolved.archiveDirectory()));
            builder.directories(preopened);
            builder.clock(ClockParameter.of(clock, outputTimestamp));
            builder.randomSeed(deterministic ? (seed != null ? seed : RunRequest.DEFAULT_SEED) : null);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(what + ": " + e.getMessage());
        }
        builder.stdin(input(opened, what));
        builder.stdout(output(stdout, "stdout", line -> getLog().info(line), opened, what));
        builder.stderr(output(stderr, "stderr", line -> getLog().warn(line), opened, what));
        builder.terminals(Terminals.NONE); // files, an empty input or the build's log: never a terminal
        return builder.build();
    }

    private List<Path> modulePath(String what) throws MojoFailureException, MojoExecutionException {
        try {
            return new ModulePath(coordinates -> resolver().resolveArtifact(coordinates).file(), basedir(),
                    buildDirectory().resolve("wasmvm/module-path"), toolArchives()).directories(modulePath);
        } catch (MojoFailureException e) {
            throw new MojoFailureException(what + ": " + e.getMessage());
        } catch (MojoExecutionException e) {
            throw new MojoExecutionException(what + ": " + e.getMessage(), e.getCause());
        }
    }

    private InputStream input(List<java.io.Closeable> opened, String what) throws MojoFailureException {
        if (stdin == null) {
            return new ByteArrayInputStream(new byte[0]);
        }
        try {
            InputStream in = new java.io.BufferedInputStream(Files.newInputStream(stdin.toPath()));
            opened.add(in);
            return in;
        } catch (IOException e) {
            throw new MojoFailureException(what + ": cannot read stdin file " + stdin + ": " + e.getMessage());
        }
    }

    private static OutputStream output(File file, String name, java.util.function.Consumer<String> log,
            List<java.io.Closeable> opened, String what) throws MojoExecutionException {
        OutputStream stream;
        if (file == null) {
            stream = new GuestOutput(log);
        } else {
            try {
                Path path = file.toPath();
                if (path.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(path.toAbsolutePath().getParent());
                }
                stream = new java.io.BufferedOutputStream(Files.newOutputStream(path));
            } catch (IOException e) {
                throw new MojoExecutionException(what + ": cannot write " + name + " file " + file + ": " + e, e);
            }
        }
        opened.add(stream);
        return stream;
    }

    private RuntimeLimits limits(String what) throws MojoFailureException {
        RuntimeLimits limits = RuntimeLimits.DEFAULT;
        try {
            if (maxMemoryPages != null) {
                limits = limits.withMaxMemoryPages(maxMemoryPages);
            }
            if (maxCallDepth != null) {
                limits = limits.withMaxCallDepth(maxCallDepth);
            }
            if (fuel != null) {
                limits = limits.withFuel(fuel);
            }
            if (maxThreads != null) {
                limits = limits.withMaxThreads(maxThreads);
            }
            limits = limits.withTimeout(Timeouts.parse(timeout));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(what + ": " + e.getMessage());
        }
        return limits;
    }

    private CodeCache codeCache() {
        return cache ? CodeCache.at(cacheDirectory()) : null;
    }

    private Path cacheDirectory() {
        return cacheDirectory != null ? cacheDirectory.toPath() : CodeCache.defaultDirectory();
    }

    /** Unpacked tool archives: beside the code cache, shared by builds; in the project's target without a cache. */
    private ToolArchives toolArchives() {
        return new ToolArchives(cache ? cacheDirectory().resolve("archives") : buildDirectory().resolve("wasmvm/archives"));
    }

    private Engine engine(String what) throws MojoFailureException {
        if (engine == null || engine.isBlank()) {
            return Engine.TIERED; // the parameter's default; null only when no default was applied
        }
        try {
            return Engine.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(what + ": engine: " + e.getMessage());
        }
    }

    private String guestWorkingDirectory(Path rootDir, String what) throws MojoFailureException, MojoExecutionException {
        if (workingDirectory == null) {
            return "/";
        }
        Path dir = workingDirectory.toPath().toAbsolutePath().normalize();
        if (!dir.startsWith(rootDir)) {
            throw new MojoFailureException(what + ": workingDirectory " + dir + " is not inside root " + rootDir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MojoExecutionException(what + ": cannot create workingDirectory " + dir + ": " + e, e);
        }
        return toGuestPath(rootDir.relativize(dir));
    }

    /** argv[0]: the module's guest path when it lies inside the root, else its file name. */
    static String programName(Path moduleFile, Path rootDir) {
        Path file = moduleFile.toAbsolutePath().normalize();
        if (file.startsWith(rootDir) && !file.equals(rootDir)) {
            return toGuestPath(rootDir.relativize(file));
        }
        return file.getFileName().toString();
    }

    private static String toGuestPath(Path relative) {
        String text = relative.toString().replace(File.separatorChar, '/');
        return text.isEmpty() ? "/" : "/" + text;
    }

    private UpToDateCheck upToDateCheck(ModuleResolver.ResolvedModule resolved, Path basedir) {
        List<Path> implicit = new ArrayList<>();
        implicit.add(resolved.file());
        if (project.getFile() != null) {
            implicit.add(project.getFile().toPath());
        }
        if (stdin != null) {
            implicit.add(stdin.toPath());
        }
        return new UpToDateCheck(inputs, outputs, implicit, basedir);
    }

    /** Evaluates a part of the up-to-date check, turning a bad file set or an unreadable file into the build's error. */
    private static <T> T checked(java.util.function.Supplier<T> part, String what) throws MojoExecutionException {
        try {
            return part.get();
        } catch (RuntimeException e) {
            throw new MojoExecutionException(what + ": up-to-date check failed: " + e.getMessage(), e);
        }
    }

    private ModuleResolver resolver() {
        return new ModuleResolver(repositorySystem, session == null ? null : session.getRepositorySession(),
                project.getRemoteProjectRepositories(), toolArchives());
    }

    private List<Integer> successCodes() {
        return successExitCodes == null || successExitCodes.isEmpty() ? List.of(0) : List.copyOf(successExitCodes);
    }

    private Path basedir() {
        File dir = project.getBasedir();
        return (dir != null ? dir.toPath() : Path.of("")).toAbsolutePath().normalize();
    }

    private Path buildDirectory() {
        String directory = project.getBuild() == null ? null : project.getBuild().getDirectory();
        return directory != null ? Path.of(directory) : basedir().resolve("target");
    }

    private Path root() {
        return root != null ? root.toPath() : basedir();
    }

    /** {@code wasmvm:run (execution 'gen')}, or just {@code wasmvm:run} outside an execution. */
    String executionName() {
        String id = mojoExecution == null ? null : mojoExecution.getExecutionId();
        return id == null ? "wasmvm:run" : "wasmvm:run (execution '" + id + "')";
    }

    private static List<String> nonNull(List<String> values) {
        List<String> result = new ArrayList<>(values.size());
        for (String value : values) {
            result.add(value == null ? "" : value);
        }
        return result;
    }

    private void closeAll(List<java.io.Closeable> streams) throws MojoExecutionException {
        IOException first = null;
        for (java.io.Closeable stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw new MojoExecutionException("wasmvm:run: cannot write the program's output: " + first, first);
        }
    }
}
