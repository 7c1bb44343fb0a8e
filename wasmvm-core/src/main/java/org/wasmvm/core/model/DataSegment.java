package org.wasmvm.core.model;

/**
 * A data segment: bytes that initialize a memory.
 *
 * @param mode active or passive
 * @param memoryIndex the target memory (active segments only)
 * @param offset the memory offset (active segments only, otherwise {@code null})
 * @param bytes the contents
 */
public record DataSegment(SegmentMode mode, int memoryIndex, ConstExpr offset, byte[] bytes) {
}
