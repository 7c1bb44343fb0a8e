package org.wasmvm.core.binary;

import org.wasmvm.core.Features;
import org.wasmvm.core.model.ConstExpr;

/**
 * Finds the extent of a constant expression and keeps it as a slice of the module's bytes. Any
 * well-formed instruction is stepped over, so that a non-constant one reaches the validator, which
 * reports "constant expression required"; only unknown opcodes and bad immediates fail here.
 */
final class ConstExprReader {
    private final ByteReader in;
    private final InstructionScanner scanner;

    ConstExprReader(ByteReader in, Features features) {
        this.in = in;
        this.scanner = new InstructionScanner(in, features);
    }

    ConstExpr read() {
        int start = in.position();
        scanner.scanExpression();
        return new ConstExpr(in.bytes(), start, in.position() - start);
    }

    /** {@code ref.func index; end}, the one form for the function-index encodings of element segments. */
    static ConstExpr refFunc(int functionIndex) {
        byte[] code = new byte[7];
        int n = 0;
        code[n++] = (byte) Opcodes.REF_FUNC;
        int value = functionIndex;
        do {
            int b = value & 0x7F;
            value >>>= 7;
            code[n++] = (byte) (value != 0 ? b | 0x80 : b);
        } while (value != 0);
        code[n++] = (byte) Opcodes.END;
        return new ConstExpr(code, 0, n);
    }
}
