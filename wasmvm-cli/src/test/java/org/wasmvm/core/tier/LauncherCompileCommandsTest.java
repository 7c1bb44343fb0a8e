package org.wasmvm.core.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The compile commands the launcher gives the JVM keep C2 off the classes wasmvm's own directive names
 * (in this package to read {@link InterpreterJitAdvice#CLASSES}).
 */
class LauncherCompileCommandsTest {
    @Test
    void theLauncherNamesTheClassesOfTheDirective() throws IOException {
        var commands = Files.readAllLines(Path.of("src/main/dist/lib/c2-off-interpreter.txt")).stream()
                .filter(line -> !line.startsWith("#") && !line.equals("quiet")).toList();
        assertThat(commands).containsExactlyElementsOf(InterpreterJitAdvice.PATTERNS.stream()
                .map(name -> "MaxNodeLimit," + name + ".*,100").toList());
    }
}
