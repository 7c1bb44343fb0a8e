package org.wasmvm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive (integration-test phase, after the assembly): unpacked with {@code tar},
 * its {@code bin/wasmvm} runs a module, also through a symbolic link and with {@code JAVA_HOME}.
 * Unix only: the launcher is a shell script ({@code bin/wasmvm.cmd} is for Windows).
 */
@Tag("shaded-jar")
class DistributionTest {
    private static final Path ARCHIVE = Path.of(System.getProperty("wasmvm.cli.dist", "target/wasmvm-cli-dist.tar.gz"));

    @TempDir
    Path dir;
    private Path home;
    private String module;

    @BeforeEach
    void unpack() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a Unix shell");
        assertThat(ARCHIVE).as("the distribution (-Dwasmvm.cli.dist=…)").isRegularFile();
        assertThat(exec(List.of("tar", "xzf", ARCHIVE.toString(), "-C", dir.toString())).code()).isZero();
        home = dir.resolve("wasmvm-" + System.getProperty("wasmvm.cli.version"));
        try (InputStream in = DistributionTest.class.getResourceAsStream("/modules/invoke.wasm")) {
            module = Files.write(dir.resolve("invoke.wasm"), in.readAllBytes()).toString();
        }
    }

    @Test
    void theArchiveHoldsBothLaunchersAndTheJar() {
        assertThat(home.resolve("bin/wasmvm")).isExecutable();
        assertThat(home.resolve("bin/wasmvm.cmd")).content(StandardCharsets.US_ASCII).contains("\r\n")
                .contains("%COLLECTOR% %JAVA_OPTS% -jar \"%~dp0..\\lib\\wasmvm.jar\" %*");
        assertThat(home.resolve("lib/wasmvm.jar")).isRegularFile();
        assertThat(home.resolve("lib/c2-off-interpreter.txt")).isRegularFile();
    }

    @Test
    void theLauncherRunsAModuleWithItsArguments() throws Exception {
        Outcome outcome = exec(List.of(home.resolve("bin/wasmvm").toString(), "--invoke", "add", module, "40", "2"));
        assertThat(outcome).isEqualTo(new Outcome(0, "42\n"));
        outcome = exec(List.of(home.resolve("bin/wasmvm").toString(), "--invoke", "fail", module, "1"));
        assertThat(outcome.code()).as("the command's exit code comes through").isEqualTo(70);
    }

    @Test
    void aSymbolicLinkToTheLauncherFindsTheJar() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("elsewhere")).resolve("wasmvm"),
                home.resolve("bin/wasmvm"));
        assertThat(exec(List.of(link.toString(), "--version"))).isEqualTo(
                new Outcome(0, "wasmvm " + System.getProperty("wasmvm.cli.version") + "\n"));
    }

    @Test
    void javaHomeChoosesTheJava() throws Exception {
        assertThat(fakeJava("-Xmx64m -Dx=y")).isEqualTo(new Outcome(0, "fake java -XX:+UseSerialGC" + hugePages() + " " + compileCommands()
                + " -Xmx64m -Dx=y -jar " + home.toRealPath().resolve("lib/wasmvm.jar") + " m.wasm\n"));
    }

    @Test
    void aCollectorInJavaOptsReplacesTheSerialOne() throws Exception {
        assertThat(fakeJava("-XX:+UseG1GC -Xmx64m")).isEqualTo(new Outcome(0, "fake java" + hugePages() + " " + compileCommands()
                + " -XX:+UseG1GC -Xmx64m -jar " + home.toRealPath().resolve("lib/wasmvm.jar") + " m.wasm\n"));
    }

    /**
     * Huge pages for the heap where Linux gives them on request (its setting reads "[madvise]"; the
     * other tests expect them there too), unless JAVA_OPTS says how pages are used.
     */
    @Test
    void hugePagesWhereLinuxGivesThemOnRequest() throws Exception {
        assertThat(fakeJava("-Xmx64m").stdout().contains(" -XX:+UseTransparentHugePages "))
                .as("huge pages asked for").isEqualTo(!hugePages().isEmpty());
        for (String options : List.of("-XX:-UseTransparentHugePages", "-XX:+UseLargePages")) {
            assertThat(fakeJava(options).stdout()).as(options).doesNotContain("+UseTransparentHugePages");
        }
    }

    @Test
    void theInterpreterEngineKeepsC2OnItsLoop() throws Exception {
        String jar = home.toRealPath().resolve("lib/wasmvm.jar").toString();
        assertThat(fakeJava("", "--engine", "interpreter", "m.wasm")).isEqualTo(new Outcome(0,
                "fake java -XX:+UseSerialGC" + hugePages() + " -jar " + jar + " --engine interpreter m.wasm\n"));
        assertThat(fakeJava("-Dwasmvm.engine=interpreter", "m.wasm")).isEqualTo(new Outcome(0,
                "fake java -XX:+UseSerialGC" + hugePages() + " -Dwasmvm.engine=interpreter -jar " + jar + " m.wasm\n"));
        assertThat(fakeJava("-Dwasmvm.interpreter.c2=true", "--engine=tiered", "m.wasm")).as("JAVA_OPTS decides")
                .isEqualTo(new Outcome(0, "fake java -XX:+UseSerialGC" + hugePages() + " -Dwasmvm.interpreter.c2=true -jar " + jar
                        + " --engine=tiered m.wasm\n"));
    }

    /**
     * The launcher's compile commands keep C2 off the interpreter's loop: C2 gives up on it at once
     * (and C1 compiles it alone, perhaps after the run). Shown on the interpreter engine, given the
     * file by hand (the launcher leaves it out there), where the loop runs every instruction of a
     * guest loop.
     */
    @Test
    void theCompileCommandsLeaveTheInterpreterLoopToC1() throws Exception {
        Path churn = dir.resolve("gc-churn.wasm");
        try (InputStream in = DistributionTest.class.getResourceAsStream("/modules/gc-churn.wasm")) {
            Files.write(churn, in.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/wasmvm").toString(), "--engine", "interpreter",
                "--invoke", "churn", churn.toString(), "3000000", "1"); // long enough for C2's attempts to end before the run
        builder.environment().put("JAVA_OPTS", "-XX:CompileCommandFile=" + home.resolve("lib/c2-off-interpreter.txt")
                + " -XX:+PrintCompilation");
        Outcome outcome = exec(builder);
        assertThat(outcome.code()).isZero();
        assertThat(outcome.stdout()).as("the result, among the JVM's lines").contains("3000000"); // n arrays of 1 byte
        List<String> c2 = outcome.stdout().lines()
                .filter(line -> line.matches(".* 4 +org\\.wasmvm\\.core\\.interp\\.Interpreter::execute .*")).toList();
        // a compilation prints a line when it starts and, skipped, another when it ends
        assertThat(c2).as("C2 tried").isNotEmpty();
        assertThat(c2.stream().filter(line -> line.contains("COMPILE SKIPPED")).count() * 2).as(c2.toString())
                .isEqualTo(c2.size());
    }

    @Test
    void onJava25TheFirstRunRecordsAndLaterRunsUseTheAotCache() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("jdk")).resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        String jar = home.toRealPath().resolve("lib/wasmvm.jar").toString();
        Outcome first = fakeJava("-Xmx64m");
        assertThat(first.stdout()).startsWith("fake java -XX:+UseSerialGC" + hugePages() + " -XX:+UnlockDiagnosticVMOptions "
                + "-XX:-DisplayVMOutput -XX:AOTMode=record -XX:AOTConfiguration=" + dir.resolve("cache/wasmvm/aot"))
                .endsWith(".aot.conf -Xlog:aot*=off -Xlog:cds*=off " + compileCommands() + " -Xmx64m -jar " + jar + " m.wasm\n");
        Path cache = awaitBuilt(first);
        assertThat(fakeJava("-Xmx64m")).isEqualTo(new Outcome(0, "fake java -XX:+UseSerialGC" + hugePages() + " -XX:AOTCache=" + cache
                + " -Xlog:aot*=off -Xlog:cds*=off -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining "
                + compileCommands() + " -Xmx64m -jar " + jar + " m.wasm\n"));
        Outcome other = fakeJava("-Xmx32m");
        assertThat(other.stdout()).as("other options, another cache").contains("-XX:AOTMode=record");
        assertThat(awaitBuilt(other)).isNotEqualTo(cache);
    }

    /** A JVM that does not take the flag that leaves the recording's method profiles unused runs the cache without it. */
    @Test
    void onJava25AJvmWithoutTheReplayFlagUsesTheCacheAsItIs() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("jdk")).resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Map<String, String> refusing = Map.of("FAKE_JAVA_REFUSES", "-XX:-AOTReplayTraining");
        Path cache = awaitBuilt(fakeJava(refusing, "-Xmx64m", "m.wasm"));
        assertThat(fakeJava(refusing, "-Xmx64m", "m.wasm")).isEqualTo(new Outcome(0, "fake java -XX:+UseSerialGC" + hugePages() + " -XX:AOTCache="
                + cache + " -Xlog:aot*=off -Xlog:cds*=off " + compileCommands() + " -Xmx64m -jar "
                + home.toRealPath().resolve("lib/wasmvm.jar") + " m.wasm\n"));
    }

    @Test
    void beforeJava25TheFirstRunListsItsClassesAndLaterRunsUseAnArchiveOfThem() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("jdk")).resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        String jar = home.toRealPath().resolve("lib/wasmvm.jar").toString();
        Outcome first = fakeJava("-Xmx64m");
        assertThat(first.stdout()).startsWith("fake java -XX:+UseSerialGC" + hugePages() + " -XX:DumpLoadedClassList=" + dir.resolve("cache/wasmvm/aot"))
                .endsWith(".jsa.classlist " + compileCommands() + " -Xmx64m -jar " + jar + " m.wasm\n");
        Path archive = awaitBuilt(first);
        assertThat(fakeJava("-Xmx64m")).isEqualTo(new Outcome(0, "fake java -XX:+UseSerialGC" + hugePages() + " -XX:SharedArchiveFile=" + archive
                + " -Xlog:cds*=off " + compileCommands() + " -Xmx64m -jar " + jar + " m.wasm\n"));
    }

    /**
     * The machine's own JVM (on Java 17 to 24 a class-data archive, on 25 and later an AOT cache):
     * the first run builds the start-up cache, from which the next one loads wasmvm's classes and
     * gives the same result.
     */
    @Test
    void theMachinesJvmLoadsWasmvmFromTheStartUpCacheItBuilt() throws Exception {
        List<String> command = List.of(home.resolve("bin/wasmvm").toString(), "--invoke", "add", module, "40", "2");
        Outcome recording = exec(withCache(command));
        assertThat(recording.code()).isZero();
        assertThat(recording.stdout()).contains("42\n").doesNotContain("org.wasmvm.cli.Main source: shared");
        Path caches = dir.resolve("cache/wasmvm/aot");
        for (int i = 0; i < 1200 && !built(caches); i++) {
            Thread.sleep(50);
        }
        assertThat(built(caches)).as("a cache built in %s", caches).isTrue();
        Outcome cached = exec(withCache(command));
        assertThat(cached.code()).isZero();
        assertThat(cached.stdout()).contains("42\n").contains("org.wasmvm.cli.Main source: shared objects file");
    }

    /** The command with the start-up cache on, and the JVM naming where each class came from. */
    private static ProcessBuilder withCache(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("WASMVM_AOT", "on");
        builder.environment().put("JAVA_OPTS", "-Xlog:class+load:stdout");
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
        return builder;
    }

    /** Whether a start-up cache is in place in {@code caches} and its build has finished (no lock left). */
    private static boolean built(Path caches) throws IOException {
        if (!Files.isDirectory(caches)) {
            return false;
        }
        try (var files = Files.list(caches)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot"))
                    && names.stream().noneMatch(n -> n.endsWith(".lock"));
        }
    }

    /** A new build of wasmvm in the same place records anew, even with the old jar's modification time (a reproducible build's). */
    @Test
    void onJava25AnotherJarGetsAnotherAotCache() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("jdk")).resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Path cache = awaitBuilt(fakeJava("-Xmx64m"));
        Path jar = home.resolve("lib/wasmvm.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        Files.write(jar, new byte[] {0}, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(jar, built);

        Outcome upgraded = fakeJava("-Xmx64m");
        assertThat(upgraded.stdout()).as("a new recording").contains("-XX:AOTMode=record").doesNotContain(cache.toString());
        assertThat(awaitBuilt(upgraded)).isNotEqualTo(cache);
    }

    /**
     * Options under which the JVM refuses to record (and fails the run), or that choose their own
     * sharing, get no AOT cache, from any of the variables the JVM reads options from.
     */
    @Test
    void optionsTheJvmCannotRecordUnderGetNoAotCache() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("jdk")).resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        for (String options : List.of("-Xbootclasspath/a:lib", "--patch-module=java.base=p", "-Xshare:off", "-XX:AOTCache=mine.aot")) {
            assertThat(fakeJava(options).stdout()).as(options).doesNotContain("-XX:AOTMode").doesNotContain("-XX:AOTCache=" + dir);
        }
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            assertThat(fakeJava(Map.of(variable, "--limit-modules=java.base"), "-Xmx64m", "m.wasm").stdout())
                    .as(variable).doesNotContain("-XX:AOTMode");
        }
        assertThat(awaitBuilt(fakeJava("-Xmx64m"))).as("without them, a cache").exists();
    }

    /**
     * The cache a recording run named (an AOT cache or a class-data archive), once the launcher's
     * background build has renamed it into place and removed its lock (its last step: the temporary
     * directory is deleted after the test).
     */
    private static Path awaitBuilt(Outcome recording) throws InterruptedException {
        Path cache = Path.of(recording.stdout()
                .replaceAll("(?s).*-XX:(?:AOTConfiguration=(\\S+)\\.conf|DumpLoadedClassList=(\\S+)\\.classlist) .*", "$1$2"));
        Path lock = cache.resolveSibling(cache.getFileName() + ".lock");
        for (int i = 0; i < 200 && (!Files.exists(cache) || Files.exists(lock)); i++) {
            Thread.sleep(50);
        }
        assertThat(cache).exists();
        assertThat(lock).doesNotExist();
        return cache;
    }

    /** The launcher's option after the collector where the kernel gives huge pages on request, with its space. */
    private static String hugePages() throws IOException {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        return Files.isReadable(setting) && Files.readString(setting).contains("[madvise]")
                ? " -XX:+UseTransparentHugePages" : "";
    }

    /** The launcher's options that keep C2 off the interpreter's loop and lowering. */
    private String compileCommands() throws IOException {
        return "-XX:CompileCommandFile=" + home.toRealPath().resolve("lib/c2-off-interpreter.txt")
                + " -Dwasmvm.interpreter.c2=false";
    }

    /** {@link #fakeJava(String, String...)} on m.wasm. */
    private Outcome fakeJava(String javaOpts) throws Exception {
        return fakeJava(javaOpts, "m.wasm");
    }

    /**
     * Runs the launcher with {@code args} and a JAVA_HOME whose java prints its arguments (and,
     * asked to build an AOT cache or a class-data archive, creates the file; given the option
     * {@code FAKE_JAVA_REFUSES} names, fails).
     */
    private Outcome fakeJava(String javaOpts, String... args) throws Exception {
        return fakeJava(Map.of(), javaOpts, args);
    }

    /** {@link #fakeJava(String, String...)} with more variables in the launcher's environment. */
    private Outcome fakeJava(Map<String, String> environment, String javaOpts, String... args) throws Exception {
        Path fakeHome = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = Files.writeString(fakeHome.resolve("java"), """
                #!/bin/sh
                echo "fake java $*"
                for a in "$@"; do
                    [ "$a" = "$FAKE_JAVA_REFUSES" ] && exit 1
                    case $a in
                        -XX:AOTMode=create | -Xshare:dump) create=1 ;;
                        -XX:AOTCache=*) [ -n "$create" ] && : > "${a#-XX:AOTCache=}" ;;
                        -XX:SharedArchiveFile=*) [ -n "$create" ] && : > "${a#-XX:SharedArchiveFile=}" ;;
                    esac
                done
                """);
        assertThat(java.toFile().setExecutable(true)).isTrue();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/wasmvm").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        builder.environment().put("JAVA_OPTS", javaOpts);
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")); // the machine's own
        builder.environment().put("WASMVM_AOT", "on");
        builder.environment().putAll(environment);
        return exec(builder);
    }

    private record Outcome(int code, String stdout) {
    }

    private Outcome exec(List<String> command) throws IOException, InterruptedException {
        return exec(new ProcessBuilder(new ArrayList<>(command)));
    }

    /**
     * Runs the command with its own cache directory (where the launcher keeps its start-up caches),
     * with no start-up cache unless the builder asks for one ({@code WASMVM_AOT}): a real JVM's would be
     * built in the background, perhaps while the temporary directory is deleted.
     */
    private Outcome exec(ProcessBuilder builder) throws IOException, InterruptedException {
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().putIfAbsent("WASMVM_AOT", "off");
        Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Outcome(process.exitValue(), out);
    }
}
