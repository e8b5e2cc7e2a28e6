package io.neuromesh.mqtt.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterPacketsTest {

    private static List<String> filters(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void aHundredThousandNeuronFiltersGoOutInPacketsOfAtMostTheFilterCountInOrder() {
        List<String> all = filters(100_000, "neuron/n");
        List<List<String>> packets = FilterPackets.split(all, Function.identity(),
                FilterPackets.budget(OptionalLong.empty()));
        // 15 or 16 bytes per filter with its length prefix and options byte: 8,000 of them fit 256 KiB.
        assertEquals(13, packets.size());
        packets.subList(0, 12).forEach(p -> assertEquals(FilterPackets.MAX_FILTERS, p.size()));
        List<String> joined = new ArrayList<>();
        packets.forEach(joined::addAll);
        assertEquals(all, joined);
    }

    @Test
    void aBrokersMaximumPacketSizeBoundsTheBudgetWithRoomForTheHeader() {
        assertEquals(FilterPackets.MAX_BYTES, FilterPackets.budget(OptionalLong.empty()));
        assertEquals(FilterPackets.MAX_BYTES, FilterPackets.budget(OptionalLong.of(268_435_455)));
        assertEquals(4096 - FilterPackets.HEADER_BYTES, FilterPackets.budget(OptionalLong.of(4096)));
        // Too small for any filter: one filter per packet, which the broker then refuses (the link says so).
        assertEquals(4, FilterPackets.budget(OptionalLong.of(10)));
        List<List<String>> packets = FilterPackets.split(filters(1_000, "neuron/n"), Function.identity(),
                FilterPackets.budget(OptionalLong.of(4096)));
        for (List<String> packet : packets) {
            int bytes = packet.stream().mapToInt(f -> f.length() + 3).sum();
            assertTrue(bytes + FilterPackets.HEADER_BYTES <= 4096, bytes + " bytes of filters in one packet");
        }
    }

    @Test
    void longFiltersAreCutByBytesSoThatNoPacketOutgrowsTheBudget() {
        String level = "x".repeat(997);
        // About 1,000 bytes per filter with its length prefix and options byte: 65 fit 64 KiB.
        List<String> all = filters(200, level);
        List<List<String>> packets = FilterPackets.split(all, Function.identity(), 64 * 1024);
        for (List<String> packet : packets) {
            int bytes = packet.stream().mapToInt(f -> f.length() + 3).sum();
            assertTrue(bytes <= 64 * 1024, bytes + " bytes in one packet");
        }
        assertEquals(List.of(65, 65, 65, 5), packets.stream().map(List::size).toList());
    }

    @Test
    void aFilterLongerThanTheBudgetStillGoesOutAloneInItsOwnPacket() {
        List<String> all = List.of("a", "b".repeat(100), "c");
        List<List<String>> packets = FilterPackets.split(all, Function.identity(), 10, 50);
        assertEquals(List.of(List.of("a"), List.of("b".repeat(100)), List.of("c")), packets);
    }

    @Test
    void bytesAreCountedInUtf8() {
        // "ü" is 2 bytes in UTF-8: 3 + 2 x 4 = 11 bytes per filter, so two fit 22 bytes, three do not.
        List<String> all = List.of("üüüü", "üüüü", "üüüü");
        assertEquals(List.of(2, 1), FilterPackets.split(all, Function.identity(), 10, 22).stream()
                .map(List::size).toList());
    }

    @Test
    void nothingToSendIsNoPacket() {
        assertEquals(List.of(), FilterPackets.split(List.<String>of(), Function.identity(), FilterPackets.MAX_BYTES));
    }
}
