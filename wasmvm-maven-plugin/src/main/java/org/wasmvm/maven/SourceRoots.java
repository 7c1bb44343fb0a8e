package org.wasmvm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * Registers the directories a guest generates into as the project's source and resource roots, so
 * {@code maven-compiler-plugin} compiles (and {@code maven-resources-plugin} copies) what it wrote.
 * Each configured directory is created before the run, so a guest can write into it directly.
 */
public final class SourceRoots {
    private final MavenProject project;

    public SourceRoots(MavenProject project) {
        this.project = project;
    }

    /** Creates the configured directories (any may be {@code null}). */
    public void create(File... directories) throws IOException {
        for (File directory : directories) {
            if (directory != null) {
                Files.createDirectories(directory.toPath());
            }
        }
    }

    /**
     * Adds each configured directory to the project, once (registering the same directory twice,
     * e.g. by two executions, is harmless).
     */
    public void register(File sources, File resources, File testSources, File testResources) {
        if (sources != null && !project.getCompileSourceRoots().contains(sources.getAbsolutePath())) {
            project.addCompileSourceRoot(sources.getAbsolutePath());
        }
        if (testSources != null && !project.getTestCompileSourceRoots().contains(testSources.getAbsolutePath())) {
            project.addTestCompileSourceRoot(testSources.getAbsolutePath());
        }
        if (resources != null && !hasResource(project.getResources(), resources)) {
            project.addResource(resource(resources));
        }
        if (testResources != null && !hasResource(project.getTestResources(), testResources)) {
            project.addTestResource(resource(testResources));
        }
    }

    private static boolean hasResource(java.util.List<Resource> resources, File directory) {
        for (Resource resource : resources) {
            if (directory.getAbsolutePath().equals(resource.getDirectory())) {
                return true;
            }
        }
        return false;
    }

    private static Resource resource(File directory) {
        Resource resource = new Resource();
        resource.setDirectory(directory.getAbsolutePath());
        return resource;
    }
}
