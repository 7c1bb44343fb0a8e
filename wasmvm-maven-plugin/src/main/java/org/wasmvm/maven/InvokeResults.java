package org.wasmvm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.wasmvm.core.Value;
import org.wasmvm.core.run.ValueText;

/**
 * Where the results of an invoked {@code entryPoint} go: one log line, and, when configured, a
 * project property (the results separated by commas, as Maven writes lists in properties) that
 * later plugins' configuration can use, and a file with one result a line, as the CLI prints them.
 */
final class InvokeResults {
    private InvokeResults() {
    }

    static void publish(List<Value> results, String what, Log log, MavenProject project, String property, File file)
            throws MojoExecutionException {
        List<String> texts = results.stream().map(ValueText::format).toList();
        log.info(what + " returned " + (texts.isEmpty() ? "no results" : String.join(", ", texts)));
        if (property != null && !property.isBlank()) {
            project.getProperties().setProperty(property.trim(), String.join(",", texts));
        }
        if (file != null) {
            Path path = file.toPath().toAbsolutePath();
            try {
                Files.createDirectories(path.getParent());
                Files.write(path, texts, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException(what + ": cannot write resultFile " + file + ": " + e, e);
            }
        }
    }
}
