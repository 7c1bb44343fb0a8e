package org.wasmvm.core.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Wasm;

/**
 * A published module that uses SIMD throughout: the WebP encoder of npm's {@code @jsquash/webp} 1.5.0
 * ({@code codec/enc/webp_enc_simd.wasm}, libwebp built by emscripten with {@code -msimd128}: 6 423 vector
 * instructions), called through its embind binding as its JavaScript glue calls it. It must produce
 * node's bytes for the same image and options ({@code webp-node.properties}, written by
 * {@code scripts/webp-node.mjs}).
 */
class WebpEncoderTest {
    /** The glue's {@code wasmImports}: minified import name to embind's. */
    private static final Map<String, String> IMPORTS = Map.ofEntries(Map.entry("a", "_embind_register_value_object_field"),
            Map.entry("b", "_embind_register_memory_view"), Map.entry("c", "_embind_register_integer"),
            Map.entry("d", "_embind_register_enum_value"), Map.entry("e", "_embind_register_std_wstring"),
            Map.entry("f", "_embind_register_function"), Map.entry("g", "abort"), Map.entry("h", "_embind_register_float"),
            Map.entry("i", "_embind_register_std_string"), Map.entry("j", "_emval_decref"), Map.entry("k", "__cxa_throw"),
            Map.entry("l", "_emval_incref"), Map.entry("m", "_embind_finalize_value_object"),
            Map.entry("n", "_embind_register_value_object"), Map.entry("o", "_embind_register_bigint"),
            Map.entry("p", "emscripten_resize_heap"), Map.entry("q", "_embind_register_enum"),
            Map.entry("r", "emscripten_memcpy_big"), Map.entry("s", "_embind_register_emval"),
            Map.entry("t", "_embind_register_bool"), Map.entry("u", "_embind_register_void"),
            Map.entry("v", "_emval_new"), Map.entry("w", "_emval_get_global"));

    @Test
    void encodesTheBytesNodeDoes() throws IOException {
        Properties node = resource("webp-node.properties");
        int width = Integer.parseInt(node.getProperty("width"));
        int height = Integer.parseInt(node.getProperty("height"));
        Map<String, String> options = new LinkedHashMap<>();
        node.stringPropertyNames().stream().filter(key -> key.startsWith("option."))
                .forEach(key -> options.put(key.substring("option.".length()), node.getProperty(key)));
        var embind = new Embind();
        // exports (the glue's names): y __wasm_call_ctors, z malloc, A free, D the function table
        embind.instantiate(Wasm.load(bytes("webp_enc_simd.wasm")), IMPORTS, "y");

        byte[] webp = (byte[]) embind.call("encode", "z", "A", "D", image(width, height), width, height, options);

        assertThat(webp).hasSize(Integer.parseInt(node.getProperty("length")));
        assertThat(new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(sha256(webp)).isEqualTo(node.getProperty("sha256"));
    }

    /** The RGBA pattern of scripts/webp-node.mjs. */
    private static byte[] image(int width, int height) {
        byte[] rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 4;
                rgba[i] = (byte) (x * 7 + y * 3);
                rgba[i + 1] = (byte) (x * y);
                rgba[i + 2] = (byte) ((x ^ y) * 5);
                rgba[i + 3] = (byte) 255;
            }
        }
        return rgba;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Properties resource(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = WebpEncoderTest.class.getResourceAsStream("/published/" + name)) {
            properties.load(in);
        }
        return properties;
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = WebpEncoderTest.class.getResourceAsStream("/published/" + name)) {
            return in.readAllBytes();
        }
    }
}
