package org.wasmvm.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a guest sees: only the configured variables, unless {@code inheritEnvironment}
 * adds the build's own (configured ones win). A downloaded tool must not see the build's secrets,
 * so inheriting is off by default.
 */
public final class GuestEnvironment {
    private GuestEnvironment() {
    }

    /**
     * @param configured the {@code environmentVariables} (may be {@code null}; a {@code null} value
     *     means the empty string, as an empty XML element gives)
     * @param inherit whether to start from {@code host}
     * @param host the build's environment ({@code System.getenv()})
     */
    public static Map<String, String> of(Map<String, String> configured, boolean inherit, Map<String, String> host) {
        Map<String, String> env = new LinkedHashMap<>();
        if (inherit) {
            env.putAll(new TreeMap<>(host));
        }
        if (configured != null) {
            configured.forEach((name, value) -> {
                if (name.isEmpty() || name.indexOf('=') >= 0) {
                    throw new IllegalArgumentException("invalid environment variable name '" + name + "'");
                }
                env.put(name, value == null ? "" : value);
            });
        }
        return env;
    }
}
