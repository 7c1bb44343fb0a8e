package org.wasmvm.core.gc;

/** A struct or an array: a JVM object that knows its defined type, by the canonical id a cast compares. */
public abstract sealed class GcObject permits GcStruct, GcArray {
    /** The canonical id of its type ({@link org.wasmvm.core.types.TypeRegistry}). */
    public final int typeId;

    GcObject(int typeId) {
        this.typeId = typeId;
    }
}
