package org.wasmvm.core;

/** The module decoded but does not validate (e.g. a type mismatch in a function body). */
public class InvalidModuleException extends WasmException {
    private final int functionIndex;
    private final long offset;
    private final String reason;

    /**
     * @param functionIndex the function whose body is invalid, or -1 for module-level errors
     * @param offset the byte offset of the offending instruction or entry in the module, or -1
     * @param reason what is wrong, in the words of the spec's reference interpreter where it has some
     */
    public InvalidModuleException(int functionIndex, long offset, String reason) {
        super("invalid module" + (functionIndex >= 0 ? " in function " + functionIndex : "")
                + (offset >= 0 ? " at offset 0x" + Long.toHexString(offset) : "") + ": " + reason);
        this.functionIndex = functionIndex;
        this.offset = offset;
        this.reason = reason;
    }

    public int functionIndex() {
        return functionIndex;
    }

    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
