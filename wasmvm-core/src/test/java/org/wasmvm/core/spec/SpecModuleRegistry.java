package org.wasmvm.core.spec;

import java.util.HashMap;
import java.util.Map;
import org.opentest4j.AssertionFailedError;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Module;

/**
 * The modules of one script: module definitions (decoded and validated, {@code module_definition}) and
 * instances, each by {@code $name} and the current one. A slot may hold why its module failed, so that the
 * commands that need it fail as {@link SpecFileRunner.DependentFailure}s.
 */
final class SpecModuleRegistry {
    /** A module definition or an instance, or why the module of {@code line} failed to load or instantiate. */
    record Slot<T>(T value, int line, String failure) {
        static <T> Slot<T> failed(int line, String failure) {
            return new Slot<>(null, line, failure);
        }
    }

    private final Map<String, Slot<Module>> definitions = new HashMap<>();
    private final Map<String, Slot<Instance>> instances = new HashMap<>();
    private Slot<Module> currentDefinition;
    private Slot<Instance> currentInstance;

    /** Records {@code definition} as the current one and, with a name, as {@code name}. */
    void defined(String name, Slot<Module> definition) {
        currentDefinition = definition;
        if (name != null) {
            definitions.put(name, definition);
        }
    }

    /** Records {@code instance} as the current one and, with a name, as {@code name}. */
    void instantiated(String name, Slot<Instance> instance) {
        currentInstance = instance;
        if (name != null) {
            instances.put(name, instance);
        }
    }

    /**
     * Knows {@code other}'s instance {@code name} (and its definition, if any) under that name, as the current
     * instance: a thread's view of a module the script shares with it.
     */
    void share(String name, SpecModuleRegistry other) {
        Slot<Instance> instance = other.instances.get(name);
        if (instance == null) {
            throw missing("module", name, "share it with a thread");
        }
        Slot<Module> definition = other.definitions.get(name);
        if (definition != null) {
            definitions.put(name, definition);
        }
        instantiated(name, instance);
    }

    /** The definition named {@code name} ({@code null}: the current one), or a failure saying why there is none. */
    Module definition(String name, String purpose) {
        return resolve(name == null ? currentDefinition : definitions.get(name), "module definition", name, purpose);
    }

    /** The instance named {@code name} ({@code null}: the current one), or a failure saying why there is none. */
    Instance instance(String name, String purpose) {
        return resolve(name == null ? currentInstance : instances.get(name), "module", name, purpose);
    }

    private static <T> T resolve(Slot<T> slot, String kind, String name, String purpose) {
        if (slot == null) {
            throw missing(kind, name, purpose);
        }
        if (slot.value() == null) {
            throw dependent(slot.line(), slot.failure(), name, purpose);
        }
        return slot.value();
    }

    private static AssertionFailedError missing(String kind, String name, String purpose) {
        return new AssertionFailedError(name == null ? "no " + kind + " has been loaded yet, cannot " + purpose
                : "no " + kind + " named " + name + ", cannot " + purpose);
    }

    private static SpecFileRunner.DependentFailure dependent(int line, String failure, String name, String purpose) {
        return new SpecFileRunner.DependentFailure("cannot " + purpose + ": the module of line " + line
                + (name == null ? "" : " (" + name + ")") + " failed earlier: " + failure);
    }
}
