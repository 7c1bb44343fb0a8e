package org.wasmvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.CodeCache;

/**
 * The packaged jar (runs in the integration-test phase, after the shade plugin): it keeps the
 * compiler's service file and the manifest, and {@code java -jar} runs the CLI with the compiler.
 * The tag keeps it out of the unit-test run (see the pom).
 */
@Tag("shaded-jar")
class ShadedJarTest {
    private static final Path JAR = Path.of(System.getProperty("wasmvm.cli.jar", "target/wasmvm-cli.jar"));
    private static final String SERVICE = "META-INF/services/org.wasmvm.core.tier.JvmCompiler";
    /** {@code (func (export "main") (result i32) i32.const 7)}: imports nothing, exits with 7. */
    private static final byte[] MAIN_7 = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x08, 0x01, 0x04, 'm', 'a', 'i', 'n', 0x00, 0x00,
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0b,
    };

    @TempDir
    Path dir;

    @Test
    void theJarHoldsTheCompilerServiceAndTheManifest() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            try (InputStream service = jar.getInputStream(jar.getEntry(SERVICE))) {
                assertThat(new String(service.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("org.wasmvm.compiler.BytecodeCompiler");
            }
            assertThat(jar.getEntry("org/wasmvm/cli/Main.class")).isNotNull();
            assertThat(jar.getEntry("org/wasmvm/core/cli/Main.class")).as("core keeps no command").isNull();
            assertThat(jar.getEntry("org/objectweb/asm/ClassWriter.class")).isNotNull();
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("org.wasmvm.cli.Main");
            assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION))
                    .isEqualTo(System.getProperty("wasmvm.cli.version"));
        }
    }

    @Test
    void javaDashJarPrintsTheVersion() throws Exception {
        assertThat(run("--version")).isEqualTo(new Outcome(0, "wasmvm " + System.getProperty("wasmvm.cli.version")));
    }

    @Test
    void javaDashJarPrintsTheHelp() throws Exception {
        assertThat(run("--help")).isEqualTo(new Outcome(0, Help.TEXT.strip()));
    }

    @Test
    void javaDashJarRunsAModuleOnTheCompilerEngine() throws Exception {
        Path module = Files.write(dir.resolve("main7.wasm"), MAIN_7);
        assertThat(run("--engine", "compiler", module.toString())).isEqualTo(new Outcome(7, ""));
    }

    private record Outcome(int exitCode, String output) {
    }

    private Outcome run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String cache = System.getProperty(CodeCache.DIRECTORY_PROPERTY);
        if (cache != null) { // the build's code cache, as for the in-process runs, not the user's
            command.add("-D" + CodeCache.DIRECTORY_PROPERTY + "=" + cache);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }
}
