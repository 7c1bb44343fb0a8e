package org.wasmvm.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codehaus.plexus.util.DirectoryScanner;

/**
 * A set of files for the up-to-date check: a {@code directory} and {@code includes} /
 * {@code excludes} patterns relative to it, with Maven's own semantics (plexus-utils'
 * {@link DirectoryScanner}: {@code **} any number of directories, {@code *} and {@code ?} within one
 * name, a trailing {@code /} everything below, {@code %regex[...]}). With no includes, every file
 * under the directory is included. Maven's default excludes ({@code .git/}, {@code .svn/},
 * editor backups such as {@code *~}, {@code .DS_Store}, ...) are always left out.
 *
 * <pre>{@code
 * <inputs>
 *   <fileSet>
 *     <directory>src/main/proto</directory>
 *     <includes><include>**}{@code /*.proto</include></includes>
 *   </fileSet>
 * </inputs>
 * }</pre>
 */
public class FileSet {
    /** The base directory; relative paths are resolved against the project directory. */
    private File directory;

    /** Patterns of files to include, relative to {@code directory}; none means all. */
    private List<String> includes = new ArrayList<>();

    /** Patterns of files to leave out, relative to {@code directory}. */
    private List<String> excludes = new ArrayList<>();

    public FileSet() {
    }

    public FileSet(File directory, List<String> includes, List<String> excludes) {
        this.directory = directory;
        this.includes = includes == null ? new ArrayList<>() : new ArrayList<>(includes);
        this.excludes = excludes == null ? new ArrayList<>() : new ArrayList<>(excludes);
    }

    public File getDirectory() {
        return directory;
    }

    public void setDirectory(File directory) {
        this.directory = directory;
    }

    public List<String> getIncludes() {
        return includes;
    }

    public void setIncludes(List<String> includes) {
        this.includes = includes;
    }

    public List<String> getExcludes() {
        return excludes;
    }

    public void setExcludes(List<String> excludes) {
        this.excludes = excludes;
    }

    /**
     * The regular files of this set, sorted.
     *
     * @param basedir resolves a relative {@code directory}
     */
    public List<Path> files(Path basedir) {
        Path base = base(basedir);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        DirectoryScanner scanner = new DirectoryScanner();
        scanner.setBasedir(base.toFile());
        scanner.setIncludes(patterns(includes)); // null: everything
        scanner.setExcludes(patterns(excludes));
        scanner.addDefaultExcludes();
        scanner.scan();
        List<Path> files = new ArrayList<>();
        for (String relative : scanner.getIncludedFiles()) {
            files.add(base.resolve(relative));
        }
        files.sort(null);
        return files;
    }

    /**
     * The set's directory, resolved against {@code basedir} when relative.
     *
     * @throws IllegalArgumentException when no {@code directory} is configured
     */
    public Path base(Path basedir) {
        if (directory == null) {
            throw new IllegalArgumentException("a fileSet needs a <directory>");
        }
        return directory.isAbsolute() ? directory.toPath() : basedir.resolve(directory.toPath());
    }

    /** The non-blank patterns, trimmed, or {@code null} for none (the scanner's "no patterns"). */
    private static String[] patterns(List<String> patterns) {
        if (patterns == null) {
            return null;
        }
        String[] result = patterns.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toArray(String[]::new);
        return result.length == 0 ? null : result;
    }

    @Override
    public String toString() {
        return "fileSet " + directory + " includes " + includes + " excludes " + excludes;
    }
}
