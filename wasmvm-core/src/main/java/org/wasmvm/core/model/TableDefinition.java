package org.wasmvm.core.model;

/**
 * A table the module defines.
 *
 * @param type its element type and limits
 * @param init the initializer of every element (the {@code 0x40 0x00} form of typed references), or
 *     {@code null}: then every element starts null
 */
public record TableDefinition(TableType type, ConstExpr init) {
}
