package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void theGeneratedConstantIsFib30() {
        assertEquals(30, gen.Fib.N);
        assertEquals(832040L, Numbers.fibonacci());
    }
}
