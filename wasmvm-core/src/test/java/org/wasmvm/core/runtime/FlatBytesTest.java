package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a flat memory's array grows (RATIONALE "A flat memory grows with room to spare"). */
class FlatBytesTest {
    private static final int PAGE = 65536;

    @Test
    void anArrayWithRoomIsKept() {
        byte[] bytes = new byte[4 * PAGE];
        assertThat(FlatBytes.withRoom(bytes, 3 * PAGE, 100L * PAGE)).isSameAs(bytes);
        assertThat(FlatBytes.withRoom(bytes, 4 * PAGE, 100L * PAGE)).isSameAs(bytes);
    }

    @Test
    void growingGivesHalfTheNewSizeMoreAndKeepsTheContents() {
        byte[] bytes = new byte[2 * PAGE];
        bytes[2 * PAGE - 1] = 7;
        byte[] grown = FlatBytes.withRoom(bytes, 10 * PAGE, 100L * PAGE);
        assertThat(grown).hasSize(15 * PAGE);
        assertThat(grown[2 * PAGE - 1]).isEqualTo((byte) 7);
        assertThat(grown[2 * PAGE]).isZero();
    }

    @Test
    void aStepJustPastTheArrayDoesNotDoubleIt() {
        // nextpnr-ice40 grew from a 3 516-page array to 3 545 pages: doubling gave it 7 032
        byte[] grown = FlatBytes.withRoom(new byte[3516 * PAGE], 3545 * PAGE, 32767L * PAGE);
        assertThat(grown.length).isEqualTo(3545 * PAGE + 3545 * PAGE / 2);
    }

    @Test
    void theRoomStopsAtTheMaximumButTheSizeIsAlwaysGiven() {
        assertThat(FlatBytes.withRoom(new byte[PAGE], 8 * PAGE, 10L * PAGE)).hasSize(10 * PAGE);
        assertThat(FlatBytes.withRoom(new byte[PAGE], 8 * PAGE, 4L * PAGE)).hasSize(8 * PAGE);
    }

    @Test
    void growingAPageAtATimeCopiesRarely() {
        byte[] bytes = new byte[PAGE];
        int copies = 0;
        for (int pages = 2; pages <= 1024; pages++) {
            byte[] grown = FlatBytes.withRoom(bytes, pages * PAGE, 32767L * PAGE);
            if (grown != bytes) {
                copies++;
            }
            bytes = grown;
        }
        // half as much room again each time: arrays of 3, 6, 10, 16, ... pages, 14 copies on the way to 1 024
        assertThat(copies).isEqualTo(14);
    }
}
