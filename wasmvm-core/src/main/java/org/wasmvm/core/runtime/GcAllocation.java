package org.wasmvm.core.runtime;

import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.Storage;

/**
 * Allocates GC arrays within the store's limits, for the engines and constant expressions alike: an array longer
 * than {@link RuntimeLimits#maxArrayElements()} traps before anything is allocated, and a heap that runs out is a
 * trap rather than an {@link OutOfMemoryError} (the JVM is left as it was: the array was never made).
 */
public final class GcAllocation {
    /** The longest Java array HotSpot allocates. */
    private static final long MAX_JAVA_ARRAY = Integer.MAX_VALUE - 8;

    private GcAllocation() {
    }

    /** An array of {@code length} (an unsigned i32) zeros or nulls. */
    public static GcArray array(RuntimeLimits limits, int typeId, Storage storage, long length) {
        long javaLength = storage == Storage.V128 ? 2 * length : length;
        if (length > limits.maxArrayElements() || javaLength > MAX_JAVA_ARRAY) {
            throw new Trap(TrapKind.ALLOCATION_TOO_LARGE, "an array of " + length + " elements, over the limit of "
                    + limits.maxArrayElements() + " (RuntimeLimits.maxArrayElements)");
        }
        try {
            return GcArray.allocate(typeId, storage, (int) length);
        } catch (OutOfMemoryError e) {
            throw new Trap(TrapKind.OUT_OF_MEMORY, "allocating an array of " + length + " elements", e);
        }
    }
}
