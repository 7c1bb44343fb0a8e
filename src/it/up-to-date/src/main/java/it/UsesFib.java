package it;

public final class UsesFib {
    public static final long VALUE = gen.Fib.VALUE;

    private UsesFib() {
    }
}
