package org.wasmvm.core.binary;

import org.wasmvm.core.MalformedModuleException;

/**
 * The catch clauses of {@code try_table}: a kind byte, a tag index for {@code catch} and
 * {@code catch_ref}, then a label. The {@code _ref} kinds also hand the caught exception to the
 * label as an {@code exnref}.
 */
public final class CatchClause {
    public static final int CATCH = 0x00, CATCH_REF = 0x01, CATCH_ALL = 0x02, CATCH_ALL_REF = 0x03;

    private CatchClause() {
    }

    /** Reads a clause's kind byte. */
    public static int kind(ByteReader in) {
        int start = in.position();
        int kind = in.u8();
        if (kind > CATCH_ALL_REF) {
            throw new MalformedModuleException(start, "malformed catch clause");
        }
        return kind;
    }

    /** Whether a clause of {@code kind} names a tag. */
    public static boolean hasTag(int kind) {
        return kind == CATCH || kind == CATCH_REF;
    }

    /** Whether a clause of {@code kind} passes the exception on as an {@code exnref}. */
    public static boolean passesExnref(int kind) {
        return kind == CATCH_REF || kind == CATCH_ALL_REF;
    }

    /** Steps over a vector of catch clauses, checking their kinds. */
    public static void skipAll(ByteReader in) {
        int count = in.length();
        for (int i = 0; i < count; i++) {
            if (hasTag(kind(in))) {
                in.u32();
            }
            in.u32();
        }
    }
}
