package org.wasmvm.core.model;

import java.util.List;

/**
 * An element segment: references that initialize a table.
 *
 * @param mode active, passive or declarative
 * @param tableIndex the target table (active segments only)
 * @param offset the table offset (active segments only, otherwise {@code null})
 * @param type the reference type of the elements
 * @param init one constant expression per element
 */
public record ElementSegment(SegmentMode mode, int tableIndex, ConstExpr offset, ValType type, List<ConstExpr> init) {
    public ElementSegment {
        init = List.copyOf(init);
    }
}
