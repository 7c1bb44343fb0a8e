package org.wasmvm.compiler;

import java.util.Arrays;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.tier.FunctionTiers;

/**
 * Test modules for the tiered engine's tier-up: it compiles every function of a small module on its
 * first call ({@link FunctionTiers#SMALL_MODULE_CODE_BYTES}), so a test of what happens while a
 * function goes from the interpreter to compiled code needs a larger module.
 */
final class TieredModules {
    private static final int FUNCTION_SECTION = 3, CODE_SECTION = 10;
    private static final int UNREACHABLE = 0x00, NOP = 0x01, END = 0x0B;

    private TieredModules() {
    }

    /**
     * {@code module} with one more function, never called, of the first function type: an
     * {@code unreachable} (so the body is valid whatever the results) and enough {@code nop}s to
     * put the module's code above the small size. Nothing else moves: the function comes after
     * every defined function.
     */
    static byte[] tiering(byte[] module) {
        var out = new ModuleBytes().bytes(Arrays.copyOf(module, 8)); // magic and version
        var in = new ByteReader(module);
        in.position(8);
        while (in.hasMore()) {
            int at = in.position();
            int id = in.u8();
            int size = in.u32();
            int end = in.position() + size;
            if (id == FUNCTION_SECTION || id == CODE_SECTION) {
                int count = in.u32();
                var content = new ModuleBytes().u(count + 1L).bytes(Arrays.copyOfRange(module, in.position(), end));
                if (id == FUNCTION_SECTION) {
                    content.u(0);
                } else {
                    byte[] nops = new byte[FunctionTiers.SMALL_MODULE_CODE_BYTES];
                    Arrays.fill(nops, (byte) NOP);
                    var body = new ModuleBytes().u(0).op(UNREACHABLE).bytes(nops).op(END); // no locals
                    content.u(body.size()).bytes(body.toBytes());
                }
                out.section(id, content);
            } else {
                out.bytes(Arrays.copyOfRange(module, at, end));
            }
            in.position(end);
        }
        return out.toBytes();
    }

    /**
     * {@code module} with {@code nops} {@code nop}s at the start of the body of its first function: the
     * same function, made as large as needed (its locals and code otherwise unchanged).
     */
    static byte[] paddedFirstFunction(byte[] module, int nops) {
        var out = new ModuleBytes().bytes(Arrays.copyOf(module, 8));
        var in = new ByteReader(module);
        in.position(8);
        while (in.hasMore()) {
            int at = in.position();
            int id = in.u8();
            int size = in.u32();
            int end = in.position() + size;
            if (id == CODE_SECTION) {
                int count = in.u32();
                int bodyEnd = in.u32() + in.position();
                int localsStart = in.position();
                for (int groups = in.u32(); groups > 0; groups--) {
                    in.u32();
                    in.u8();
                }
                byte[] padding = new byte[nops];
                Arrays.fill(padding, (byte) NOP);
                var body = new ModuleBytes().bytes(Arrays.copyOfRange(module, localsStart, in.position())).bytes(padding)
                        .bytes(Arrays.copyOfRange(module, in.position(), bodyEnd));
                out.section(id, new ModuleBytes().u(count).u(body.size()).bytes(body.toBytes())
                        .bytes(Arrays.copyOfRange(module, bodyEnd, end)));
            } else {
                out.bytes(Arrays.copyOfRange(module, at, end));
            }
            in.position(end);
        }
        return out.toBytes();
    }
}
