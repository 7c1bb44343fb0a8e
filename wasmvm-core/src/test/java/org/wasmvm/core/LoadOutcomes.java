package org.wasmvm.core;

import org.wasmvm.core.binary.ModuleDecoder;
import org.wasmvm.core.validate.ModuleValidator;

/**
 * The outcome of loading a module, the fast way ({@link Wasm#load}, body scanning left to the
 * validator) or the full way (decode with the scan, then validate), as a comparable string.
 */
public final class LoadOutcomes {
    private LoadOutcomes() {
    }

    /** Through {@link Wasm#load}. */
    public static String viaLoad(byte[] bytes, Features features) {
        return outcome(() -> Wasm.load(bytes, features));
    }

    /** Through a full decode, then validation. */
    public static String viaFullDecode(byte[] bytes, Features features) {
        return outcome(() -> ModuleValidator.validate(ModuleDecoder.decode(bytes, features), features));
    }

    /** "ok", or the declared exception's class and message (which must say something). */
    private static String outcome(Runnable load) {
        try {
            load.run();
            return "ok";
        } catch (MalformedModuleException | InvalidModuleException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("exception without a message", e);
            }
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
