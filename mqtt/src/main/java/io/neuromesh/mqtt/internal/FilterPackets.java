package io.neuromesh.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits many topic filters into SUBSCRIBE/UNSUBSCRIBE packets that every broker accepts: at most
 * {@link #MAX_FILTERS} filters and about {@link #MAX_BYTES} bytes of filters per packet. Neither Mosquitto 2.0 nor
 * HiveMQ CE limits the number of filters in one packet, only the packet's size (Mosquitto: unlimited by default;
 * HiveMQ CE: 256 MB by default, 32 MB in the embedded broker); other brokers set 1 MB (EMQX), and a Mosquitto may be
 * configured with a {@code max_packet_size}: 64 KiB stays below what anyone sets. Within that, as many filters as fit
 * (about 4,000 neuron filters): HiveMQ CE copies a client's whole set of subscriptions for each SUBSCRIBE (its
 * in-memory session store keeps an immutable set), so its cost grows with the packets times the filters the client
 * holds (README, "Large topologies"). Packets are sent pipelined ({@link SubscriptionRegistry}).
 */
final class FilterPackets {

    /** Filters per packet at most. */
    static final int MAX_FILTERS = 8_000;
    /** Bytes of filters (with their length prefix and options byte) per packet at most, unless one filter is longer. */
    static final int MAX_BYTES = 64 * 1024;
    /** Per filter in a SUBSCRIBE payload: a 2-byte length prefix and the subscription options byte. */
    private static final int FILTER_OVERHEAD = 3;

    private FilterPackets() {
    }

    /**
     * Consecutive packets of {@code items}, in order; each holds at least one item.
     *
     * @param filter the topic filter of an item
     */
    static <T> List<List<T>> split(List<T> items, Function<T, String> filter) {
        return split(items, filter, MAX_FILTERS, MAX_BYTES);
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
