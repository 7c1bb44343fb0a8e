package org.wasmvm.core.spec;

/**
 * A value or a bare type from a spec-test JSON command: {@code {"type": "i32", "value": "42"}}.
 *
 * @param type the value type as written in the JSON ({@code i32}, {@code f64}, {@code externref}, {@code v128} ...)
 * @param value the value as written (unsigned decimal, bit pattern, {@code nan:canonical}, {@code null}, a
 *     host-reference id), or {@code null} when the JSON gives only the type; for {@code v128} the lane type and
 *     the lanes, e.g. {@code "i32:1 2 3 4"} (v128 is not supported by the runner)
 */
record SpecValue(String type, String value) {
    boolean hasValue() {
        return value != null;
    }

    @Override
    public String toString() {
        return value == null ? type : type + ":" + value;
    }
}
