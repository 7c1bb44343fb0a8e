package org.wasmvm.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A set of files for the up-to-date check: a {@code directory} and Ant-style {@code includes} /
 * {@code excludes} patterns relative to it ({@code **} any number of directories, {@code *} and
 * {@code ?} within one name). With no includes, every file under the directory is included.
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
        if (directory == null) {
            throw new IllegalArgumentException("a fileSet needs a <directory>");
        }
        Path base = directory.isAbsolute() ? directory.toPath() : basedir.resolve(directory.toPath());
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<PathMatcher> in = matchers(includes);
        List<PathMatcher> out = matchers(excludes);
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        Path relative = Path.of(base.relativize(file).toString().replace(File.separatorChar, '/'));
                        return (in.isEmpty() || matches(in, relative)) && !matches(out, relative);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base, e);
        }
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        List<PathMatcher> result = new ArrayList<>();
        if (patterns != null) {
            for (String pattern : patterns) {
                if (pattern != null && !pattern.isBlank()) {
                    result.add(FileSystems.getDefault().getPathMatcher("glob:" + toGlob(pattern.trim())));
                }
            }
        }
        return result;
    }

    /**
     * Ant pattern to a {@code java.nio} glob: {@code **}{@code /} also matches no directory at all,
     * and a pattern ending in {@code /} means everything below.
     */
    static String toGlob(String antPattern) {
        String pattern = antPattern.replace('\\', '/');
        if (pattern.endsWith("/")) {
            pattern = pattern + "**";
        }
        // "**/" matches zero or more directories in Ant; in a glob "**/" needs at least one "/".
        StringBuilder glob = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith("**/", i)) {
                glob.append("{**/,}");
                i += 3;
            } else {
                char c = pattern.charAt(i);
                if (c == '{' || c == '}' || c == ',' ) {
                    glob.append('\\');
                }
                glob.append(c);
                i++;
            }
        }
        return glob.toString();
    }

    @Override
    public String toString() {
        return "fileSet " + directory + " includes " + includes + " excludes " + excludes;
    }
}
