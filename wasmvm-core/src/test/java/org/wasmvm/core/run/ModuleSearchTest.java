package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order ModuleSearch tries the places a name may be (which file is there is ModuleGraphTest's). */
class ModuleSearchTest {
    private static final Path CWD = Path.of("/cwd");
    private static final Path HOME = Path.of("/home/main");
    private final List<Path> extra = List.of(Path.of("/e1"), Path.of("/e2"));

    @Test
    void aPlainNameIsTriedFromTheLinkDirectoryThenEachSearchDirectoryThenTheImportersDirectory() {
        assertThat(new ModuleSearch(CWD, extra, false).candidates("lib", HOME)).containsExactly(
                Path.of("/cwd/lib"), Path.of("/e1/lib"), Path.of("/e1/lib.wasm"), Path.of("/e2/lib"),
                Path.of("/e2/lib.wasm"), Path.of("/home/main/lib"), Path.of("/home/main/lib.wasm"));
    }

    @Test
    void noParentLeavesTheImportersDirectoryOut() {
        assertThat(new ModuleSearch(CWD, extra, true).candidates("lib", HOME)).containsExactly(
                Path.of("/cwd/lib"), Path.of("/e1/lib"), Path.of("/e1/lib.wasm"), Path.of("/e2/lib"),
                Path.of("/e2/lib.wasm"));
    }

    @Test
    void aRelativeNameIsTriedOnlyFromTheLinkDirectoryAndTheImportersDirectory() {
        assertThat(new ModuleSearch(CWD, extra, true).candidates("../lib/m", HOME)).containsExactly(
                Path.of("/cwd/../lib/m"), Path.of("/home/main/../lib/m"), Path.of("/home/main/../lib/m.wasm"));
        assertThat(new ModuleSearch(CWD, extra, false).candidates("./m.wasm", HOME)).containsExactly(
                Path.of("/cwd/./m.wasm"), Path.of("/home/main/./m.wasm"), Path.of("/home/main/./m.wasm.wasm"));
    }

    @Test
    void anAbsoluteNameIsItselfAndAPlaceIsTriedOnce() {
        assertThat(new ModuleSearch(HOME, List.of(HOME), false).candidates("/lib/m.wasm", HOME))
                .containsExactly(Path.of("/lib/m.wasm"), Path.of("/lib/m.wasm.wasm"));
        assertThat(new ModuleSearch(HOME, List.of(), false).candidates("m", HOME))
                .containsExactly(Path.of("/home/main/m"), Path.of("/home/main/m.wasm"));
    }
}
