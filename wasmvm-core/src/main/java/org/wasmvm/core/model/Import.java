package org.wasmvm.core.model;

/** One entry of the import section: {@code module}.{@code name} with its descriptor. */
public record Import(String module, String name, ImportDesc desc) {
}
