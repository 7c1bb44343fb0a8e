package com.example.hello;

/** Prints what the wasm program generated at build time. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        System.out.println(Greeting.MESSAGE);
        System.out.println("primes below 10000: " + Greeting.PRIMES_BELOW_10000);
    }
}
