package org.wasmvm.core.wasi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.RunRequest;

/** Builds the WASI module of a {@link RunRequest}: the same root, streams, arguments and environment as sysenv. */
public final class WasiRuns {
    private WasiRuns() {
    }

    /**
     * The preopens are the root as {@code /} (fd 3), the working directory as {@code .} when it
     * is not the root, then the request's extra directories.
     *
     * @param argv the arguments, {@code argv[0]} included
     * @throws IllegalArgumentException when a directory is unusable
     */
    public static WasiModule module(RunRequest request, List<String> argv) {
        Path root = request.root().toAbsolutePath();
        List<DirectoryMapping> preopens = new ArrayList<>();
        String cwd = request.workingDirectory();
        String relative = cwd.replaceAll("^/+", "").replaceAll("/+$", "");
        if (!relative.isEmpty() && !relative.equals(".")) {
            preopens.add(new DirectoryMapping(root.resolve(relative), ".", false));
        }
        preopens.addAll(request.directories());
        return new WasiModule(argv, request.environment(), root, preopens, request.stdin(), request.stdout(),
                request.stderr());
    }
}
