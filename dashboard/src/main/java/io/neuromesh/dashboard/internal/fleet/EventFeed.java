package io.neuromesh.dashboard.internal.fleet;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetClient.FleetEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fleet's merged log for the Events page: {@link FleetClient#logs} asked again and again for what is newer than
 * the newest event seen, so only new events go to the browsers. Used from one thread.
 */
final class EventFeed {

    /** How long the nodes have to answer a logs request. */
    static final Duration ANSWER = Duration.ofSeconds(1);

    private Instant newest = Instant.EPOCH;
    /** The events at {@link #newest}: a request "at or after" it returns them again. */
    private final Set<FleetEvent> atNewest = new HashSet<>();

    /** @return the events not seen before, oldest first */
    List<FleetEvent> poll(FleetClient fleet) {
        List<FleetEvent> fresh = new ArrayList<>();
        for (FleetEvent event : fleet.logs(newest, ANSWER).events()) {
            if (event.at().isBefore(newest) || (event.at().equals(newest) && atNewest.contains(event))) {
                continue;
            }
            if (event.at().isAfter(newest)) {
                newest = event.at();
                atNewest.clear();
            }
            atNewest.add(event);
            fresh.add(event);
        }
        return fresh;
    }

    /** @return the events as the page reads them */
    static JsonArray json(List<FleetEvent> events) {
        JsonArray array = new JsonArray();
        for (FleetEvent e : events) {
            JsonObject event = new JsonObject();
            event.addProperty("atMicros", e.at().getEpochSecond() * 1_000_000 + e.at().getNano() / 1_000);
            event.addProperty("at", e.at().toString());
            event.addProperty("node", e.node());
            event.addProperty("neuron", e.neuron());
            event.addProperty("kind", e.kind());
            event.addProperty("text", e.text());
            array.add(event);
        }
        return array;
    }
}
