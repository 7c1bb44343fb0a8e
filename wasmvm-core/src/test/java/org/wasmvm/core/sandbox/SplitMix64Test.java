package org.wasmvm.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The seeded generator against the reference: the values of Vigna's public-domain splitmix64.c
 * (compiled and run for seeds 0 and 1234567), so a change of algorithm, which would change every
 * reproducible build's bytes, fails here first.
 */
class SplitMix64Test {
    @Test
    void valuesAreTheReferenceImplementations() {
        SplitMix64 zero = new SplitMix64(0);
        assertThat(zero.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(zero.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
        assertThat(zero.nextLong()).isEqualTo(0x06c45d188009454fL);
        SplitMix64 other = new SplitMix64(1234567);
        assertThat(other.nextLong()).isEqualTo(0x599ed017fb08fc85L);
        assertThat(other.nextLong()).isEqualTo(0x2c73f08458540fa5L);
    }

    @Test
    void bytesAreEachValueLeastSignificantFirst() {
        byte[] bytes = new byte[16];
        GuestRandom.seeded(0).fill(bytes);
        assertThat(bytes).containsExactly(0xaf, 0xcd, 0x1d, 0x7b, 0x39, 0xa8, 0x20, 0xe2,
                0xf4, 0x65, 0xb9, 0xa1, 0x6a, 0x9e, 0x78, 0x6e);
    }

    @Test
    void aPartlyUsedValueIsDroppedAndTheNextFillStartsANewOne() {
        GuestRandom random = GuestRandom.seeded(0);
        byte[] three = new byte[3];
        random.fill(three);
        assertThat(three).containsExactly(0xaf, 0xcd, 0x1d);
        byte[] two = new byte[2];
        random.fill(two);
        assertThat(two).containsExactly(0xf4, 0x65);
        random.fill(new byte[0]);
        random.fill(two);
        assertThat(two).containsExactly(0x4f, 0x45);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        byte[] first = new byte[64];
        byte[] again = new byte[64];
        byte[] other = new byte[64];
        GuestRandom.seeded(42).fill(first);
        GuestRandom.seeded(42).fill(again);
        GuestRandom.seeded(43).fill(other);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theSecureGeneratorIsNotSeeded() {
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        GuestRandom.secure().fill(first);
        GuestRandom.secure().fill(second);
        assertThat(second).isNotEqualTo(first);
    }
}
