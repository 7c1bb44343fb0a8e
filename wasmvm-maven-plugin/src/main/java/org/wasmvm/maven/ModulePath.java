package org.wasmvm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The {@code modulePath} parameter as the run's module search path: each entry a directory, or the
 * Maven coordinates of a wasm module, which is found under its artifactId. A resolved artifact is
 * copied into a directory of its own in the build directory, as {@code <artifactId>.wasm}, and that
 * directory takes the entry's place in the search path, so the search order is the entries' order.
 * A tool archive ({@code zip}, {@code tar.gz}) is unpacked ({@link ToolArchives}) and its top
 * directory takes the entry's place: its modules are found by their paths in it.
 */
final class ModulePath {
    /** Finds the file of a module artifact: {@link ModuleResolver#resolveArtifact} in a build. */
    @FunctionalInterface
    interface ArtifactFiles {
        Path resolve(ModuleCoordinates coordinates) throws MojoFailureException;
    }

    private final ArtifactFiles resolver;
    private final Path basedir;
    /** Where resolved artifacts get their directories, e.g. {@code target/wasmvm/module-path}. */
    private final Path artifactDirectory;
    private final ToolArchives archives;

    ModulePath(ArtifactFiles resolver, Path basedir, Path artifactDirectory, ToolArchives archives) {
        this.resolver = resolver;
        this.basedir = basedir;
        this.artifactDirectory = artifactDirectory;
        this.archives = archives;
    }

    /** The search directories for {@code entries}, in their order; a relative directory is relative to the project. */
    List<Path> directories(List<String> entries) throws MojoFailureException, MojoExecutionException {
        List<Path> directories = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String text = entry.trim();
            directories.add(isCoordinates(text) ? artifact(coordinates(text)) : basedir.resolve(text));
        }
        return directories;
    }

    /**
     * Whether {@code entry} names an artifact: two colons or more and no path separator, which a
     * directory ({@code libs}, {@code C:\wasm}, {@code ../x:y}) does not have.
     */
    static boolean isCoordinates(String entry) {
        return entry.chars().filter(c -> c == ':').count() >= 2 && entry.indexOf('/') < 0 && entry.indexOf('\\') < 0;
    }

    private static ModuleCoordinates coordinates(String text) throws MojoFailureException {
        try {
            return ModuleCoordinates.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("modulePath: " + e.getMessage());
        }
    }

    private Path artifact(ModuleCoordinates coordinates) throws MojoFailureException, MojoExecutionException {
        Path file;
        try {
            file = resolver.resolve(coordinates);
        } catch (MojoFailureException e) {
            throw new MojoFailureException("modulePath: " + e.getMessage());
        }
        if (ArchiveUnpacker.isArchive(coordinates.extension())) {
            try {
                return archives.unpacked(file);
            } catch (IOException e) {
                throw new MojoFailureException("modulePath: cannot unpack tool archive " + coordinates + ": " + e.getMessage());
            }
        }
        // one directory per coordinates: nothing but this artifact is found through it
        Path directory = artifactDirectory.resolve(coordinates.toString().replace(':', '/'));
        try {
            Files.createDirectories(directory);
            Files.copy(file, directory.resolve(coordinates.artifactId() + ".wasm"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("modulePath: cannot copy " + coordinates + " into " + directory + ": " + e, e);
        }
        return directory;
    }
}
