package org.wasmvm.core;

/** The bytes are not a well-formed WebAssembly binary (decoding failed). */
public class MalformedModuleException extends WasmException {
    private final long offset;
    private final String reason;

    /**
     * @param offset the byte offset in the module where decoding failed
     * @param reason what is wrong, in the words of the spec's reference interpreter where it has some
     */
    public MalformedModuleException(long offset, String reason) {
        super("malformed module at offset 0x" + Long.toHexString(offset) + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
