package org.wasmvm.core.sysenv;

import org.wasmvm.core.RunRequest;
import org.wasmvm.core.RunResult;

/** Carries out a {@link RunRequest}: load, link sysenv, instantiate, call the entry point. */
public final class ProgramRunner {
    private ProgramRunner() {
    }

    public static RunResult run(RunRequest request) {
        throw new UnsupportedOperationException("TODO(issue 3): sysenv and the run API are being written");
    }
}
