package org.wasmvm.core.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the official spec tests (converted to JSON by wast2json, see the testsuite's README) are, and
 * their scripts and commands, for every test that runs over them.
 */
public final class SpecSuite {
    /** The system property naming the testsuite directory; surefire passes the pom's. */
    public static final String PROPERTY = "wasmvm.testsuite";
    /** The system property naming the Wasm 3.0 testsuite directory; surefire passes the pom's. */
    public static final String PROPERTY_WASM3 = "wasmvm.testsuite3";

    private SpecSuite() {
    }

    /**
     * The testsuite directory: {@code -Dwasmvm.testsuite} when set, else the vendored copy
     * {@code src/test/wasm-testsuite} of this module (relative to the working directory, which is the
     * module's when surefire or an IDE runs the tests).
     */
    public static Path root() {
        return configured(PROPERTY, "src/test/wasm-testsuite");
    }

    /** The Wasm 3.0 testsuite directory: {@code -Dwasmvm.testsuite3}, else {@code src/test/wasm-testsuite-3.0}. */
    public static Path root3() {
        return configured(PROPERTY_WASM3, "src/test/wasm-testsuite-3.0");
    }

    private static Path configured(String property, String vendored) {
        String value = System.getProperty(property);
        return value != null && !value.isBlank() ? Path.of(value) : Path.of(vendored);
    }

    /** The scripts of a suite directory ({@code core}, {@code memory64}): each {@code <name>/<name>.json}, sorted. */
    public static List<Path> scripts(Path suiteDir) throws IOException {
        try (Stream<Path> entries = Files.list(suiteDir)) {
            return entries.filter(Files::isDirectory)
                    .map(d -> d.resolve(d.getFileName() + ".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /**
     * A command of a script that names a binary module.
     *
     * @param type the command type ({@code module}, {@code assert_invalid}, {@code assert_malformed}, ...)
     * @param line its line in the {@code .wast} source
     * @param wasm the module file, next to the script
     * @param text the expected failure text, or {@code null}
     */
    public record ModuleCommand(String type, int line, Path wasm, String text) {
    }

    /** The commands of {@code json} (a thread's too) whose module is a binary ({@code .wasm}) file, in order. */
    public static List<ModuleCommand> binaryModuleCommands(Path json) throws IOException {
        return SpecScript.read(json).allCommands()
                .filter(command -> command.filename() != null && command.filename().endsWith(".wasm"))
                .map(command -> new ModuleCommand(command.type(), command.line(),
                        json.resolveSibling(command.filename()), command.text()))
                .toList();
    }
}
