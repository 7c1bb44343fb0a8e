package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.LoadedModules;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.sysenv.Guests;

/**
 * Programs of several modules linked by path (ModuleGraph, ModuleSearch) through ProgramRunner: the
 * link-*.wat modules laid out in a temporary tree, with the link directory elsewhere so the current
 * directory never answers.
 */
class ModuleGraphTest {
    @TempDir
    Path dir;
    @TempDir
    Path linkDirectory;

    @Test
    void aMainModuleRunsWithTheLibraryBesideIt() throws IOException {
        Path app = put("link-app", "app.wasm");
        put("link-counter", "counter.wasm");
        assertThat(run(request(app))).isEqualTo(RunResult.exited(2));
    }

    @Test
    void aDiamondSharesOneInstanceOfTheModuleBothSidesImport() throws IOException {
        Path main = diamond();
        assertThat(run(request(main))).as("10 * 3 + 3: all three bumps seen on both sides").isEqualTo(RunResult.exited(33));
    }

    @Test
    void oneFileReachedThroughASymbolicLinkIsOneInstance() throws IOException {
        Path main = diamond();
        Files.delete(dir.resolve("lib/counter.wasm"));
        Files.createDirectories(dir.resolve("real"));
        put("link-counter", "real/counter.wasm");
        Files.createSymbolicLink(dir.resolve("lib/counter.wasm"), dir.resolve("real/counter.wasm"));
        assertThat(run(request(main))).isEqualTo(RunResult.exited(33));
    }

    @Test
    void aDependencysStartFunctionRunsWhenItIsInstantiatedBeforeTheMainModules() throws IOException {
        Path main = put("link-started", "started.wasm");
        put("link-starter", "starter.wasm");
        put("link-counter", "counter.wasm");
        assertThat(run(request(main))).as("starter's start saw 1, main's start 2").isEqualTo(RunResult.exited(21));
    }

    @Test
    void aCycleIsALinkErrorNamingTheChain() throws IOException {
        Path a = put("link-cycle-a", "cycle-a.wasm");
        Path b = put("link-cycle-b", "cycle-b.wasm");
        RunResult result = run(request(a));
        assertThat(result.failure()).isInstanceOf(LinkException.class)
                .hasMessageContaining("import cycle " + a.toRealPath() + " -> " + b.toRealPath() + " -> " + a.toRealPath());
    }

    @Test
    void aMissingModuleIsALinkErrorListingEveryPlaceTried() throws IOException {
        Path app = put("link-app", "app.wasm");
        Path extra = Files.createDirectories(dir.resolve("extra"));
        RunResult result = run(request(app).moduleSearchPath(List.of(extra)));
        Path home = app.toRealPath().getParent();
        assertThat(result.failure()).isInstanceOf(LinkException.class)
                .hasMessageContaining("import counter.bump of " + app.toRealPath() + ": module 'counter' not found; tried "
                        + String.join(", ", linkDirectory.resolve("counter").toString(), extra.resolve("counter").toString(),
                                extra.resolve("counter.wasm").toString(), home.resolve("counter").toString(),
                                home.resolve("counter.wasm").toString()));
    }

    @Test
    void aNameRelativeToItsImporterIsLookedForNowhereElse() throws IOException {
        Path main = diamond();
        Files.move(dir.resolve("sub/left.wasm"), dir.resolve("left.wasm"));
        Path extra = dir.resolve("extra");
        Files.createDirectories(extra.resolve("sub"));
        put("link-left", "extra/sub/left.wasm");
        RunResult result = run(request(main).moduleSearchPath(List.of(extra)));
        assertThat(result.failure()).isInstanceOf(LinkException.class)
                .hasMessageContaining("module './sub/left.wasm' not found")
                .hasMessageNotContaining(extra.toString());
    }

    @Test
    void theLinkDirectoryIsTriedFirstForEveryName() throws IOException {
        Path app = put("link-app", "app.wasm");
        put("link-counter", "counter.wasm");
        Files.write(linkDirectory.resolve("counter"), Guests.bytes("link-counter-ten"));
        assertThat(run(request(app))).isEqualTo(RunResult.exited(12));
    }

