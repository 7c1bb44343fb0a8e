package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host families sysenv and WASI know nothing of each other; what they share lives in
 * {@code sandbox}, which knows neither, and running a program ({@code run}) sits above both.
 *
 * <p>Checked on the compiled classes (a directory or the core jar): a class that uses another
 * names it in its constant pool as {@code org/wasmvm/core/pkg/Name}, so a search of the bytes for
 * the package's internal name finds every reference, imports and fully qualified names alike.
 */
class PackageDependenciesTest {
    private static final String SYSENV = "org/wasmvm/core/sysenv/";
    private static final String WASI = "org/wasmvm/core/wasi/";
    private static final String SANDBOX = "org/wasmvm/core/sandbox/";
    private static final String RUN = "org/wasmvm/core/run/";

    private static FileSystem jar;
    private static Path classes;

    @BeforeAll
    static void locateTheCoreClasses() throws IOException, URISyntaxException {
        Path location = Path.of(Wasm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            classes = location;
        } else {
            jar = FileSystems.newFileSystem(location);
            classes = jar.getPath("/");
        }
    }

    @AfterAll
    static void closeTheJar() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void sysenvDoesNotUseWasiOrTheRunner() {
        assertThat(referencesFrom(SYSENV, WASI, RUN)).isEmpty();
    }

    @Test
    void wasiDoesNotUseSysenvOrTheRunner() {
        assertThat(referencesFrom(WASI, SYSENV, RUN)).isEmpty();
    }

    @Test
    void theSandboxUsesNeitherHostFamily() {
        assertThat(referencesFrom(SANDBOX, SYSENV, WASI, RUN)).isEmpty();
    }

    @Test
    void theCheckSeesReferences() {
        assertThat(referencesFrom(RUN, SYSENV, WASI)).isNotEmpty();
    }

    /** The classes of {@code from} (subpackages included) that name any of {@code forbidden}, with the names. */
    private static Map<String, List<String>> referencesFrom(String from, String... forbidden) {
        Path dir = classes.resolve(from);
        assertThat(dir).as("compiled classes of " + from).isDirectory();
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                List<String> named = Stream.of(forbidden).filter(bytes::contains).toList();
                if (!named.isEmpty()) {
                    found.put(classes.relativize(file).toString(), named);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
