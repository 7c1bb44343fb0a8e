package org.wasmvm.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.Store;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.sandbox.GuestClock;
import org.wasmvm.core.sandbox.GuestRandom;
import org.wasmvm.core.sandbox.StandardStream;
import org.wasmvm.core.sandbox.StandardStreams;
import org.wasmvm.core.sysenv.SysFs;
import org.wasmvm.core.sysenv.SysProc;
import org.wasmvm.core.sysenv.fs.GuestFileSystem;
import org.wasmvm.core.wasi.WasiModule;

/**
 * The host modules of one run, both families over the same root, streams, arguments,
 * environment and realtime clock: sysenv ({@code sys_fs}, {@code sys_proc}) and WASI preview1; none with
 * {@code noSystem}. Closing releases what the guest left open.
 */
final class HostModules implements AutoCloseable {
    /**
     * The module names the host modules answer to. They are never looked up as module files, not
     * even with {@code noSystem}: there, importing one stays an unknown import.
     */
    static final Set<String> NAMES = Set.of(SysFs.MODULE, SysProc.MODULE, WasiModule.MODULE, WasiThreads.MODULE);
    private static final HostModules NONE = new HostModules(null, null, null);

    /** Whether a run provides {@code imp} rather than a module file: a host module's, or wasi-threads' memory. */
    static boolean provides(Import imp) {
        return NAMES.contains(imp.module()) || WasiThreads.provides(imp);
    }

    private final GuestFileSystem fileSystem;
    private final SysProc process;
    private final WasiModule wasi;

    private HostModules(GuestFileSystem fileSystem, SysProc process, WasiModule wasi) {
        this.fileSystem = fileSystem;
        this.process = process;
        this.wasi = wasi;
    }

    /** @throws IllegalArgumentException when the root, the working directory or a preopened directory is unusable */
    static HostModules open(RunRequest request) {
        if (request.noSystem()) {
            return NONE;
        }
        List<String> argv = argv(request);
        GuestClock realtime = request.clock() == null ? GuestClock.host() : GuestClock.pinnedAt(request.clock());
        StandardStreams streams = streams(request);
        GuestFileSystem fileSystem = new GuestFileSystem(request.root().toAbsolutePath(), request.workingDirectory(),
                streams);
        try {
            return new HostModules(fileSystem, new SysProc(argv, request.environment(), realtime),
                    wasi(request, argv, streams, realtime));
        } catch (IllegalArgumentException e) {
            fileSystem.close();
            throw e;
        }
    }

    /**
     * Registers into {@code store} the host functions of the host modules among {@code imported}, the
     * module names the program imports from: each function of a host module is a lambda, whose class the
     * JVM spins on first use, so defining the modules no module imports cost a WASI program's start about
     * 15 ms (23 classes).
     */
    void define(Store store, Set<String> imported) {
        if (this == NONE) {
            return;
        }
        if (imported.contains(SysFs.MODULE)) {
            new SysFs(fileSystem).define(store);
        }
        if (imported.contains(SysProc.MODULE)) {
            process.define(store);
        }
        if (imported.contains(WasiModule.MODULE)) {
            wasi.define(store);
        }
    }

    @Override
    public void close() {
        if (this != NONE) {
            wasi.close();
            fileSystem.close();
        }
    }

    private static List<String> argv(RunRequest request) {
        List<String> argv = new ArrayList<>(request.arguments().size() + 1);
        argv.add(request.programName());
        argv.addAll(request.arguments());
        return argv;
    }

    /** The request's streams, each a terminal or not as the request says. */
    private static StandardStreams streams(RunRequest request) {
        Terminals terminals = request.terminals();
        return new StandardStreams(StandardStream.input(request.stdin(), terminals.stdin()),
                StandardStream.output(request.stdout(), terminals.stdout()),
                StandardStream.output(request.stderr(), terminals.stderr()));
    }

    /**
     * WASI's preopens are the root as {@code /} (fd 3), the working directory as {@code .} when it
     * is not the root, then the request's extra directories.
     */
    private static WasiModule wasi(RunRequest request, List<String> argv, StandardStreams streams,
                                   GuestClock realtime) {
        Path root = request.root().toAbsolutePath();
        List<DirectoryMapping> preopens = new ArrayList<>();
        String relative = request.workingDirectory().replaceAll("^/+", "").replaceAll("/+$", "");
        if (!relative.isEmpty() && !relative.equals(".")) {
            preopens.add(new DirectoryMapping(root.resolve(relative), ".", false));
        }
        preopens.addAll(request.directories());
        GuestRandom random = request.randomSeed() == null ? GuestRandom.secure() : GuestRandom.seeded(request.randomSeed());
        return new WasiModule(argv, request.environment(), root, preopens, streams, realtime, random);
    }
}
