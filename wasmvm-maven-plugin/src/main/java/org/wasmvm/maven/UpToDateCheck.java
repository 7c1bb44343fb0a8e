package org.wasmvm.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a run can be skipped, the way code generators avoid needless work: only when
 * outputs are configured, at least one output file exists, and the oldest output is newer than the
 * newest input. The inputs always include the module itself and the project's POM (so a changed
 * configuration runs again), plus the configured {@code inputs}.
 */
public final class UpToDateCheck {
    private final List<FileSet> inputs;
    private final List<FileSet> outputs;
    private final List<Path> implicitInputs;
    private final Path basedir;

    /** The outcome, with a sentence for the log. */
    public record Decision(boolean upToDate, String reason) {
    }

    /**
     * @param inputs the configured inputs, may be empty
     * @param outputs the configured outputs; without any, every run runs
     * @param implicitInputs the module file, the POM (missing files are ignored)
     * @param basedir resolves relative directories
     */
    public UpToDateCheck(List<FileSet> inputs, List<FileSet> outputs, List<Path> implicitInputs, Path basedir) {
        this.inputs = inputs == null ? List.of() : inputs;
        this.outputs = outputs == null ? List.of() : outputs;
        this.implicitInputs = implicitInputs;
        this.basedir = basedir.toAbsolutePath();
    }

    /** Whether there is anything to check at all (some {@code outputs} are configured). */
    public boolean enabled() {
        return !outputs.isEmpty();
    }

    /**
     * Where the inputs live, for the IDE's delta check ({@link IdeBuild}): the implicit input files
     * and the directory of each input file set.
     */
    public List<Path> inputLocations() {
        List<Path> locations = new ArrayList<>();
        for (Path path : implicitInputs) {
            if (path != null) {
                locations.add(path.toAbsolutePath());
            }
        }
        for (FileSet set : inputs) {
            locations.add(set.base(basedir));
        }
        return locations;
    }

    /** The directories of the output file sets, for refreshing them in the IDE after a run. */
    public List<Path> outputLocations() {
        List<Path> locations = new ArrayList<>();
        for (FileSet set : outputs) {
            locations.add(set.base(basedir));
        }
        return locations;
    }

    public Decision decide() {
        if (!enabled()) {
            return new Decision(false, "no outputs configured");
        }
        List<Path> outputFiles = new ArrayList<>();
        for (FileSet set : outputs) {
            outputFiles.addAll(set.files(basedir));
        }
        if (outputFiles.isEmpty()) {
            return new Decision(false, "no output file exists yet");
        }
        List<Path> inputFiles = new ArrayList<>();
        for (Path path : implicitInputs) {
            if (path != null && Files.isRegularFile(path)) {
                inputFiles.add(path);
            }
        }
        for (FileSet set : inputs) {
            inputFiles.addAll(set.files(basedir));
        }
        Path oldestOutput = null;
        FileTime oldest = null;
        for (Path file : outputFiles) {
            FileTime time = modified(file);
            if (oldest == null || time.compareTo(oldest) < 0) {
                oldest = time;
                oldestOutput = file;
            }
        }
        for (Path file : inputFiles) {
            if (modified(file).compareTo(oldest) >= 0) {
                return new Decision(false, "input " + basedir.relativize(file.toAbsolutePath()) + " is not older than output "
                        + basedir.relativize(oldestOutput.toAbsolutePath()));
            }
        }
        return new Decision(true, outputFiles.size() + " output file(s) newer than " + inputFiles.size() + " input file(s)");
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file, e);
        }
    }
}
