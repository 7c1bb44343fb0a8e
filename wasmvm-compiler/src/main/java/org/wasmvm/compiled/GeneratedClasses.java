package org.wasmvm.compiled;

import java.lang.invoke.MethodHandles;
import java.util.List;

/** Defines generated classes in this package, beside the helpers they call. */
public final class GeneratedClasses {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private GeneratedClasses() {
    }

    /** Defines and initializes {@code classFile} as a hidden class whose class data is {@code classData}; its lookup. */
    public static MethodHandles.Lookup define(byte[] classFile, List<Object> classData) throws IllegalAccessException {
        return LOOKUP.defineHiddenClassWithClassData(classFile, List.copyOf(classData), true);
    }
}
