package org.wasmvm.core.model;

/** A global defined by the module: its type and initializer. */
public record Global(GlobalType type, ConstExpr init) {
}
