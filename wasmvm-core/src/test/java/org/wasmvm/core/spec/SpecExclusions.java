package org.wasmvm.core.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Known failures, from a list on the test classpath ({@link #EXCLUSIONS} for the 2.0 suites, {@link #RATCHET_WASM3}
 * for the 3.0 suite's directories): one line per command, {@code suite/file.json:line  reason} (the suite may
 * have a slash: {@code wasm3/core/i32.json:12}), {@code #} starts a comment. A listed command still runs: when
 * it fails it is reported as skipped; when it passes the test fails ("stale exclusion"), so the list only shrinks.
 */
final class SpecExclusions {
    static final String EXCLUSIONS = "/spec-exclusions.txt";
    static final String RATCHET_WASM3 = "/spec-ratchet-wasm3.txt";

    private final String resource;
    private final String label;
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private SpecExclusions(String resource, String label) {
        this.resource = resource;
        this.label = label;
    }

    /** The list's resource name, for messages. */
    String resource() {
        return resource;
    }

    /** What the summary line calls the list's entries ({@code excluded}, {@code ratchet}). */
    String label() {
        return label;
    }

    static SpecExclusions load(String resource, String label) {
        var exclusions = new SpecExclusions(resource, label);
        Map<String, String> reasons = exclusions.reasons;
        try (InputStream in = SpecExclusions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return exclusions;
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] parts = text.split("\\s+", 2);
                if (!parts[0].matches("[^\\s]+/[^/\\s]+\\.json:\\d+")) {
                    throw new IllegalStateException(resource + " line " + number
                            + ": expected 'suite/file.json:line  reason', got '" + line + "'");
                }
                reasons.put(parts[0], parts.length > 1 ? parts[1] : "(no reason given)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exclusions;
    }

    static String key(String suite, String jsonFile, int line) {
        return suite + "/" + jsonFile + ":" + line;
    }

    /** The reason {@code key} is excluded, or {@code null}; marks the entry as used. */
    String reason(String key) {
        String reason = reasons.get(key);
        if (reason != null) {
            used.add(key);
        }
        return reason;
    }

    /** Entries for {@code suite/jsonFile} that matched no command (the file was run completely). */
    java.util.List<String> unmatched(String suite, String jsonFile) {
        String prefix = suite + "/" + jsonFile + ":";
        return reasons.keySet().stream().filter(k -> k.startsWith(prefix) && !used.contains(k)).toList();
    }
}
