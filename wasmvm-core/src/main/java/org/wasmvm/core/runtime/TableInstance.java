package org.wasmvm.core.runtime;

import java.util.Arrays;
import java.util.List;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.TableType;

/**
 * A table of references as objects (null for the null reference). Indices are
 * unsigned 64-bit values in a {@code long}. The interpreter uses {@link #elementAt}, {@link
 * #setElement} and the bulk methods, which throw the internal {@link Trap}; the public methods (those of
 * {@code org.wasmvm.core.Table}) {@link #get} and {@link #set} throw a {@link WasmTrap}, as the public API promises.
 */
public final class TableInstance {
    /** The most elements a Java array can hold. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final TableType type;
    private final long maxElements;
    /** Replaced on grow: never hand it out. */
    private Object[] elements;

    /**
     * A table of {@code type}'s minimum size filled with {@code init}, growing to at most
     * {@code maxElementsLimit} elements (a host limit).
     *
     * @throws IllegalArgumentException when the minimum exceeds the effective maximum
     */
    public TableInstance(TableType type, Object init, long maxElementsLimit) {
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
        this.elements = new Object[(int) min];
        Arrays.fill(elements, init);
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

    public TableType type() {
        return type;
    }

    /** The size this table can grow to, at most. */
    public long maxElements() {
        return maxElements;
    }

    public long size() {
        return elements.length;
    }

    /** {@code table.get}: the reference at {@code index}. */
    public Object elementAt(long index) {
        check(index, 1);
        return elements[(int) index];
    }

    /** {@code table.set}. */
    public void setElement(long index, Object ref) {
        check(index, 1);
        elements[(int) index] = ref;
    }

    public Object get(long index) {
        checkPublic(index);
        return elements[(int) index];
    }

    public void set(long index, Object ref) {
        checkPublic(index);
        References.check(type.elementType(), ref, "table element");
        elements[(int) index] = ref;
    }

    private void checkPublic(long index) {
        if (!inBounds(index, 1, elements.length)) {
            throw new WasmTrap(TrapKind.TABLE_OUT_OF_BOUNDS, List.of());
        }
    }

    /** {@code delta} is unsigned; returns the old size or -1. */
    public long grow(long delta, Object init) {
        References.check(type.elementType(), init, "table element");
        return growBy(delta, init);
    }

    /** {@code table.grow} of validated code: {@code delta} is unsigned; returns the old size or -1. */
    public long growBy(long delta, Object init) {
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
    public void fill(long index, Object ref, long length) {
        check(index, length);
        Arrays.fill(elements, (int) index, (int) (index + length), ref);
    }

    /** {@code table.copy} from {@code src} (which may be this table, overlapping). */
    public void copy(long dst, TableInstance src, long srcIndex, long length) {
        check(dst, length);
        src.check(srcIndex, length);
        System.arraycopy(src.elements, (int) srcIndex, elements, (int) dst, (int) length);
    }

    /** {@code table.init}: copies {@code refs[srcOffset, srcOffset+length)} to {@code dst}. */
    public void init(long dst, Object[] refs, long srcOffset, long length) {
        if (!inBounds(srcOffset, length, refs.length)) {
            throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        check(dst, length);
        System.arraycopy(refs, (int) srcOffset, elements, (int) dst, (int) length);
    }

    @Override
    public String toString() {
        return type + " (" + elements.length + " elements)";
    }
}
