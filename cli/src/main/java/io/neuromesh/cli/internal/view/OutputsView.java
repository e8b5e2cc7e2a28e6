package io.neuromesh.cli.internal.view;

import com.google.gson.JsonObject;
import io.neuromesh.edge.FleetClient.OutputEvent;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One neuron output of {@code neuromesh watch}: as a line, or as one JSON object (a line of JSON lines). */
public final class OutputsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private OutputsView() {
    }

    /** @return e.g. {@code 14:02:11.104  z          = 1  (n3, retained)} */
    public static String line(OutputEvent e, ZoneId zone) {
        return String.format(Locale.ROOT, "%s  %-10s = %d  (%s%s)", TIME.format(e.timestamp().atZone(zone)), e.neuron(),
                e.value(), e.node(), e.retained() ? ", retained" : "");
    }

    /** @return {@code {"time":"…Z","neuron":"z","value":1,"node":"n3","retained":false}} */
    public static JsonObject json(OutputEvent e) {
        JsonObject object = new JsonObject();
        object.addProperty("time", e.timestamp().toString());
        object.addProperty("neuron", e.neuron());
        object.addProperty("value", e.value());
        object.addProperty("node", e.node());
        object.addProperty("retained", e.retained());
        return object;
    }
}
