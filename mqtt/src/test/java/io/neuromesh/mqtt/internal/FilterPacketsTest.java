package io.neuromesh.mqtt.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterPacketsTest {

    private static List<String> filters(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void aHundredThousandNeuronFiltersGoOutInPacketsOfAboutFourThousandInOrder() {
        List<String> all = filters(100_000, "neuron/n");
        List<List<String>> packets = FilterPackets.split(all, Function.identity());
        // 15 or 16 bytes per filter with its length prefix and options byte: the 64 KiB budget binds, not the count.
        assertEquals(25, packets.size());
        packets.subList(0, 24).forEach(p -> assertTrue(p.size() > 4_000 && p.size() < FilterPackets.MAX_FILTERS,
                p.size() + " filters"));
        List<String> joined = new ArrayList<>();
        packets.forEach(joined::addAll);
        assertEquals(all, joined);
    }

    @Test
    void longFiltersAreCutByBytesSoThatNoPacketOutgrowsTheBudget() {
        String level = "x".repeat(997);
        // About 1,000 bytes per filter with its length prefix and options byte: 65 fit the 64 KiB budget.
        List<String> all = filters(200, level);
        List<List<String>> packets = FilterPackets.split(all, Function.identity());
        for (List<String> packet : packets) {
            int bytes = packet.stream().mapToInt(f -> f.length() + 3).sum();
            assertTrue(bytes <= FilterPackets.MAX_BYTES, bytes + " bytes in one packet");
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
        assertEquals(List.of(), FilterPackets.split(List.<String>of(), Function.identity()));
    }
}
