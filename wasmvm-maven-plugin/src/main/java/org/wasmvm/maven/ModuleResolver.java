package org.wasmvm.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Finds the module to run: the {@code module} file as configured, or the {@code moduleArtifact}
 * resolved through the build's repositories (local repository first, then the project's remote
 * repositories, honouring offline mode, mirrors and authentication like any dependency).
 */
public final class ModuleResolver {
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession repositorySession;
    private final List<RemoteRepository> remoteRepositories;

    /**
     * @param repositorySystem Maven Resolver, or {@code null} when only files will be resolved
     * @param repositorySession the build's resolver session ({@code MavenSession#getRepositorySession()})
     * @param remoteRepositories the project's remote repositories ({@code MavenProject#getRemoteProjectRepositories()})
     */
    public ModuleResolver(RepositorySystem repositorySystem, RepositorySystemSession repositorySession,
            List<RemoteRepository> remoteRepositories) {
        this.repositorySystem = repositorySystem;
        this.repositorySession = repositorySession;
        this.remoteRepositories = remoteRepositories == null ? List.of() : remoteRepositories;
    }

    /** A module ready to load: its file and how messages name it. */
    public record ResolvedModule(Path file, String displayName) {
    }

    /**
     * Resolves exactly one of {@code module} and {@code moduleArtifact}.
     *
     * @param basedir the project directory, used to show a module file by a short relative path
     * @throws MojoFailureException when neither or both are given, the file is missing, or the
     *     artifact cannot be resolved
     */
    public ResolvedModule resolve(File module, String moduleArtifact, Path basedir) throws MojoFailureException {
        boolean hasArtifact = moduleArtifact != null && !moduleArtifact.isBlank();
        if (module != null && hasArtifact) {
            throw new MojoFailureException("give either <module> or <moduleArtifact>, not both (module "
                    + module + ", moduleArtifact " + moduleArtifact + ")");
        }
        if (module == null && !hasArtifact) {
            throw new MojoFailureException("no module to run: set <module> (a .wasm file) or <moduleArtifact>"
                    + " (groupId:artifactId[:extension[:classifier]]:version), or the wasmvm.module /"
                    + " wasmvm.moduleArtifact property");
        }
        if (!hasArtifact) {
            return resolveFile(module.toPath(), basedir);
        }
        try {
            return resolveArtifact(ModuleCoordinates.parse(moduleArtifact));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("invalid moduleArtifact: " + e.getMessage());
        }
    }

    static ResolvedModule resolveFile(Path file, Path basedir) throws MojoFailureException {
        Path absolute = file.toAbsolutePath().normalize();
        String name = displayName(absolute, basedir);
        if (!Files.isRegularFile(absolute)) {
            throw new MojoFailureException("module " + name + " does not exist or is not a file (" + absolute + ")");
        }
        return new ResolvedModule(absolute, name);
    }

    /**
     * Resolves the module artifact at {@code coordinates}.
     *
     * @throws MojoFailureException when it cannot be resolved
     */
    ResolvedModule resolveArtifact(ModuleCoordinates coordinates) throws MojoFailureException {
        if (repositorySystem == null || repositorySession == null) {
            throw new MojoFailureException("cannot resolve module artifact " + coordinates
                    + ": no Maven repository session is available");
        }
        var artifact = new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(), coordinates.classifier(),
                coordinates.extension(), coordinates.version());
        ArtifactResult result;
        try {
            result = repositorySystem.resolveArtifact(repositorySession,
                    new ArtifactRequest(artifact, remoteRepositories, "wasmvm"));
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException("cannot resolve module artifact " + coordinates + ": " + e.getMessage());
        }
        File file = result.getArtifact() == null ? null : result.getArtifact().getFile();
        if (file == null || !file.isFile()) {
            throw new MojoFailureException("cannot resolve module artifact " + coordinates + ": no file");
        }
        return new ResolvedModule(file.toPath().toAbsolutePath(), coordinates.toString());
    }

    /** The path relative to {@code basedir} when the file lies inside it, else the absolute path. */
    static String displayName(Path absolute, Path basedir) {
        if (basedir != null) {
            Path base = basedir.toAbsolutePath().normalize();
            if (absolute.startsWith(base) && !absolute.equals(base)) {
                return base.relativize(absolute).toString().replace(File.separatorChar, '/');
            }
        }
        return absolute.toString();
    }
}
