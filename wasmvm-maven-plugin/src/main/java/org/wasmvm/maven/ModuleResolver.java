package org.wasmvm.maven;

import java.io.File;
import java.io.IOException;
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
 * repositories, honouring offline mode, mirrors and authentication like any dependency). A
 * {@code moduleArtifact} that is a tool archive ({@code zip}, {@code tar.gz}) is unpacked
 * ({@link ToolArchives}) and {@code module} names the {@code .wasm} inside it.
 */
public final class ModuleResolver {
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession repositorySession;
    private final List<RemoteRepository> remoteRepositories;
    private final ToolArchives archives;

    /**
     * @param repositorySystem Maven Resolver, or {@code null} when only files will be resolved
     * @param repositorySession the build's resolver session ({@code MavenSession#getRepositorySession()})
     * @param remoteRepositories the project's remote repositories ({@code MavenProject#getRemoteProjectRepositories()})
     * @param archives where tool archives are unpacked
     */
    public ModuleResolver(RepositorySystem repositorySystem, RepositorySystemSession repositorySession,
            List<RemoteRepository> remoteRepositories, ToolArchives archives) {
        this.repositorySystem = repositorySystem;
        this.repositorySession = repositorySession;
        this.remoteRepositories = remoteRepositories == null ? List.of() : remoteRepositories;
        this.archives = archives;
    }

    /**
     * A module ready to load.
     *
     * @param file the module file
     * @param displayName how messages name it
     * @param archiveDirectory the unpacked tool archive it came from, or {@code null}
     */
    public record ResolvedModule(Path file, String displayName, Path archiveDirectory) {
        ResolvedModule(Path file, String displayName) {
            this(file, displayName, null);
        }
    }

    /**
     * Resolves the {@code module} file, the {@code moduleArtifact}, or, when that is a tool archive,
     * the {@code module} inside it.
     *
     * @param basedir the project directory, used to show a module file by a short relative path
     * @throws MojoFailureException when neither is given, both are given for an artifact that is no
     *     archive, the file is missing, the artifact cannot be resolved or unpacked, or the archive
     *     holds no such module
     */
    public ResolvedModule resolve(File module, String moduleArtifact, Path basedir) throws MojoFailureException {
        boolean hasArtifact = moduleArtifact != null && !moduleArtifact.isBlank();
        if (module == null && !hasArtifact) {
            throw new MojoFailureException("no module to run: set <module> (a .wasm file) or <moduleArtifact>"
                    + " (groupId:artifactId[:extension[:classifier]]:version), or the wasmvm.module /"
                    + " wasmvm.moduleArtifact property");
        }
        if (!hasArtifact) {
            return resolveFile(module.toPath(), basedir);
        }
        ModuleCoordinates coordinates;
        try {
            coordinates = ModuleCoordinates.parse(moduleArtifact);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("invalid moduleArtifact: " + e.getMessage());
        }
        boolean archive = ArchiveUnpacker.isArchive(coordinates.extension());
        if (module != null && !archive) {
            throw new MojoFailureException("give either <module> or <moduleArtifact>, not both (module "
                    + module + ", moduleArtifact " + moduleArtifact + "), unless moduleArtifact is a tool archive"
                    + " (extension zip or tar.gz) and module names the .wasm inside it");
        }
        if (archive && module == null) {
            throw new MojoFailureException("moduleArtifact " + coordinates + " is a tool archive: set <module> to the"
                    + " .wasm inside it, e.g. bin/tool.wasm");
        }
        ResolvedModule artifact = resolveArtifact(coordinates);
        return archive ? inArchive(artifact, module.toPath(), basedir) : artifact;
    }

    /**
     * The module {@code module} names in the archive {@code artifact}; Maven has made the configured
     * relative path absolute against {@code basedir}, so it is made relative again.
     */
    private ResolvedModule inArchive(ResolvedModule artifact, Path module, Path basedir) throws MojoFailureException {
        Path absolute = module.toAbsolutePath().normalize();
        if (!absolute.startsWith(basedir) || absolute.equals(basedir)) {
            throw new MojoFailureException("module " + module + " must be a relative path: the .wasm inside "
                    + artifact.displayName());
        }
        String inside = basedir.relativize(absolute).toString().replace(File.separatorChar, '/');
        Path directory;
        try {
            directory = archives.unpacked(artifact.file());
        } catch (IOException e) {
            throw new MojoFailureException("cannot unpack tool archive " + artifact.displayName() + ": " + e.getMessage());
        }
        Path file = directory.resolve(inside);
        if (!Files.isRegularFile(file)) {
            throw new MojoFailureException("tool archive " + artifact.displayName() + " holds no file " + inside);
        }
        return new ResolvedModule(file, artifact.displayName() + "!/" + inside, directory);
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
