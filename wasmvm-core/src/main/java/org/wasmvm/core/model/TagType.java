package org.wasmvm.core.model;

/**
 * A tag's type (exception handling): the function type at {@code typeIndex}, whose parameters are the
 * exception's payload and whose results must be empty (the validator checks both).
 */
public record TagType(int typeIndex) {
}
