package org.wasmvm.maven;

import java.util.function.Consumer;
import org.wasmvm.core.LoadedModules;

/**
 * The modules this plugin has loaded in this JVM. Static, so every execution and every reactor
 * module whose build uses this plugin's class loader (Maven keeps one per plugin and its
 * dependencies) shares them: a reactor of 20 modules running one tool decodes it once.
 */
final class SharedModules {
    private static final LoadedModules MODULES = new LoadedModules(0);

    private SharedModules() {
    }

    /** The shared modules with this execution's budget ({@code megabytes} MiB) and debug log; {@code null} when the budget is 0. */
    static LoadedModules forExecution(long megabytes, Consumer<String> debugLog) {
        if (megabytes <= 0) {
            return null;
        }
        return MODULES.sharing(megabytes * 1024 * 1024, debugLog);
    }
}
