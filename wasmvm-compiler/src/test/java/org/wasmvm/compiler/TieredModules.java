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

    /** The new content of a section ({@code in} at its content, which ends at {@code end}), or null to keep it. */
    @FunctionalInterface
    private interface SectionRewrite {
        ModuleBytes content(int id, ByteReader in, int end);
    }

    /**
     * {@code module} with one more function, never called, of the first function type: an
     * {@code unreachable} (so the body is valid whatever the results) and enough {@code nop}s to
     * put the module's code above the small size. Nothing else moves: the function comes after
     * every defined function.
     */
    static byte[] tiering(byte[] module) {
        return rewrite(module, (id, in, end) -> {
            if (id != FUNCTION_SECTION && id != CODE_SECTION) {
                return null;
            }
            int count = in.u32();
            var content = new ModuleBytes().u(count + 1L).bytes(Arrays.copyOfRange(module, in.position(), end));
            if (id == FUNCTION_SECTION) {
                return content.u(0);
            }
            byte[] nops = new byte[FunctionTiers.SMALL_MODULE_CODE_BYTES];
            Arrays.fill(nops, (byte) NOP);
            var body = new ModuleBytes().u(0).op(UNREACHABLE).bytes(nops).op(END); // no locals
            return content.u(body.size()).bytes(body.toBytes());
        });
    }

    /**
     * {@code module} with {@code nops} {@code nop}s at the start of the body of its first function: the
     * same function, made as large as needed (its locals and code otherwise unchanged).
     */
    static byte[] paddedFirstFunction(byte[] module, int nops) {
        return rewrite(module, (id, in, end) -> {
            if (id != CODE_SECTION) {
                return null;
            }
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
            return new ModuleBytes().u(count).u(body.size()).bytes(body.toBytes())
                    .bytes(Arrays.copyOfRange(module, bodyEnd, end));
        });
    }

    private static byte[] rewrite(byte[] module, SectionRewrite rewrite) {
        var out = new ModuleBytes().bytes(Arrays.copyOf(module, 8)); // magic and version
        var in = new ByteReader(module);
        in.position(8);
        while (in.hasMore()) {
            int at = in.position();
            int id = in.u8();
            int size = in.u32();
            int end = in.position() + size;
            ModuleBytes content = rewrite.content(id, in, end);
            if (content == null) {
                out.bytes(Arrays.copyOfRange(module, at, end));
            } else {
                out.section(id, content);
            }
            in.position(end);
        }
        return out.toBytes();
    }
}
