package org.wasmvm.core;

import java.util.Optional;

/** An import could not be satisfied: it is missing or its type is incompatible. */
public class LinkException extends WasmException {
    /** The module name of the import at fault, when the error is about one import. */
    private final String importModule;

    public LinkException(String message) {
        this(message, (String) null);
    }

    /** A link error caused by another failure, e.g. a module the program imports that cannot be loaded. */
    public LinkException(String message, Throwable cause) {
        super(message, cause);
        this.importModule = null;
    }

    private LinkException(String message, String importModule) {
        super(message);
        this.importModule = importModule;
    }

    /** A missing import {@code module.field}. */
    public static LinkException unknownImport(String module, String field, String expected) {
        return new LinkException("unknown import " + module + "." + field + " (expected " + expected + ")", module);
    }

    /** An import whose provided value does not match the declared type. */
    public static LinkException incompatible(String module, String field, String expected, String actual) {
        return new LinkException("incompatible import type for " + module + "." + field
                + ": expected " + expected + ", got " + actual, module);
    }

    /**
     * The module name of the import this error is about (so a linker of several modules can say
     * which module it resolved that name to), or empty when the error is not about one import.
     */
    public Optional<String> importModule() {
        return Optional.ofNullable(importModule);
    }
}
