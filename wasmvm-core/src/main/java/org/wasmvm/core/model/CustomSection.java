package org.wasmvm.core.model;

/** A custom section, kept verbatim: its name and payload. */
public record CustomSection(String name, byte[] payload) {
}
