package org.wasmvm.core.gc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An array: its elements in the Java array of their {@link Storage} ({@code byte[]}, {@code short[]}, {@code int[]},
 * {@code long[]}, a {@code long[]} of low and high halves for {@code v128}, or {@code Object[]}). The storage is not
 * kept: every instruction names the array type, so lowered code knows it.
 */
public final class GcArray extends GcObject {
    /** The number of elements (a {@code v128} array's {@code long[]} is twice as long). */
    public final int length;
    /** The Java array of the elements. */
    public final Object elements;

    private GcArray(int typeId, int length, Object elements) {
        super(typeId);
        this.length = length;
        this.elements = elements;
    }

    /** An array of {@code length} zeros or nulls ({@code array.new_default}); the caller checked the length's limit. */
    public static GcArray allocate(int typeId, Storage storage, int length) {
        Object elements = switch (storage) {
            case I8 -> new byte[length];
            case I16 -> new short[length];
            case I32 -> new int[length];
            case I64 -> new long[length];
            case V128 -> new long[Math.multiplyExact(length, 2)];
            case REF -> new Object[length];
        };
        return new GcArray(typeId, length, elements);
    }

    /** Element {@code index} as a slot holds it: a packed one sign-extended, an {@code i32} sign-extended, a v128's low half. */
    public long bits(Storage storage, int index) {
        return switch (storage) {
            case I8 -> ((byte[]) elements)[index];
            case I16 -> ((short[]) elements)[index];
            case I32 -> ((int[]) elements)[index];
            case I64 -> ((long[]) elements)[index];
            case V128 -> ((long[]) elements)[2 * index];
            case REF -> throw new IllegalArgumentException("a reference array has no bits");
        };
    }

    /** The high half of {@code v128} element {@code index}. */
    public long high(int index) {
        return ((long[]) elements)[2 * index + 1];
    }

    /** Reference element {@code index}. */
    public Object ref(int index) {
        return ((Object[]) elements)[index];
    }

    /** Writes element {@code index}: {@code bits} for a number (truncated to its width), plus {@code high} for a v128, or {@code ref}. */
    public void set(Storage storage, int index, long bits, long high, Object ref) {
        switch (storage) {
            case I8 -> ((byte[]) elements)[index] = (byte) bits;
            case I16 -> ((short[]) elements)[index] = (short) bits;
            case I32 -> ((int[]) elements)[index] = (int) bits;
            case I64 -> ((long[]) elements)[index] = bits;
            case V128 -> {
                long[] halves = (long[]) elements;
                halves[2 * index] = bits;
                halves[2 * index + 1] = high;
            }
            case REF -> ((Object[]) elements)[index] = ref;
        }
    }

    /** Writes {@code from} to {@code to} (exclusive) with one value ({@code array.new}, {@code array.fill}). */
    public void fill(Storage storage, int from, int to, long bits, long high, Object ref) {
        switch (storage) {
            case I8 -> Arrays.fill((byte[]) elements, from, to, (byte) bits);
            case I16 -> Arrays.fill((short[]) elements, from, to, (short) bits);
            case I32 -> Arrays.fill((int[]) elements, from, to, (int) bits);
            case I64 -> Arrays.fill((long[]) elements, from, to, bits);
            case V128 -> {
                for (int i = from; i < to; i++) {
                    set(storage, i, bits, high, ref);
                }
            }
            case REF -> Arrays.fill((Object[]) elements, from, to, ref);
        }
    }

    /**
     * Copies {@code count} elements from {@code source} ({@code array.copy}: the same storage, overlapping ranges
     * of one array copied as if through a temporary).
     */
    public void copy(Storage storage, int to, GcArray source, int from, int count) {
        int width = storage == Storage.V128 ? 2 : 1;
        System.arraycopy(source.elements, from * width, elements, to * width, count * width);
    }

    /**
     * Reads {@code count} elements from {@code data}, little-endian, at byte {@code offset}, into elements
     * {@code to…} ({@code array.new_data}, {@code array.init_data}; the caller checked both ranges).
     */
    public void load(Storage storage, int to, byte[] data, int offset, int count) {
        ByteBuffer bytes = ByteBuffer.wrap(data, offset, count * storage.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (storage) {
            case I8 -> bytes.get((byte[]) elements, to, count);
            case I16 -> bytes.asShortBuffer().get((short[]) elements, to, count);
            case I32 -> bytes.asIntBuffer().get((int[]) elements, to, count);
            case I64 -> bytes.asLongBuffer().get((long[]) elements, to, count);
            case V128 -> bytes.asLongBuffer().get((long[]) elements, 2 * to, 2 * count); // low half first, as stored
            case REF -> throw new IllegalArgumentException("a reference array has no data");
        }
    }

    @Override
    public String toString() {
        return "(ref array)";
    }
}
