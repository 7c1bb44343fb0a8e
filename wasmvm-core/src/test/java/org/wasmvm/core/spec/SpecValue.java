package org.wasmvm.core.spec;

import java.util.List;

/**
 * A value or a result pattern from a spec-test JSON command (see the testsuite READMEs):
 * {@code {"type": "i32", "value": "42"}}, a vector {@code {"type": "v128", "lane_type": "i32", "value": [...]}},
 * or {@code {"type": "either", "values": [...]}}.
 *
 * @param type the type as written in the JSON ({@code i32}, {@code f64}, {@code externref}, {@code nofuncref},
 *     {@code ref}, {@code v128}, {@code either} ...)
 * @param value the value as written (unsigned decimal, bit pattern, {@code nan:canonical}, {@code null}, a
 *     host-reference number), or {@code null} when the JSON gives only the type (for a reference: any non-null one)
 * @param laneType for {@code v128}: {@code i8} ... {@code f64}, else {@code null}
 * @param lanes for {@code v128}: one value per lane, as written, else empty
 * @param alternatives for {@code either}: the accepted results, else empty
 */
record SpecValue(String type, String value, String laneType, List<String> lanes, List<SpecValue> alternatives) {
    SpecValue {
        lanes = List.copyOf(lanes);
        alternatives = List.copyOf(alternatives);
    }

    static SpecValue of(String type, String value) {
        return new SpecValue(type, value, null, List.of(), List.of());
    }

    static SpecValue vector(String laneType, List<String> lanes) {
        return new SpecValue("v128", null, laneType, lanes, List.of());
    }

    static SpecValue either(List<SpecValue> alternatives) {
        return new SpecValue("either", null, null, List.of(), alternatives);
    }

    boolean hasValue() {
        return value != null;
    }

    boolean isVector() {
        return type.equals("v128");
    }

    boolean isEither() {
        return type.equals("either");
    }

    /** A reference pattern: {@code ref}, {@code funcref}, {@code nofuncref}, {@code 3ref}, {@code hostref} ... */
    boolean isReference() {
        return type.endsWith("ref");
    }

    boolean isNull() {
        return "null".equals(value);
    }

    @Override
    public String toString() {
        if (isVector()) {
            return "v128:" + laneType + "x" + lanes.size() + " " + String.join(" ", lanes);
        }
        if (isEither()) {
            return "either" + alternatives;
        }
        return value == null ? type : type + ":" + value;
    }
}
