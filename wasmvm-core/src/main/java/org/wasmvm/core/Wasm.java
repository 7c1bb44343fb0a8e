package org.wasmvm.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    private static final int READ_CHUNK = 1 << 16;

    private Wasm() {
    }

    /**
     * Loads a module file with every implemented feature enabled. A file larger than
     * {@link DecoderLimits#MAX_MODULE_SIZE} is rejected before it is read.
     */
    public static Module load(Path path) throws IOException {
        return load(read(path));
    }

    /**
     * The bytes of a module file, for the {@code load} methods that take bytes. A file larger than
     * {@link DecoderLimits#MAX_MODULE_SIZE} is rejected before it is read.
     *
     * @throws MalformedModuleException when the file is too large
     */
    public static byte[] read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > DecoderLimits.MAX_MODULE_SIZE) {
            throw new MalformedModuleException(0, "module too large: " + size + " bytes, over wasmvm's limit of "
                    + DecoderLimits.MAX_MODULE_SIZE);
        }
        // in pieces: Files.readAllBytes reads through a temporary direct buffer as large as the file,
        // twice as slow for a 30 MB module (60-70 ms against 30), which every cold start pays
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = new byte[(int) size];
            int length = 0;
            for (int n; (n = in.read(bytes, length, Math.min(READ_CHUNK, bytes.length - length))) > 0; ) {
                length += n;
            }
            byte[] more = in.readAllBytes(); // a file that changed size while read is read as it ends up
            if (length == bytes.length && more.length == 0) {
                return bytes;
            }
            byte[] all = Arrays.copyOf(bytes, length + more.length);
            System.arraycopy(more, 0, all, length, more.length);
            return all;
        }
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
