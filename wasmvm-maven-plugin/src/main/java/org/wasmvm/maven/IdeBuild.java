package org.wasmvm.maven;

import java.nio.file.Path;
import java.util.List;

import org.codehaus.plexus.build.BuildContext;

/**
 * The run's side of an IDE build, through plexus-build-api's {@link BuildContext}: in Eclipse (m2e)
 * an incremental build in which none of the run's inputs changed skips the run, and after a run the
 * IDE is told which files and directories it wrote, so it sees generated sources without a manual
 * refresh. On the command line the context is never incremental and refreshing does nothing, so
 * this changes nothing there.
 */
final class IdeBuild {
    private final BuildContext context;

    /** @param context the build's context; {@code null} (a mojo built outside Maven) acts as the command line */
    IdeBuild(BuildContext context) {
        this.context = context;
    }

    /** Whether this is an incremental IDE build in which no input location has a change. */
    boolean unchanged(List<Path> inputs) {
        if (context == null || !context.isIncremental()) {
            return false;
        }
        for (Path input : inputs) {
            if (context.hasDelta(input.toFile())) {
                return false;
            }
        }
        return true;
    }

    /** Tells the IDE that these files or directories (null entries ignored) may have changed. */
    void refresh(List<Path> written) {
        if (context == null) {
            return;
        }
        for (Path path : written) {
            if (path != null) {
                context.refresh(path.toFile());
            }
        }
    }
}
