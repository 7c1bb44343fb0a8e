package org.wasmvm.maven;

import java.io.File;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a WebAssembly module with wasmvm-core.
 *
 * <p>Not implemented yet: apart from {@code skip}, the goal fails (see issue 4). It deliberately does
 * not pretend to run anything.
 */
@Mojo(name = "run", threadSafe = true)
public class RunMojo extends AbstractMojo {

    /** The WebAssembly module ({@code .wasm}) to run. */
    @Parameter(property = "wasmvm.module")
    private File module;

    /** Skip the goal. */
    @Parameter(property = "wasmvm.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("wasmvm:run skipping (wasmvm.skip=true)");
            return;
        }
        throw new MojoExecutionException("wasmvm:run is not implemented yet (issue 4)");
    }
}
