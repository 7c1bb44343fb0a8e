package org.wasmvm.core;

/** Why execution trapped; {@link #message()} is the spec's wording. */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    MEMORY_OUT_OF_BOUNDS("out of bounds memory access"),
    TABLE_OUT_OF_BOUNDS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION("invalid conversion to integer"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    DATA_SEGMENT_OUT_OF_BOUNDS("out of bounds memory access"),
    NULL_FUNCTION_REFERENCE("null function reference"),
    NULL_REFERENCE("null reference"),
    /** {@code throw_ref} of a null {@code exnref}. */
    NULL_EXCEPTION_REFERENCE("null exception reference"),
    /** A GC instruction on a null struct, array or i31 reference (the reference interpreter's words). */
    NULL_STRUCTURE_REFERENCE("null structure reference"),
    NULL_ARRAY_REFERENCE("null array reference"),
    NULL_I31_REFERENCE("null i31 reference"),
    ARRAY_OUT_OF_BOUNDS("out of bounds array access"),
    /** {@code ref.cast} of a reference that is not of the target type. */
    CAST_FAILURE("cast failure"),
    /** An array longer than {@link RuntimeLimits#maxArrayElements()} allows. */
    ALLOCATION_TOO_LARGE("allocation too large"),
    /** The JVM's heap ran out while wasm code ran (it allocates GC objects on it). */
    OUT_OF_MEMORY("out of memory"),
    FUEL_EXHAUSTED("fuel exhausted"),
    TIMEOUT("timeout"),
    HOST_ERROR("host function failed"),
    /** An atomic access whose effective address is not a multiple of its size. */
    UNALIGNED_ATOMIC("unaligned atomic"),
    /** {@code memory.atomic.wait32/64} on a memory that is not shared. */
    EXPECTED_SHARED_MEMORY("expected shared memory");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    /** The message the reference interpreter gives for this trap. */
    public String message() {
        return message;
    }
}
