package org.wasmvm.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getBasedir;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.CodeCache;
import org.wasmvm.core.Engine;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.LoadedModules;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.Module;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Value;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;
import org.wasmvm.core.run.Terminals;

/**
 * The configuration mapping of {@code wasmvm:run}: the mojo is configured by the harness (from a
 * POM or {@code @MojoParameter}s) and its runner is replaced by one that records the
 * {@link RunRequest} and returns a chosen {@link RunResult}, so these tests need no wasm runtime.
 */
@MojoTest
class RunMojoTest {
    private static final String FULL_POM = "src/test/resources/unit/full/pom.xml";
    private static final String HELLO = "src/test/resources/unit/full/hello.wasm";

    private final List<String> infos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final AtomicReference<RunRequest> seen = new AtomicReference<>();
    private final AtomicReference<String> stdinSeen = new AtomicReference<>();
    private Path work;

    @BeforeEach
    void cleanWorkDirectory() throws IOException {
        work = Path.of(getBasedir(), "target", "unit-tests");
        deleteRecursively(work);
        deleteRecursively(Path.of(getBasedir(), "target", "unit-full"));
        Files.createDirectories(work);
    }

    private RunMojo prepare(RunMojo mojo, RunResult result) {
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }

            @Override
            public void debug(CharSequence content) {
            }
        });
        try {
            // the harness's mock project holds immutable resource lists; a real one does not
            MavenProject project = project(mojo);
            project.getBuild().setResources(new ArrayList<>(project.getBuild().getResources()));
            project.getBuild().setTestResources(new ArrayList<>(project.getBuild().getTestResources()));
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        mojo.runner = request -> {
            seen.set(request);
            try {
                stdinSeen.set(new String(request.stdin().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return result;
        };
        mojo.hostEnvironment = () -> Map.of("PATH", "/usr/bin", "HOME", "/home/builder", "GREETING", "from host");
        return mojo;
    }

    private static File file(String relative) {
        return new File(getBasedir(), relative);
    }

    /** Prepares the mojo to run with {@code result} and asserts that executing it fails the build. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertBuildFails(RunMojo mojo, RunResult result) {
        prepare(mojo, result);
        return assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    }

    /** A runner whose guest writes {@code stdout}'s chunks to fd 1, then {@code stderr}'s to fd 2, and exits with 0. */
    private static Function<RunRequest, RunResult> guestWriting(List<String> stdout, List<String> stderr) {
        return request -> {
            try {
                for (String chunk : stdout) {
                    request.stdout().write(chunk.getBytes(StandardCharsets.UTF_8));
                }
                for (String chunk : stderr) {
                    request.stderr().write(chunk.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return RunResult.exited(0);
        };
    }

    private static MavenProject project(RunMojo mojo) throws IllegalAccessException {
        return (MavenProject) org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject(mojo, "project");
    }

    @Test
    @InjectMojo(goal = "run", pom = FULL_POM)
    void mapsEveryParameterOfAPomToTheRunRequest(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(2)).execute();

        RunRequest request = seen.get();
        Path root = file("src/test/resources/unit/full").toPath().toAbsolutePath().normalize();
        assertThat(request.modulePath()).isEqualTo(root.resolve("hello.wasm"));
        assertThat(request.programName()).isEqualTo("/hello.wasm");
        assertThat(request.arguments()).containsExactly("first", "second arg");
        assertThat(request.environment()).containsOnly(Map.entry("GREETING", "hi"), Map.entry("EMPTY", ""));
        assertThat(request.root()).isEqualTo(root);
        assertThat(request.workingDirectory()).isEqualTo("/sub");
        assertThat(request.noSystem()).isFalse();
        assertThat(request.entryPoint()).isEqualTo("main");
        assertThat(request.limits().maxMemoryPages()).isEqualTo(256);
        assertThat(request.limits().maxCallDepth()).isEqualTo(500);
        assertThat(request.limits().fuel()).isEqualTo(1_000_000);
        assertThat(request.limits().maxThreads()).isEqualTo(8);
        assertThat(request.limits().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(request.engine()).isEqualTo(Engine.INTERPRETER);
        assertThat(stdinSeen.get()).isEqualTo("line one\nline two\n");

        // exit code 2 is listed in successExitCodes, so the build goes on
        File generated = file("target/unit-full/generated-sources/wasm");
        assertThat(generated).isDirectory();
        assertThat(file("target/unit-full/generated-test-resources/wasm")).isDirectory();
        MavenProject project = project(mojo);
        assertThat(project.getCompileSourceRoots()).contains(generated.getAbsolutePath());
        assertThat(project.getTestResources()).anySatisfy(resource -> assertThat(resource.getDirectory())
                .isEqualTo(file("target/unit-full/generated-test-resources/wasm").getAbsolutePath()));
        assertThat(infos).anySatisfy(line -> assertThat(line).contains("hello.wasm").contains("[first, second arg]"));
        assertThat(infos.get(infos.size() - 1)).matches("wasmvm:run.* of module .*hello\\.wasm finished in \\d+\\.\\d s, exit 2");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void aFailingRunEndsWithTheSummaryLineToo(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.failed(new WasmTrap(TrapKind.values()[0], List.of())));
        assertThat(infos.get(infos.size() - 1)).contains("hello.wasm finished in ").endsWith(", failed (WasmTrap)");
    }

    @Test
    @InjectMojo(goal = "run", pom = FULL_POM)
    void anIncrementalIdeBuildWithoutChangedInputsSkipsTheRunButKeepsTheSourceRoots(RunMojo mojo) throws Exception {
        FakeBuildContext ide = new FakeBuildContext(true);
        setVariableValueToObject(mojo, "buildContext", ide);
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get()).as("no run").isNull();
        assertThat(infos).anySatisfy(line -> assertThat(line).endsWith("no input changed in this incremental build)"));
        assertThat(project(mojo).getCompileSourceRoots()).contains(file("target/unit-full/generated-sources/wasm").getAbsolutePath());
        assertThat(ide.refreshed).isEmpty();
    }

    @Test
    @InjectMojo(goal = "run", pom = FULL_POM)
    void aChangedInputRunsAndTheIdeRefreshesWhatTheRunWrote(RunMojo mojo) throws Exception {
        FakeBuildContext ide = new FakeBuildContext(true);
        ide.changed.add(file("src/test/resources/unit/full/in").getAbsoluteFile());
        setVariableValueToObject(mojo, "buildContext", ide);
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get()).as("ran").isNotNull();
        assertThat(ide.refreshed).contains(file("target/unit-full/generated-sources/wasm").getAbsoluteFile(),
                file("target/unit-full/generated-test-resources/wasm").getAbsoluteFile());
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "outputTimestamp", value = "2026-01-01T00:00:00Z")
    void theOutputTimestampBecomesSourceDateEpoch(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().environment()).containsOnly(Map.entry("SOURCE_DATE_EPOCH", "1767225600"));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "outputTimestamp", value = "2026-01-01T00:00:00Z")
    @MojoParameter(name = "sourceDateEpoch", value = "false")
    void sourceDateEpochCanBeTurnedOff(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().environment()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "outputTimestamp", value = "soon")
    void aBadOutputTimestampFails(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageContaining("project.build.outputTimestamp 'soon'");
        assertThat(seen.get()).isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "outputTimestamp", value = "2026-01-01T00:00:00Z")
    @MojoParameter(name = "clock", value = "outputTimestamp")
    @MojoParameter(name = "deterministic", value = "true")
    void reproducibleOutputPinsTheClockAtTheOutputTimestampAndSeedsRandomness(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().clock()).isEqualTo(Instant.ofEpochSecond(1_767_225_600L));
        assertThat(seen.get().randomSeed()).isEqualTo(RunRequest.DEFAULT_SEED);
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "clock", value = "2000-01-01T00:00:00Z")
    @MojoParameter(name = "deterministic", value = "true")
    @MojoParameter(name = "seed", value = "-7")
    void anExplicitClockAndSeed(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().clock()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(seen.get().randomSeed()).isEqualTo(-7L);
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "seed", value = "7")
    void aSeedAloneLeavesTheRandomBytesSecure(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().randomSeed()).as("deterministic is off").isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "clock", value = "outputTimestamp")
    void aClockAtAMissingOutputTimestampFails(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageEndingWith(
                "of module " + HELLO + ": clock is outputTimestamp, but the project sets no project.build.outputTimestamp");
        assertThat(seen.get()).isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "clock", value = "tomorrow")
    void aBadClockFails(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageContaining(": clock: 'tomorrow' is not an instant");
        assertThat(seen.get()).isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void defaultsAreSafe(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        RunRequest request = seen.get();
        assertThat(request.arguments()).isEmpty();
        assertThat(request.environment()).as("no inherited PATH, HOME or secrets").isEmpty();
        assertThat(request.noSystem()).isFalse();
        assertThat(request.workingDirectory()).isEqualTo("/");
        assertThat(request.entryPoint()).isNull();
        assertThat(request.invokeArguments()).as("a program run").isNull();
        assertThat(request.moduleSearchPath()).isEmpty();
        assertThat(request.noParent()).isFalse();
        assertThat(request.limits().timeout()).isNull();
        assertThat(request.engine()).isEqualTo(Engine.TIERED);
        assertThat(request.clock()).as("the host's clock").isNull();
        assertThat(request.randomSeed()).as("the host's secure random bytes").isNull();
        assertThat(request.codeCache()).as("the code cache is on").isNotNull();
        assertThat(request.modules()).as("modules are shared in the JVM").isNotNull();
        assertThat(request.codeCache().directory()).isEqualTo(CodeCache.defaultDirectory().toAbsolutePath().normalize());
        assertThat(stdinSeen.get()).as("empty stdin").isEmpty();
        assertThat(request.stdout()).isInstanceOf(GuestOutput.class);
        assertThat(request.stderr()).isInstanceOf(GuestOutput.class);
        assertThat(request.terminals()).as("the log is no terminal").isEqualTo(Terminals.NONE);
    }

    @Test
    @InjectMojo(goal = "run", pom = FULL_POM)
    @MojoParameter(name = "inheritEnvironment", value = "true")
    void inheritEnvironmentAddsTheBuildsVariablesUnderTheConfiguredOnes(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().environment()).containsOnly(Map.entry("PATH", "/usr/bin"),
                Map.entry("HOME", "/home/builder"), Map.entry("GREETING", "hi"), Map.entry("EMPTY", ""));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "noSystem", value = "true")
    @MojoParameter(name = "timeout", value = "2.5")
    void noSystemAndTimeoutInSeconds(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().noSystem()).isTrue();
        assertThat(seen.get().limits().timeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void guestLinesGoToTheLogStdoutAtInfoStderrAtWarn(RunMojo mojo) throws Exception {
        prepare(mojo, null);
        mojo.runner = guestWriting(List.of("first line\nsecond ", "line\r\nunterminated"), List.of("a warning\n"));
        mojo.execute();

        assertThat(infos).containsSequence("first line", "second line", "unterminated");
        assertThat(infos.get(infos.size() - 1)).as("the summary comes after the guest's last line").contains(" finished in ");
        assertThat(warnings).containsExactly("a warning");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void stdoutAndStderrFilesReceiveTheGuestsBytes(RunMojo mojo) throws Exception {
        File out = work.resolve("out/stdout.txt").toFile();
        File err = work.resolve("err.txt").toFile();
        setVariableValueToObject(mojo, "stdout", out);
        setVariableValueToObject(mojo, "stderr", err);
        prepare(mojo, null);
        mojo.runner = guestWriting(List.of("to the file\n"), List.of("errors too"));
        mojo.execute();

        assertThat(out).hasContent("to the file");
        assertThat(err).hasContent("errors too");
        assertThat(warnings).isEmpty();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void aNonSuccessExitCodeFailsNamingTheModule(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(3))
                .hasMessageContaining("hello.wasm")
                .hasMessageContaining("exited with code 3")
                .hasNoCause();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "successExitCodes", value = "0,3")
    void successExitCodesFromAProperty(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(3)).execute();
        assertThat(seen.get()).isNotNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void aTrapFailsWithTheWasmStackAndNoJavaCause(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.failed(new WasmTrap(TrapKind.values()[0], "detail",
                List.of("divide (func 0) @ 0x2a", "main (func 2) @ 0x40"), new RuntimeException("internal"))))
                .hasMessageContaining("hello.wasm")
                .hasMessageContaining("wasm trap")
                .hasMessageContaining("at divide (func 0) @ 0x2a")
                .hasMessageContaining("at main (func 2) @ 0x40")
                .hasNoCause();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "noSystem", value = "true")
    void aLinkErrorUnderNoSystemExplainsItself(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.failed(LinkException.unknownImport("sys_fs", "open", "func")))
                .hasMessageContaining("link error: unknown import sys_fs.open")
                .hasMessageContaining("noSystem");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void aMalformedModuleFails(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.failed(new MalformedModuleException(8, "unexpected end")))
                .hasMessageContaining("not a valid WebAssembly module: malformed module at offset 0x8: unexpected end");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void anInternalErrorIsAnExecutionException(RunMojo mojo) {
        prepare(mojo, null);
        mojo.runner = request -> {
            throw new IllegalStateException("bug");
        };

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("internal error")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = "src/test/resources/unit/missing.wasm")
    void aMissingModuleFileFails(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0))
                .hasMessageContaining("missing.wasm does not exist");
        assertThat(seen.get()).isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "entryPoint", value = "add")
    @MojoParameter(name = "resultProperty", value = "sum")
    void anInvokedEntryPointTakesTheArgumentsAndPublishesItsResults(RunMojo mojo) throws Exception {
        Path resultFile = work.resolve("results/sum.txt");
        setVariableValueToObject(mojo, "invokeArguments", List.of("40", "2"));
        setVariableValueToObject(mojo, "resultFile", resultFile.toFile());
        prepare(mojo, RunResult.invoked(List.of(Value.i32(42), Value.f64(Double.NEGATIVE_INFINITY)))).execute();

        assertThat(seen.get().entryPoint()).isEqualTo("add");
        assertThat(seen.get().invokeArguments()).containsExactly("40", "2");
        assertThat(project(mojo).getProperties()).containsEntry("sum", "42,-inf");
        assertThat(resultFile).hasContent("42\n-inf");
        assertThat(infos).anySatisfy(line -> assertThat(line).endsWith("hello.wasm returned 42, -inf"));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "entryPoint", value = "check")
    void anEntryPointAloneIsAProgramRunWhoseI32IsTheExitCode(RunMojo mojo) throws Exception {
        assertBuildFails(mojo, RunResult.exited(1)).hasMessageContaining("exited with code 1");
        assertThat(seen.get().invokeArguments()).isNull();
        assertThat(infos).noneSatisfy(line -> assertThat(line).contains("returned"));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "resultProperty", value = "sum")
    void invocationParametersNeedAnEntryPoint(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageContaining("need an entryPoint to invoke");
        assertThat(seen.get()).isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "entryPoint", value = "add")
    @MojoParameter(name = "resultProperty", value = "sum")
    void argumentsThatDoNotFitFailTheBuildNamingTheParameter(RunMojo mojo) throws Exception {
        RunResult rejected = ProgramRunner.run(RunRequest.builder(Path.of("../wasmvm-core/src/test/resources/modules/invoke.wasm"))
                .invoke("add", List.of("1", "two")).build());
        assertBuildFails(mojo, rejected)
                .hasMessageEndingWith("failed: invokeArguments do not fit: 'add' parameter 1 (i32): 'two' is not an i32");
        assertThat(project(mojo).getProperties()).doesNotContainKey("sum");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "noParent", value = "true")
    @MojoParameter(name = "skipValidation", value = "true")
    void modulePathDirectoriesAndNoParentGoToTheRequest(RunMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "modulePath", List.of("src/test/resources/unit", "/opt/wasm"));
        prepare(mojo, RunResult.exited(0)).execute();

        Path basedir = Path.of(getBasedir()).toAbsolutePath().normalize();
        assertThat(seen.get().moduleSearchPath()).containsExactly(basedir.resolve("src/test/resources/unit"), Path.of("/opt/wasm"));
        assertThat(seen.get().noParent()).isTrue();
        assertThat(seen.get().linkDirectory()).as("import names are relative to the project").isEqualTo(basedir);
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "skipValidation", value = "true")
    void skipValidationStillValidatesAndSaysSo(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.failed(new InvalidModuleException(-1, -1, "type mismatch")))
                .hasMessageEndingWith("not a valid WebAssembly module: invalid module: type mismatch"
                        + " (skipValidation does not skip validation: wasmvm runs only valid modules)");
    }

    @Test
    @InjectMojo(goal = "run")
    void noModuleFailsWithAHint(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0))
                .hasMessageContaining("<module>")
                .hasMessageContaining("<moduleArtifact>");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "moduleArtifact", value = "org.example:tool:1.0")
    void moduleAndModuleArtifactAreExclusive(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageContaining("not both");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "moduleArtifact", value = "org.example:tool:tar.gz:1.0")
    void aToolArchiveNeedsTheModuleInsideIt(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageEndingWith("moduleArtifact org.example:tool:tar.gz:1.0 is"
                + " a tool archive: set <module> to the .wasm inside it, e.g. bin/tool.wasm");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "archiveDirectories", value = "share::/share")
    void archiveDirectoriesNeedAToolArchive(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0))
                .hasMessageEndingWith(": archiveDirectories need a moduleArtifact that is a tool archive");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "moduleArtifact", value = "org.example:tool")
    void badCoordinatesFail(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0))
                .hasMessageContaining("groupId:artifactId[:extension[:classifier]]:version");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "timeout", value = "soon")
    void aBadTimeoutFails(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageContaining("invalid timeout 'soon'");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "engine", value = "Compiler")
    void theEngineIsParsedIgnoringCase(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().engine()).isEqualTo(Engine.COMPILER);
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "cache", value = "false")
    @MojoParameter(name = "moduleCacheSize", value = "0")
    void theCodeCacheAndTheSharedModulesCanBeTurnedOff(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().codeCache()).isNull();
        assertThat(seen.get().modules()).isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "cacheDirectory", value = "target/unit-cache")
    void theCodeCacheDirectoryIsConfigurable(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().codeCache().directory()).endsWithRaw(Path.of("target", "unit-cache"));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = "../wasmvm-bench/src/main/resources/workloads/large.wasm64.wasm")
    @MojoParameter(name = "cache", value = "false")
    void tenExecutionsOfALargeModuleLoadItOnce(RunMojo mojo) throws Exception {
        List<Module> loaded = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        prepare(mojo, RunResult.exited(0)).runner = request -> {
            long started = System.nanoTime();
            try { // what ProgramRunner.run does first
                loaded.add(request.modules().load(Files.readAllBytes(request.modulePath()), request.features(),
                        request.codeCache()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            millis.add((System.nanoTime() - started) / 1_000_000);
            return RunResult.exited(0);
        };
        LoadedModules shared = SharedModules.forExecution(1, line -> { });
        LoadedModules.Statistics before = shared.statistics();

        for (int execution = 0; execution < 10; execution++) {
            mojo.execute();
        }

        System.out.println("large.wasm64.wasm, load per execution (ms): " + millis);
        LoadedModules.Statistics after = shared.statistics();
        assertThat(after.loads() - before.loads()).isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(9);
        assertThat(loaded).hasSize(10).allSatisfy(module -> assertThat(module).isSameAs(loaded.get(0)));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "engine", value = "jit")
    void aBadEngineFailsNamingTheAllowedValues(RunMojo mojo) {
        assertBuildFails(mojo, RunResult.exited(0))
                .hasMessageContaining("engine: unknown engine 'jit' (interpreter, compiler or tiered)")
                .hasNoCause();
        assertThat(seen.get()).isNull();
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void aWorkingDirectoryOutsideTheRootFails(RunMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "root", work.toFile());
        setVariableValueToObject(mojo, "workingDirectory", file("src"));
        assertBuildFails(mojo, RunResult.exited(0)).hasMessageContaining("is not inside root");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void theModuleOutsideTheRootIsNamedByItsFileName(RunMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "root", work.toFile());
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get().programName()).isEqualTo("hello.wasm");
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "skip", value = "true")
    void skipLogsAndDoesNotRun(RunMojo mojo) throws Exception {
        prepare(mojo, RunResult.exited(0)).execute();

        assertThat(seen.get()).isNull();
        assertThat(infos).anySatisfy(line -> assertThat(line).contains("skipped"));
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    void upToDateOutputsSkipTheRunUntilAnInputChanges(RunMojo mojo) throws Exception {
        Path in = Files.writeString(Files.createDirectories(work.resolve("in")).resolve("a.txt"), "input");
        Path out = Files.writeString(Files.createDirectories(work.resolve("out")).resolve("a.java"), "output");
        Path module = work.resolve("tool.wasm");
        Files.copy(file(HELLO).toPath(), module);
        Instant now = Instant.now();
        Files.setLastModifiedTime(module, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(in, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(out, FileTime.from(now.minusSeconds(30)));
        setVariableValueToObject(mojo, "module", module.toFile());
        setVariableValueToObject(mojo, "inputs", List.of(new FileSet(in.getParent().toFile(), List.of("*.txt"), null)));
        setVariableValueToObject(mojo, "outputs", List.of(new FileSet(out.getParent().toFile(), null, null)));
        AtomicInteger runs = new AtomicInteger();
        prepare(mojo, null);
        mojo.runner = request -> {
            runs.incrementAndGet();
            return RunResult.exited(0);
        };

        mojo.execute();
        assertThat(runs).hasValue(0);
        assertThat(infos).anySatisfy(line -> assertThat(line).contains("is up to date, skipping the run"));

        Files.setLastModifiedTime(in, FileTime.from(now));
        mojo.execute();
        assertThat(runs).hasValue(1);
    }

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "module", value = HELLO)
    @MojoParameter(name = "arguments", value = "alpha,beta")
    @MojoParameter(name = "engine", value = "compiler")
    void theRealRuntimeRunsHelloSandboxedOnTheCompilerEngine(RunMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "root", work.toFile());
        setVariableValueToObject(mojo, "environmentVariables", Map.of("GREETING", "hi"));
        Function<RunRequest, RunResult> wasm = prepare(mojo, null).runner = org.wasmvm.core.run.ProgramRunner::run;
        assertThat(wasm).isNotNull();

        mojo.execute();

        assertThat(infos).contains("Hello from wasm!", "argc=3", "argv[0]=hello.wasm", "argv[1]=alpha",
                "argv[2]=beta", "GREETING=hi", "PATH is unset", "HOME is unset", "open /../escape.txt -> -13");
        assertThat(warnings).containsExactly("hello.wasm writes to stderr");
        assertThat(work.resolve("hello.txt")).hasContent("written by hello.wasm");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
