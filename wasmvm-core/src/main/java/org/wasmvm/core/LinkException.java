package org.wasmvm.core;

/** An import could not be satisfied: it is missing or its type is incompatible. */
public class LinkException extends WasmException {
    public LinkException(String message) {
        super(message);
    }

    /** A missing import {@code module.field}. */
    public static LinkException unknownImport(String module, String field, String expected) {
        return new LinkException("unknown import " + module + "." + field + " (expected " + expected + ")");
    }

    /** An import whose provided value does not match the declared type. */
    public static LinkException incompatible(String module, String field, String expected, String actual) {
        return new LinkException("incompatible import type for " + module + "." + field
                + ": expected " + expected + ", got " + actual);
    }
}
