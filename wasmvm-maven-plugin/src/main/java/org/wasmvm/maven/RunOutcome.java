package org.wasmvm.maven;

import java.io.IOException;
import java.util.List;

import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.ResourceLimitException;
import org.wasmvm.core.WasmException;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.run.InvokeArgumentException;
import org.wasmvm.core.run.RunResult;

/**
 * Turns a {@link RunResult} into the build's verdict: success, or one exception whose message names
 * the execution and the module and says what happened in words a user can act on. Guest faults
 * (exit codes, traps, link errors, bad modules) are {@link MojoFailureException}s without a Java
 * cause, so no Java stack trace is printed for them; anything else is an internal error, a
 * {@link MojoExecutionException} that keeps its cause.
 */
public final class RunOutcome {
    /** As the CLI's {@code -f}: wasmvm's engine relies on validation, so skipValidation is accepted but not done. */
    static final String SKIP_VALIDATION_NOTE = " (skipValidation does not skip validation: wasmvm runs only valid modules)";

    private RunOutcome() {
    }

    /**
     * @param result what the run returned
     * @param what names the run in messages, e.g. {@code "wasmvm:run (execution 'gen') of module tool.wasm"}
     * @param successExitCodes the codes that count as success
     * @param noSystem whether the run offered no host modules (explains sysenv link errors)
     * @param skipValidation whether {@code skipValidation} was set (explains that an invalid module still fails)
     */
    public static void check(RunResult result, String what, List<Integer> successExitCodes, boolean noSystem,
            boolean skipValidation) throws MojoFailureException, MojoExecutionException {
        Exception failure = result.failure();
        if (failure == null) {
            if (!successExitCodes.contains(result.exitCode())) {
                throw new MojoFailureException(what + " failed: the guest exited with code " + result.exitCode()
                        + (successExitCodes.equals(List.of(0)) ? "" : " (success exit codes: " + successExitCodes + ")"));
            }
            return;
        }
        var error = failure(failure, what, noSystem);
        if (error instanceof MojoFailureException guestFault) {
            if (skipValidation && isInvalidModule(failure)) {
                throw new MojoFailureException(guestFault.getMessage() + SKIP_VALIDATION_NOTE);
            }
            throw guestFault;
        }
        throw (MojoExecutionException) error;
    }

    /** The exception to throw for a failed run. */
    static AbstractMojoExecutionException failure(Exception failure, String what, boolean noSystem) {
        if (failure instanceof WasmTrap trap) {
            return new MojoFailureException(what + " failed: wasm trap: " + trap.getMessage());
        }
        if (failure instanceof LinkException) {
            return new MojoFailureException(what + " failed: link error: " + failure.getMessage()
                    + (noSystem ? hintForLinkError(failure.getMessage()) : ""));
        }
        if (failure instanceof MalformedModuleException || failure instanceof InvalidModuleException) {
            return new MojoFailureException(what + " failed: not a valid WebAssembly module: " + failure.getMessage());
        }
        if (failure instanceof ResourceLimitException) {
            return new MojoFailureException(what + " failed: resource limit: " + failure.getMessage());
        }
        if (failure instanceof WasmException) {
            return new MojoFailureException(what + " failed: " + failure.getMessage());
        }
        if (failure instanceof InvokeArgumentException) {
            return new MojoFailureException(what + " failed: invokeArguments do not fit: " + failure.getMessage());
        }
        if (failure instanceof IllegalArgumentException) {
            // the runtime rejected the request, e.g. an unusable root or working directory
            return new MojoFailureException(what + " failed: " + failure.getMessage());
        }
        if (failure instanceof IOException) {
            return new MojoFailureException(what + " failed: cannot read the module: " + failure.getMessage());
        }
        return new MojoExecutionException(what + " failed with an internal error: " + failure, failure);
    }

    /** An invalid module, the main one or one it imports (whose failure is a link error caused by it). */
    private static boolean isInvalidModule(Exception failure) {
        return failure instanceof InvalidModuleException || failure.getCause() instanceof InvalidModuleException;
    }

    private static String hintForLinkError(String message) {
        if (message != null && (message.contains("sys_fs") || message.contains("sys_proc"))) {
            return " (the module imports the sysenv host modules; which noSystem does not offer)";
        }
        return "";
    }
}
