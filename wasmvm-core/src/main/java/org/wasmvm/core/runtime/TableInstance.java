package org.wasmvm.core.runtime;

import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.Table;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.TableType;

/**
 * A table of reference handles ({@link org.wasmvm.core.Value#NULL_REF} for null). Indices are
 * unsigned 64-bit values in a {@code long}. The interpreter uses {@link #elementAt}, {@link
 * #setElement} and the bulk methods, which throw the internal {@link Trap}; the public {@link
 * Table} methods {@link #get} and {@link #set} throw a {@link WasmTrap} as that interface promises.
 */
public final class TableInstance implements Table {
    /** The most elements a Java array can hold. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final TableType type;
    private final long maxElements;
    /** Replaced on grow: never hand it out. */
    private long[] elements;

    /**
     * A table of {@code type}'s minimum size filled with {@code initHandle}, growing to at most
     * {@code maxElementsLimit} elements (a host limit).
     *
     * @throws IllegalArgumentException when the minimum exceeds the effective maximum
     */
    public TableInstance(TableType type, long initHandle, long maxElementsLimit) {
        long max = unsignedMin(MAX_ELEMENTS, maxElementsLimit);
        if (!type.limits().is64()) {
            max = Math.min(max, 0xFFFF_FFFFL);
        }
        if (type.limits().hasMax()) {
            max = unsignedMin(max, type.limits().max());
        }
        long min = type.limits().min();
        if (Long.compareUnsigned(min, max) > 0) {
            throw new IllegalArgumentException("table minimum of " + Long.toUnsignedString(min)
                    + " elements exceeds the limit of " + max + " elements");
        }
        this.type = type;
        this.maxElements = max;
        this.elements = new long[(int) min];
        Arrays.fill(elements, initHandle);
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** Whether {@code [index, index+length)} lies inside {@code [0, size)}; all unsigned. */
    private static boolean inBounds(long index, long length, long size) {
        return index >= 0 && length >= 0 && index <= size - length;
    }

    private void check(long index, long length) {
        if (!inBounds(index, length, elements.length)) {
            throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
    }

    @Override
    public TableType type() {
        return type;
    }

    /** The size this table can grow to, at most. */
    public long maxElements() {
        return maxElements;
    }

    @Override
    public long size() {
        return elements.length;
    }

    /** {@code table.get}: the handle at {@code index}. */
    public long elementAt(long index) {
        check(index, 1);
        return elements[(int) index];
    }

    /** {@code table.set}. */
    public void setElement(long index, long handle) {
        check(index, 1);
        elements[(int) index] = handle;
    }

    @Override
    public long get(long index) {
        checkPublic(index);
        return elements[(int) index];
    }

    @Override
    public void set(long index, long handle) {
        checkPublic(index);
        elements[(int) index] = handle;
    }

    private void checkPublic(long index) {
        if (!inBounds(index, 1, elements.length)) {
            throw new WasmTrap(TrapKind.TABLE_OUT_OF_BOUNDS, List.of());
        }
    }

    /** {@code table.grow}: {@code delta} is unsigned; returns the old size or -1. */
    @Override
    public long grow(long delta, long init) {
        int old = elements.length;
        if (Long.compareUnsigned(delta, maxElements - old) > 0) {
            return -1;
        }
        try {
            elements = Arrays.copyOf(elements, (int) (old + delta));
        } catch (OutOfMemoryError e) {
            return -1;
        }
        Arrays.fill(elements, old, elements.length, init);
        return old;
    }

    /** {@code table.fill}. */
    public void fill(long index, long handle, long length) {
        check(index, length);
        Arrays.fill(elements, (int) index, (int) (index + length), handle);
    }

    /** {@code table.copy} from {@code src} (which may be this table, overlapping). */
    public void copy(long dst, TableInstance src, long srcIndex, long length) {
        check(dst, length);
        src.check(srcIndex, length);
        System.arraycopy(src.elements, (int) srcIndex, elements, (int) dst, (int) length);
    }

    /** {@code table.init}: copies {@code handles[srcOffset, srcOffset+length)} to {@code dst}. */
    public void init(long dst, long[] handles, long srcOffset, long length) {
        if (!inBounds(srcOffset, length, handles.length)) {
            throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        check(dst, length);
        System.arraycopy(handles, (int) srcOffset, elements, (int) dst, (int) length);
    }

    @Override
    public String toString() {
        return type + " (" + elements.length + " elements)";
    }
}
