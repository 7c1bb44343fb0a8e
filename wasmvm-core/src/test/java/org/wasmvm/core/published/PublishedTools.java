package org.wasmvm.core.published;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find published tools too large for git: {@code -Dwasmvm.<tool>=FILE}, else
 * {@code $WASMVM_TOOLS/<tool>.wasm} (default {@code ~/.cache/wasmvm-tools}), where the fetch scripts put
 * them. A test whose tool is absent is skipped, naming the script that fetches it.
 */
public final class PublishedTools {
    private PublishedTools() {
    }

    public static Path require(String tool, String fetchScript) {
        String configured = System.getProperty("wasmvm." + tool);
        String tools = System.getenv().getOrDefault("WASMVM_TOOLS",
                System.getProperty("user.home") + "/.cache/wasmvm-tools");
        Path module = configured != null ? Path.of(configured) : Path.of(tools, tool + ".wasm");
        Assumptions.assumeTrue(Files.isRegularFile(module), "no " + tool + " module at " + module
                + " (run " + fetchScript + ")");
        return module;
    }
}
