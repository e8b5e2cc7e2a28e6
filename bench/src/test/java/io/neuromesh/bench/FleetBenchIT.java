package io.neuromesh.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet benchmark at its smallest: three runtimes in two worker JVMs. Values are checked for sense, never timed. */
class FleetBenchIT {

    private static final int NEURONS = 300;

    @Test
    @Timeout(300)
    void measuresAThreeNodeFleetAndPrintsTheTable() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FleetBench.FleetOptions options = new FleetBench.FleetOptions(List.of(3), NEURONS, BenchOptions.EMBEDDED, 2,
                "-Xmx256m", Duration.ofSeconds(3), 100);

        List<FleetRow> rows = FleetBench.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertEquals(1, rows.size());
        FleetRow row = rows.get(0);
        assertEquals(3, row.nodes());
        assertEquals(2, row.jvms());
        assertNotNull(row.hosted(), "every neuron ends up hosted exactly once");
        assertTrue(row.edited().isPositive(), "an edit of the running network is applied: " + row.edited());
        assertNotNull(row.oneDown(), "the fleet agrees again after one node died");
        assertNotNull(row.manyDown(), "and after the next died");
        assertEquals(1, row.manyKilled(), "of three nodes, one then one more can die while one stays");
        assertTrue(row.oneIdeal() > 0 && row.oneIdeal() < NEURONS, "the dead node hosted a share: " + row.oneIdeal());
        assertTrue(row.oneMoved() >= row.oneIdeal(), "at least its neurons moved: " + row.oneMoved());
        assertTrue(row.manyMoved() >= row.manyIdeal(), "at least their neurons moved: " + row.manyMoved());
        // Three nodes beat once a second each; other retained or periodic traffic is small.
        assertTrue(row.statusPerSecond() >= 1 && row.statusPerSecond() < 30, "statuses/s: " + row.statusPerSecond());
        assertTrue(row.idlePerSecond() >= row.statusPerSecond(), "idle includes statuses: " + row.idlePerSecond());
        // A status of a few neurons is a few hundred bytes: more than 100, less than 10,000 per status.
        assertTrue(row.statusBytesPerSecond() > 100 * row.statusPerSecond()
                && row.statusBytesPerSecond() < 10_000 * row.statusPerSecond(), "status bytes/s: "
                + row.statusBytesPerSecond());
        assertTrue(row.messagesPerInput() > 0.5, "an input is at least its own message: " + row.messagesPerInput());
        assertTrue(row.heapPerRuntime() > 0 && row.rssPerRuntime() > row.heapPerRuntime() / 2,
                "memory: heap " + row.heapPerRuntime() + ", rss " + row.rssPerRuntime());
        List<String> table = output.substring(output.indexOf("NODES")).lines().toList();
        assertTrue(table.get(1).startsWith("3 "), "a row for 3 nodes: " + table.get(1));
    }
}