    @Test
    void theFirstSearchDirectoryHoldingTheNameWinsAndTheSearchPathComesBeforeTheImportersDirectory() throws IOException {
        Path app = put("link-app", "app.wasm");
        put("link-counter-ten", "counter.wasm");
        Files.createDirectories(dir.resolve("first"));
        Files.createDirectories(dir.resolve("second"));
        put("link-counter", "first/counter.wasm");
        put("link-counter-ten", "second/counter");
        RunRequest.Builder request = request(app).moduleSearchPath(List.of(dir.resolve("second"), dir.resolve("first")));
        assertThat(run(request)).as("second/counter, as is before .wasm appended").isEqualTo(RunResult.exited(12));
        assertThat(run(request(app).moduleSearchPath(List.of(dir.resolve("first"), dir.resolve("second")))))
                .isEqualTo(RunResult.exited(2));
    }

    @Test
    void noParentLeavesTheImportersDirectoryOut() throws IOException {
        Path app = put("link-app", "app.wasm");
        put("link-counter", "counter.wasm");
        RunResult result = run(request(app).noParent(true));
        assertThat(result.failure()).isInstanceOf(LinkException.class)
                .hasMessageEndingWith("module 'counter' not found; tried " + linkDirectory.resolve("counter"));
        assertThat(result.failure().getMessage()).doesNotContain(dir.toRealPath().resolve("counter").toString());
    }

    @Test
    void aMainModuleGivenAsBytesImportsFromTheLinkDirectory() throws IOException {
        Files.write(linkDirectory.resolve("counter.wasm"), Guests.bytes("link-counter"));
        RunRequest request = RunRequest.builder(Guests.bytes("link-app"), "app.wasm").linkDirectory(linkDirectory).build();
        assertThat(ProgramRunner.run(request)).isEqualTo(RunResult.exited(2));
    }

    @Test
    void anIncompatibleImportNamesTheImporterAndTheFileTheNameResolvedTo() throws IOException {
        Path main = put("link-mismatch", "mismatch.wasm");
        Path counter = put("link-counter", "counter.wasm");
        RunResult result = run(request(main));
        assertThat(result.failure()).isInstanceOf(LinkException.class)
                .hasMessageStartingWith("incompatible import type for counter.bump")
                .hasMessageContaining(" in " + main.toRealPath() + " ('counter' is " + counter.toRealPath() + ")");
    }

    @Test
    void anUnusableDependencyIsALinkErrorNamingItsFile() throws IOException {
        Path app = put("link-app", "app.wasm");
        Path counter = Files.write(dir.resolve("counter.wasm"), new byte[] {0, 'a', 's', 'm', 9, 9, 9, 9});
        RunResult result = run(request(app));
        assertThat(result.failure()).isInstanceOf(LinkException.class)
                .hasMessageContaining("import counter.bump of " + app.toRealPath() + ": " + counter + " is not a usable module")
                .hasCauseInstanceOf(MalformedModuleException.class);
    }

    @Test
    void hostModuleNamesAreNeverFilesEvenWithoutTheHostModules() throws IOException {
        Path hello = Files.write(dir.resolve("hello.wasm"), Guests.bytes("hello"));
        Files.write(dir.resolve("sys_proc.wasm"), Guests.bytes("link-counter"));
        Files.write(linkDirectory.resolve("sys_proc"), Guests.bytes("link-counter"));
        RunResult result = run(request(hello).noSystem(true));
        assertThat(result.failure()).isInstanceOf(LinkException.class).hasMessageStartingWith("unknown import sys_proc.argc");
    }

    @Test
    void everyModuleIsLoadedThroughTheRequestsLoadedModules() throws IOException {
        Path main = diamond();
        LoadedModules modules = new LoadedModules(1 << 20);
        assertThat(run(request(main).modules(modules))).isEqualTo(RunResult.exited(33));
        assertThat(run(request(main).modules(modules))).isEqualTo(RunResult.exited(33));
        assertThat(modules.statistics().loads()).as("four files, each loaded once").isEqualTo(4);
        assertThat(modules.statistics().hits()).isEqualTo(4);
    }

    /** main.wasm -> ./sub/left.wasm -> ../lib/counter.wasm, and main.wasm -> right(.wasm) -> ./lib/counter(.wasm). */
    private Path diamond() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.createDirectories(dir.resolve("lib"));
        put("link-left", "sub/left.wasm");
        put("link-right", "right.wasm");
        put("link-counter", "lib/counter.wasm");
        return put("link-diamond", "main.wasm");
    }

    private Path put(String guest, String file) throws IOException {
        return Files.write(dir.resolve(file), Guests.bytes(guest));
    }

    private RunRequest.Builder request(Path main) {
        return RunRequest.builder(main).linkDirectory(linkDirectory).root(dir)
                .stdout(new ByteArrayOutputStream()).stderr(new ByteArrayOutputStream());
    }

    private static RunResult run(RunRequest.Builder request) {
        return ProgramRunner.run(request.build());
    }
}
