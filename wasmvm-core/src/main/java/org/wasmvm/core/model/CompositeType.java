package org.wasmvm.core.model;

/** What a defined type describes: a function signature, a struct or an array (the GC proposal's comptype). */
public sealed interface CompositeType permits FuncType, StructType, ArrayType {
}
