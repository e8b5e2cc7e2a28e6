package io.neuromesh.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Splits many topic filters into SUBSCRIBE/UNSUBSCRIBE packets that the broker accepts: at most {@link #MAX_FILTERS}
 * filters and a byte budget per packet ({@link #budget}). Neither Mosquitto 2.0 nor HiveMQ CE limits the number of
 * filters in one packet, only the packet's size, which an MQTT 5 broker announces in its CONNACK when it has a limit
 * (Mosquitto: none unless {@code max_packet_size} is set; HiveMQ CE: 256 MB by default, 32 MB in the embedded broker;
 * EMQX: 1 MB). Within that, as many filters as fit (8,000 neuron filters take about 125 KiB): HiveMQ CE copies a
 * client's whole set of subscriptions for each SUBSCRIBE (its in-memory session store keeps an immutable set), so its
 * cost grows with the packets times the filters the client holds (README, "Large topologies"). Packets are sent
 * pipelined ({@link SubscriptionRegistry}).
 */
final class FilterPackets {

    /** Filters per packet at most. */
    static final int MAX_FILTERS = 8_000;
    /**
     * Bytes of filters (with their length prefix and options byte) per packet at most when the broker allows more: a
     * packet is one write that the link's other traffic waits behind.
     */
    static final int MAX_BYTES = 256 * 1024;
    /**
     * Room left in the broker's maximum packet size for what is not filters: the fixed header (at most 5 bytes), the
     * packet id (2) and the properties (a length and no property: 1), with room to spare.
     */
    static final int HEADER_BYTES = 16;
    /** Per filter in a SUBSCRIBE payload: a 2-byte length prefix and the subscription options byte. */
    private static final int FILTER_OVERHEAD = 3;

    private FilterPackets() {
    }

    /**
     * Consecutive packets of {@code items}, in order; each holds at least one item.
     *
     * @param filter   the topic filter of an item
     * @param maxBytes the {@link #budget}
     */
    static <T> List<List<T>> split(List<T> items, Function<T, String> filter, int maxBytes) {
        return split(items, filter, MAX_FILTERS, maxBytes);
    }

    /**
     * The byte budget of filters per packet.
     *
     * @param brokerMaximum the Maximum Packet Size of the broker's CONNACK, in bytes; empty when it announced none
     * @return {@link #MAX_BYTES}, or less so that a packet stays within the broker's maximum
     */
    static int budget(OptionalLong brokerMaximum) {
        if (brokerMaximum.isEmpty()) {
            return MAX_BYTES;
        }
        return (int) Math.max(FILTER_OVERHEAD + 1, Math.min(MAX_BYTES, brokerMaximum.getAsLong() - HEADER_BYTES));
    }

    static <T> List<List<T>> split(List<T> items, Function<T, String> filter, int maxFilters, int maxBytes) {
        List<List<T>> packets = new ArrayList<>();
        int from = 0;
        int bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            int size = filter.apply(items.get(i)).getBytes(StandardCharsets.UTF_8).length + FILTER_OVERHEAD;
            if (i > from && (i - from == maxFilters || bytes + size > maxBytes)) {
                packets.add(items.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (from < items.size()) {
            packets.add(items.subList(from, items.size()));
        }
        return packets;
    }
}
