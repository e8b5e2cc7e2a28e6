package io.neuromesh.cli.internal.view;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.edge.FleetClient.FleetEvent;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The neuron events of {@code neuromesh logs}: as aligned lines, or as JSON. */
public final class EventsView {

    private static final String ROW = "%-15s  %-8s  %-10s  %s";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private EventsView() {
    }

    /**
     * @param events in time order
     * @param zone   the zone the times are shown in
     * @return a header and one line per event: time of day (microseconds), node, neuron, event text
     */
    public static List<String> lines(List<FleetEvent> events, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, ROW, "time", "node", "neuron", "event"));
        for (FleetEvent e : events) {
            lines.add(String.format(Locale.ROOT, ROW, TIME.format(e.at().atZone(zone)), e.node(), e.neuron(),
                    e.text()));
        }
        return lines;
    }

    /**
     * @return a JSON array, one object per event: {@code time} (ISO-8601 UTC, microseconds), {@code node},
     *         {@code neuron}, {@code kind}, {@code text}
     */
    public static JsonArray json(List<FleetEvent> events) {
        JsonArray array = new JsonArray();
        for (FleetEvent e : events) {
            JsonObject object = new JsonObject();
            object.addProperty("time", e.at().toString());
            object.addProperty("node", e.node());
            object.addProperty("neuron", e.neuron());
            object.addProperty("kind", e.kind());
            object.addProperty("text", e.text());
            array.add(object);
        }
        return array;
    }
}
