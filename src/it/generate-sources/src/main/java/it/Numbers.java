package it;

import gen.Fib;

/** Uses the class gen.wasm generated. */
public final class Numbers {
    private Numbers() {
    }

    public static long fibonacci() {
        return Fib.VALUE;
    }
}
