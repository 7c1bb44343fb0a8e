package org.wasmvm.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.codehaus.plexus.build.DefaultBuildContext;

/** An IDE's build context as m2e offers one: incremental or not, with chosen deltas, recording refreshes. */
final class FakeBuildContext extends DefaultBuildContext {
    private final boolean incremental;
    final Set<File> changed = new HashSet<>();
    final List<File> refreshed = new ArrayList<>();

    FakeBuildContext(boolean incremental) {
        super(new org.sonatype.plexus.build.incremental.DefaultBuildContext());
        this.incremental = incremental;
    }

    @Override
    public boolean isIncremental() {
        return incremental;
    }

    @Override
    public boolean hasDelta(File file) {
        return changed.contains(file);
    }

    @Override
    public void refresh(File file) {
        refreshed.add(file);
    }
}
