package org.wasmvm.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmvm.core.Instance;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.Module;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.model.Import;

/**
 * The modules of one program: the main module and every module file its imports name, directly or
 * not ({@link ModuleSearch}). Loaded whole before anything runs, one {@link Module} per file (by
 * canonical path, so a file reached by two paths, or by both sides of a diamond, is one module),
 * then instantiated once each, dependencies first, each start function running as its module is
 * instantiated.
 */
final class ModuleGraph {
    /** Dependencies before the modules that import them; the main module last. */
    private final List<Node> modules;

    private ModuleGraph(List<Node> modules) {
        this.modules = modules;
    }

    /**
     * One module of the program.
     *
     * @param name how messages call it: its canonical path, or the program name of a main module given as bytes
     * @param dependencies the module each imported module name other than a host module's resolved to
     */
    private record Node(String name, Module module, Map<String, Node> dependencies) {
    }

    /**
     * Loads the request's module and, transitively, the modules it imports, through the request's
     * loaded modules and code cache.
     *
     * @throws IOException when the main module cannot be read
     * @throws org.wasmvm.core.WasmException when the main module is malformed or invalid as it is; a
     *     {@link LinkException} when an imported module cannot be found, read or loaded, or the imports form a cycle
     */
    static ModuleGraph load(RunRequest request) throws IOException {
        return new Loader(request).loadMain();
    }

    /** The main module. */
    Module main() {
        return modules.get(modules.size() - 1).module();
    }

    /** Keeps each module's newly lowered code in the code cache ({@link Module#saveLoweredCode}). */
    void saveLoweredCode() {
        modules.forEach(node -> node.module().saveLoweredCode());
    }

    /** The module names the program's modules import from. */
    Set<String> importedModules() {
        Set<String> names = new HashSet<>();
        for (Node node : modules) {
            for (Import imp : node.module().imports()) {
                names.add(imp.module());
            }
        }
        return names;
    }

    /**
     * Instantiates every module in {@code store}, each linked to the instances of its dependencies.
     *
     * @return the main module's instance
     * @throws LinkException naming the importing module (and the file an imported name resolved to)
     */
    Instance instantiate(Store store) {
        Map<Node, Instance> instances = new IdentityHashMap<>();
        for (Node node : modules) {
            Map<String, Instance> linked = new HashMap<>();
            node.dependencies().forEach((name, dependency) -> linked.put(name, instances.get(dependency)));
            instances.put(node, instantiate(store, node, linked));
        }
        return instances.get(modules.get(modules.size() - 1));
    }

    private Instance instantiate(Store store, Node node, Map<String, Instance> linked) {
        try {
            return store.instantiate(node.module(), linked);
        } catch (LinkException e) {
            if (modules.size() == 1) {
                throw e; // a program of one module: the message needs no module name
            }
            String resolved = e.importModule().map(node.dependencies()::get)
                    .map(exporter -> " ('" + e.importModule().orElseThrow() + "' is " + exporter.name() + ")")
                    .orElse("");
            throw new LinkException(e.getMessage() + " in " + node.name() + resolved, e);
        }
    }

    /** One depth-first walk from the main module; the mutable state of the load. */
    private static final class Loader {
        private final RunRequest request;
        private final ModuleSearch search;
        private final Map<Path, Node> loaded = new HashMap<>();
        /** The files being loaded, each imported by the one before it (the main module first). */
        private final LinkedHashSet<Path> chain = new LinkedHashSet<>();
        private final List<Node> order = new ArrayList<>();

        Loader(RunRequest request) {
            this.request = request;
            this.search = new ModuleSearch(request);
        }

        ModuleGraph loadMain() throws IOException {
            if (request.moduleBytes() != null) { // no file: imports are resolved from the link directory
                visit(null, request.programName(), request.linkDirectory().toAbsolutePath(), load(request.moduleBytes()));
            } else {
                byte[] bytes = Wasm.read(request.modulePath());
                Path file = request.modulePath().toRealPath();
                visit(file, file.toString(), file.getParent(), load(bytes));
            }
            return new ModuleGraph(List.copyOf(order));
        }

        /** Loads the dependencies of {@code module} (from {@code file}, or none), then adds it after them. */
        private Node visit(Path file, String name, Path directory, Module module) {
            if (file != null) {
                chain.add(file);
            }
            Map<String, Node> dependencies = new LinkedHashMap<>();
            for (Import imp : module.imports()) {
                if (!HostModules.provides(imp) && !dependencies.containsKey(imp.module())) {
                    dependencies.put(imp.module(), dependency(imp, name, directory));
                }
            }
            Node node = new Node(name, module, Map.copyOf(dependencies));
            if (file != null) {
                chain.remove(file);
                loaded.put(file, node);
            }
            order.add(node);
            return node;
        }

        private Node dependency(Import imp, String importer, Path importerDirectory) {
            String what = "import " + imp.module() + "." + imp.name() + " of " + importer;
            Path found = search.resolve(imp.module(), importerDirectory, what);
            try {
                Path file = found.toRealPath();
                if (chain.contains(file)) {
                    throw new LinkException(what + ": import cycle " + cycle(file));
                }
                Node done = loaded.get(file);
                if (done != null) {
                    return done;
                }
                return visit(file, file.toString(), file.getParent(), load(Wasm.read(file)));
            } catch (IOException e) {
                throw new LinkException(what + ": cannot read " + found + ": " + e, e);
            } catch (MalformedModuleException | InvalidModuleException e) {
                throw new LinkException(what + ": " + found + " is not a usable module: " + e.getMessage(), e);
            }
        }

        /** The chain from {@code file}'s first appearance back to it: {@code a.wasm -> b.wasm -> a.wasm}. */
        private String cycle(Path file) {
            StringBuilder text = new StringBuilder();
            boolean inCycle = false;
            for (Path member : chain) {
                inCycle |= member.equals(file);
                if (inCycle) {
                    text.append(member).append(" -> ");
                }
            }
            return text.append(file).toString();
        }

        private Module load(byte[] bytes) {
            if (request.modules() != null) {
                return request.modules().load(bytes, request.features(), request.codeCache());
            }
            return Wasm.load(bytes, request.features(), request.codeCache());
        }
    }
}
