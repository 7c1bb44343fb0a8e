package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When an IDE build may skip a run, and what it is told afterwards. */
class IdeBuildTest {
    private static final Path MODULE = Path.of("/p/tool.wasm").toAbsolutePath();
    private static final Path SPECS = Path.of("/p/src/spec").toAbsolutePath();

    @Test
    void anIncrementalBuildWithoutADeltaInAnyInputIsUnchanged() {
        FakeBuildContext context = new FakeBuildContext(true);
        assertThat(new IdeBuild(context).unchanged(List.of(MODULE, SPECS))).isTrue();
        context.changed.add(SPECS.toFile());
        assertThat(new IdeBuild(context).unchanged(List.of(MODULE, SPECS))).isFalse();
    }

    @Test
    void aFullBuildAndTheCommandLineAlwaysRun() {
        assertThat(new IdeBuild(new FakeBuildContext(false)).unchanged(List.of(MODULE))).isFalse();
        assertThat(new IdeBuild(null).unchanged(List.of(MODULE))).isFalse();
        // Maven's own context, as the command line has it, is never incremental
        var commandLine = new org.codehaus.plexus.build.DefaultBuildContext(
                new org.sonatype.plexus.build.incremental.DefaultBuildContext());
        assertThat(new IdeBuild(commandLine).unchanged(List.of(MODULE))).isFalse();
    }

    @Test
    void refreshTellsTheIdeAboutEveryWrittenLocation() {
        FakeBuildContext context = new FakeBuildContext(true);
        new IdeBuild(context).refresh(Arrays.asList(SPECS, null, MODULE));
        assertThat(context.refreshed).containsExactly(SPECS.toFile(), MODULE.toFile());
    }
}
