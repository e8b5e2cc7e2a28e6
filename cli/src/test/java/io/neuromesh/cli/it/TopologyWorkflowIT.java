package io.neuromesh.cli.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's topology workflow against a real broker and two in-process runtimes: apply, diff, apply another
 * network with the same rev (published as the next rev), re-apply the running one (nothing published), list the
 * nodes; and the JSON of every listing command. The commands run in-process, as Main runs them. (History and rollback
 * from another machine: {@link TopologyTruthIT}, with processes.)
 */
@Timeout(120)
class TopologyWorkflowIT {

    private static final Duration ONLINE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private TestFleet<EdgeRuntime> fleet;

    @BeforeEach
    void startFleet() {
        fleet = TestFleet.builder((NodeStarter<EdgeRuntime>) (node, broker) -> {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(broker).build();
            runtime.start();
            return runtime;
        }).start();
        fleet.start("n1", "n2");
    }

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void applyDiffApplyReapplyAndTheListings() throws Exception {
        Path rev1 = write("rev1.json", 1, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1},"
                + "{\"id\":\"b\",\"node\":\"n2\",\"threshold\":1}");
        Path rev1b = write("rev1b.json", 1, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1},"
                + "{\"id\":\"b\",\"node\":\"n2\",\"threshold\":0.5},{\"id\":\"c\",\"node\":\"n2\",\"threshold\":1}");

        String diffFromNothing = run("topology", "diff", rev1.toString());
        assertTrue(diffFromNothing.startsWith("rev none -> 1"), diffFromNothing);
        assertTrue(diffFromNothing.contains("+ neuron a (node n1, level, threshold 1.0)"), diffFromNothing);

        String applied1 = run("topology", "apply", rev1.toString());
        assertTrue(applied1.contains("n1         applied rev 1, hosting a"), applied1);
        assertTrue(applied1.contains("n2         applied rev 1, hosting b"), applied1);
        assertTrue(applied1.contains(": every neuron on one node (n1: a; n2: b)\n"), applied1);

        assertEquals("rev 1 -> 2\nnote: the file has rev 1; the fleet is at rev 1, so it is published as rev 2\n"
                + "+ neuron c (node n2, level, threshold 1.0)\n~ neuron b: threshold 1.0 -> 0.5\n",
                run("topology", "diff", rev1b.toString()));
        String applied2 = run("topology", "apply", rev1b.toString());
        assertTrue(applied2.startsWith(rev1b + " has rev 1; the fleet is at rev 1, so it is published as rev 2\n"),
                applied2);
        assertTrue(applied2.contains("n2         applied rev 2, hosting b c"), applied2);
        assertTrue(applied2.contains(": every neuron on one node (n1: a; n2: b c)\n"), applied2);
        fleet.nodes().values().forEach(runtime -> assertEquals(2, runtime.rev(), runtime.config().node()));

        assertEquals("already running rev 2 on n1 n2\n", run("topology", "apply", rev1b.toString()));

        String nodes = run("nodes");
        assertTrue(nodes.lines().anyMatch(line -> line.matches("n1 +online +1 \\(a\\) +2 .* 0 +0")), nodes);
        assertTrue(nodes.lines().anyMatch(line -> line.matches("n2 +online +2 \\(b c\\) +2 .* 0 +0")), nodes);

        assertJsonListings(rev1);
    }

    /** Every listing command's --json parses, and says what the table says. */
    private void assertJsonListings(Path rev1) throws Exception {
        JsonArray nodes = JsonParser.parseString(run("nodes", "--json")).getAsJsonArray();
        assertEquals(List.of("n1", "n2"), nodes.asList().stream()
                .map(node -> node.getAsJsonObject().get("node").getAsString()).toList());

        JsonObject diff = JsonParser.parseString(run("topology", "diff", rev1.toString(), "--json"))
                .getAsJsonObject();
        assertEquals(2, diff.get("fromRev").getAsLong());
        assertEquals(3, diff.get("toRev").getAsLong());
        assertEquals(1, diff.get("fileRev").getAsLong());
        assertTrue(diff.getAsJsonArray("changes").asList().stream().map(JsonElement::getAsString)
                .anyMatch(change -> change.startsWith("- neuron c")), diff.toString());

        run("fire", "a");
        JsonObject inspect = JsonParser.parseString(run("inspect", "a", "--json")).getAsJsonObject();
        assertEquals("n1", inspect.get("node").getAsString(), inspect.toString());

        JsonObject logs = JsonParser.parseString(run("logs", "--json")).getAsJsonObject();
        JsonArray events = logs.getAsJsonArray("events");
        assertTrue(events.asList().stream().map(e -> e.getAsJsonObject().get("neuron").getAsString())
                .anyMatch("a"::equals), logs.toString());
        Instant.parse(events.get(0).getAsJsonObject().get("time").getAsString());
        List<String> ofB = run("logs", "b").lines().toList();
        assertTrue(ofB.size() > 1 && ofB.get(0).startsWith("time ") && ofB.subList(1, ofB.size()).stream()
                .allMatch(line -> line.matches("\\S+ +n2 +b +.*")), String.join("\n", ofB));
        assertEquals("neuromesh logs: no neuron 'bb' in the running topology (rev 2); did you mean b?\n",
                InProcessCli.failing(fleet.uri(), "logs", "bb"));

        // Outputs are retained (a's fired one, and c's from rev 2), so watch sees one at once: one JSON object per line.
        String watched = run("watch", "--json", "--count", "1", "--for", "10s");
        List<String> lines = watched.lines().toList();
        assertEquals(1, lines.size(), watched);
        JsonObject output = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertTrue(List.of("a", "b", "c").contains(output.get("neuron").getAsString()), watched);
        assertTrue(output.get("retained").getAsBoolean(), watched);
        Instant.parse(output.get("time").getAsString());

        // Named neurons: only their outputs; an id the running topology lacks is refused, with a suggestion.
        String onlyC = run("watch", "c", "--count", "1", "--for", "10s");
        assertTrue(onlyC.matches("\\S+ +c += [01] +\\(n2, retained\\)\\n"), onlyC);
        assertEquals("neuromesh watch: no neuron 'cc' in the running topology (rev 2); did you mean c?\n",
                InProcessCli.failing(fleet.uri(), "watch", "a", "cc", "--for", "1s"));

        assertEquals(new JsonArray(), JsonParser.parseString(run("workers", "--json", "--timeout", "300ms")));
    }

    private Path write(String name, long rev, String neurons) throws Exception {
        return Files.writeString(dir.resolve(name), "{\"rev\":" + rev + ",\"neurons\":[" + neurons + "]}");
    }

    /** Runs a command line against the test broker, in-process as Main runs it; asserts exit 0. */
    private String run(String... argv) {
        return InProcessCli.run(fleet.uri(), argv);
    }
}
