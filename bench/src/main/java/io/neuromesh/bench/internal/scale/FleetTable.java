package io.neuromesh.bench.internal.scale;

import io.neuromesh.bench.FleetRow;
import io.neuromesh.bench.internal.report.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The fleet benchmark's table: one line per fleet size, fixed-width columns, a legend under it. */
public final class FleetTable {

    private static final String FORMAT =
            "%-6s %-8s %-10s %-5s %-9s %-9s %-9s %-9s %-13s %-9s %-13s %-10s %-13s %-12s %-10s %-9s %-9s%n";

    private FleetTable() {
    }

    /** The table of {@code rows}. */
    public static String format(List<FleetRow> rows) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, FORMAT, "NODES", "NEURONS", "BROKER", "JVMS", "APPLIED", "HOSTED",
                "EDITED", "1 DOWN", "MOVED/IDEAL", "K DOWN", "MOVED/IDEAL", "IDLE MSG/S", "STATUS DLV/S", "STATUS KB/S",
                "MSG/INPUT", "HEAP/RT", "RSS/RT"));
        for (FleetRow row : rows) {
            table.append(String.format(Locale.ROOT, FORMAT, row.nodes(), row.neurons(), row.broker(), row.jvms(),
                    time(row.applied()), time(row.hosted()), time(row.edited()), time(row.oneDown()),
                    row.oneMoved() + "/" + row.oneIdeal(), row.manyKilled() + ": " + time(row.manyDown()),
                    row.manyMoved() + "/" + row.manyIdeal(), Durations.number(row.idlePerSecond()),
                    Durations.number(row.statusDeliveriesPerSecond()),
                    Durations.number(row.statusBytesDeliveredPerSecond() / 1000),
                    Durations.number(row.messagesPerInput()),
                    megabytes(row.heapPerRuntime()), megabytes(row.rssPerRuntime())));
        }
        table.append("""
                APPLIED: apply -> every node reported the topology applied. HOSTED: apply -> every neuron hosted by \
                exactly one node.
                EDITED: a new rev changing every neuron's threshold (nothing moves) -> every node reported it applied.
                1 DOWN / K DOWN: one node crashed (Last Will), then K at once -> the others host every neuron exactly \
                once again.
                MOVED/IDEAL: neurons that changed node / neurons the dead nodes hosted (the fewest that must move).
                IDLE MSG/S: messages published per second with no input (a # subscriber, 10 s). STATUS DLV/S: status \
                messages the broker delivers per second (each goes to every node); STATUS KB/S: their payload \
                kilobytes delivered per second.
                MSG/INPUT: messages published per sensor input, cascades included. HEAP/RT, RSS/RT: the worker JVMs' \
                heap after GC and RSS, per runtime.
                """);
        return table.toString();
    }

    private static String time(Duration duration) {
        return duration == null ? "never" : Durations.format(duration);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
