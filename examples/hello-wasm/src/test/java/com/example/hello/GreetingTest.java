package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreetingTest {
    @Test
    void theWasmProgramGreetsMaven() {
        assertEquals("Hello, Maven! (from C, compiled to wasm64)", Greeting.MESSAGE);
    }

    @Test
    void theWasmProgramCountedThePrimes() {
        assertEquals(1229, Greeting.PRIMES_BELOW_10000);
    }
}
