package org.wasmvm.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wasmvm.core.binary.DecoderLimits;

/**
 * The entry point: load (decode and validate) a module, then instantiate it.
 *
 * <pre>{@code
 * Module module = Wasm.load(Path.of("add.wasm"));
 * Instance instance = module.instantiate();
 * long[] sum = instance.function("add").apply(2, 3);
 * }</pre>
 */
public final class Wasm {
    private Wasm() {
    }

    /**
     * Loads a module file with every implemented feature enabled. A file larger than
     * {@link DecoderLimits#MAX_MODULE_SIZE} is rejected before it is read.
     */
    public static Module load(Path path) throws IOException {
        long size = Files.size(path);
        if (size > DecoderLimits.MAX_MODULE_SIZE) {
            throw new MalformedModuleException(0, "module too large: " + size + " bytes, over wasmvm's limit of "
                    + DecoderLimits.MAX_MODULE_SIZE);
        }
        return load(Files.readAllBytes(path));
    }

    /** Loads a module binary with every implemented feature enabled. */
    public static Module load(byte[] bytes) {
        return load(bytes, Features.all());
    }

    /**
     * Decodes and validates {@code bytes}.
     *
     * @throws MalformedModuleException when the bytes are not a well-formed binary
     * @throws InvalidModuleException when the module does not validate
     */
    public static Module load(byte[] bytes, Features features) {
        return Module.load(bytes, features, null);
    }

    /**
     * Decodes and validates {@code bytes}, or takes the verdict from {@code cache} when it has seen
     * them; the module's compiled functions are kept there too.
     *
     * @param cache the code cache, or {@code null} for none
     * @throws MalformedModuleException when the bytes are not a well-formed binary
     * @throws InvalidModuleException when the module does not validate
     */
    public static Module load(byte[] bytes, Features features, CodeCache cache) {
        return Module.load(bytes, features, cache);
    }
}
