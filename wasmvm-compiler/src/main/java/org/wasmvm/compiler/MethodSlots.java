package org.wasmvm.compiler;

/**
 * The JVM locals of one emitted method that its parts share, beside the wasm locals.
 *
 * @param instance the {@code ModuleInstance}
 * @param depth the calls left before the stack is exhausted ({@code depthLeft}, DESIGN §5)
 * @param context the store's {@code StoreContext}, loaded in the prologue
 * @param site the offset of the instruction running that may trap, for the handler ({@link TrapSites})
 * @param ticks the budget or slice left when it is counted in a local ({@link Metering})
 * @param frameArray the {@code long[]} that carries locals and values to and from region methods, or -1
 * @param refFrameArray the {@code Object[]} beside it for references (null in a function without any), or -1
 */
record MethodSlots(int instance, int depth, int context, int site, int ticks, int frameArray, int refFrameArray) {
}
