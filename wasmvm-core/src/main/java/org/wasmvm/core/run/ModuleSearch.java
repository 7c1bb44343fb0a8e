package org.wasmvm.core.run;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.wasmvm.core.LinkException;

/**
 * Where the module file an import names is, by WasmVM's rules (its {@code ModuleQueue::resolve}):
 * the name as a path from the link directory; then, for a name starting with {@code ./} or
 * {@code ../}, only the importer's directory; else each search directory in order, then the
 * importer's directory unless {@code noParent}. In each directory the name is tried as is, then with
 * {@code .wasm} appended. The first regular file wins. Host module names never get here
 * ({@link HostModules#NAMES}), and there is no system directory (docs/RATIONALE.md).
 */
final class ModuleSearch {
    private static final String SUFFIX = ".wasm";

    private final Path linkDirectory;
    private final List<Path> searchPath;
    private final boolean noParent;

    ModuleSearch(Path linkDirectory, List<Path> searchPath, boolean noParent) {
        this.linkDirectory = linkDirectory.toAbsolutePath();
        this.searchPath = searchPath.stream().map(Path::toAbsolutePath).toList();
        this.noParent = noParent;
    }

    ModuleSearch(RunRequest request) {
        this(request.linkDirectory(), request.moduleSearchPath(), request.noParent());
    }

    /**
     * The file {@code name} resolves to for a module in {@code importerDirectory}.
     *
     * @param importDescription names the import in the error, e.g. {@code "import lib.f of main.wasm"}
     * @throws LinkException when no candidate is a file; the message lists every place tried
     */
    Path resolve(String name, Path importerDirectory, String importDescription) {
        List<Path> candidates;
        try {
            candidates = candidates(name, importerDirectory);
        } catch (InvalidPathException e) {
            throw new LinkException(importDescription + ": module name '" + name + "' is not a path: " + e.getReason());
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new LinkException(
                importDescription + ": module '" + name + "' not found; tried "
                        + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))));
    }

    /** Every path {@code name} may be, in the order they are tried. */
    List<Path> candidates(String name, Path importerDirectory) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(linkDirectory.resolve(name));
        if (name.startsWith("./") || name.startsWith("../")) {
            addInDirectory(candidates, importerDirectory, name);
            return candidates.stream().distinct().toList(); // a name relative to its importer is looked for nowhere else
        }
        searchPath.forEach(directory -> addInDirectory(candidates, directory, name));
        if (!noParent) {
            addInDirectory(candidates, importerDirectory, name);
        }
        return candidates.stream().distinct().toList();
    }

    private static void addInDirectory(List<Path> candidates, Path directory, String name) {
        candidates.add(directory.resolve(name));
        candidates.add(directory.resolve(name + SUFFIX));
    }
}
