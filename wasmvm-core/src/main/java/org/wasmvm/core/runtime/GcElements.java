package org.wasmvm.core.runtime;

import static org.wasmvm.core.runtime.GcInstructions.array;
import static org.wasmvm.core.runtime.GcInstructions.index;

import org.wasmvm.core.gc.GcArray;

/**
 * {@code array.get} and {@code array.set} of compiled code, one method per storage: the null and bounds checks of
 * {@link GcInstructions} and one access to the Java array, each small enough for C2 to inline into the loop that
 * calls it. Floats come and go as their raw bits (the caller converts), as the arrays store them. Public because
 * compiled code calls it; not an API.
 */
public final class GcElements {
    private GcElements() {
    }

    public static int getS8(Object ref, int index) {
        GcArray array = array(ref);
        return ((byte[]) array.elements)[index(array, index)];
    }

    public static int getU8(Object ref, int index) {
        return getS8(ref, index) & 0xFF;
    }

    public static int getS16(Object ref, int index) {
        GcArray array = array(ref);
        return ((short[]) array.elements)[index(array, index)];
    }

    public static int getU16(Object ref, int index) {
        return getS16(ref, index) & 0xFFFF;
    }

    public static int getI32(Object ref, int index) {
        GcArray array = array(ref);
        return ((int[]) array.elements)[index(array, index)];
    }

    public static long getI64(Object ref, int index) {
        GcArray array = array(ref);
        return ((long[]) array.elements)[index(array, index)];
    }

    /** A v128 element's low half (the high half: {@link #getHigh}). */
    public static long getLow(Object ref, int index) {
        GcArray array = array(ref);
        return ((long[]) array.elements)[2 * index(array, index)];
    }

    public static long getHigh(Object ref, int index) {
        GcArray array = array(ref);
        return ((long[]) array.elements)[2 * index(array, index) + 1];
    }

    public static Object getRef(Object ref, int index) {
        GcArray array = array(ref);
        return ((Object[]) array.elements)[index(array, index)];
    }

    public static void set8(Object ref, int index, int value) {
        GcArray array = array(ref);
        ((byte[]) array.elements)[index(array, index)] = (byte) value;
    }

    public static void set16(Object ref, int index, int value) {
        GcArray array = array(ref);
        ((short[]) array.elements)[index(array, index)] = (short) value;
    }

    public static void setI32(Object ref, int index, int value) {
        GcArray array = array(ref);
        ((int[]) array.elements)[index(array, index)] = value;
    }

    public static void setI64(Object ref, int index, long value) {
        GcArray array = array(ref);
        ((long[]) array.elements)[index(array, index)] = value;
    }

    public static void setV128(Object ref, int index, long low, long high) {
        GcArray array = array(ref);
        int at = 2 * index(array, index);
        long[] halves = (long[]) array.elements;
        halves[at] = low;
        halves[at + 1] = high;
    }

    public static void setRef(Object ref, int index, Object value) {
        GcArray array = array(ref);
        ((Object[]) array.elements)[index(array, index)] = value;
    }
}
