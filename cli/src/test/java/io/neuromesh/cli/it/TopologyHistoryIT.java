package io.neuromesh.cli.it;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.command.NodesCommand;
import io.neuromesh.cli.internal.command.TopologyCommand;
import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's topology workflow against a real broker and two in-process runtimes: apply, diff, apply a second
 * revision, roll back to the first, list the history and the nodes. The commands run in-process, as Main runs them.
 */
@Timeout(120)
class TopologyHistoryIT {

    private static final Duration ONLINE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private TestFleet<EdgeRuntime> fleet;

    @BeforeEach
    void startFleet() {
        fleet = TestFleet.builder((NodeStarter<EdgeRuntime>) (node, broker) -> {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(broker).build();
            runtime.start();
            runtime.awaitOnline(ONLINE);
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
    void applyDiffApplyRollbackAndHistory() throws Exception {
        TopologyCommand topology = new TopologyCommand(new TopologyHistory(dir.resolve("home")));
        Path rev1 = write("rev1.json", 1, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1},"
                + "{\"id\":\"b\",\"node\":\"n2\",\"threshold\":1}");
        Path rev2 = write("rev2.json", 2, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1},"
                + "{\"id\":\"b\",\"node\":\"n2\",\"threshold\":0.5},{\"id\":\"c\",\"node\":\"n2\",\"threshold\":1}");

        String diffFromNothing = run(topology, "diff", rev1.toString());
        assertTrue(diffFromNothing.startsWith("rev none -> 1"), diffFromNothing);
        assertTrue(diffFromNothing.contains("+ neuron a (node n1, level, threshold 1.0)"), diffFromNothing);

        String applied1 = run(topology, "apply", rev1.toString());
        assertTrue(applied1.contains("n1         applied rev 1, hosting a"), applied1);
        assertTrue(applied1.contains("n2         applied rev 1, hosting b"), applied1);
        assertTrue(applied1.contains("recorded in the local history: "), applied1);

        assertEquals("rev 1 -> 2\n+ neuron c (node n2, level, threshold 1.0)\n~ neuron b: threshold 1.0 -> 0.5\n",
                run(topology, "diff", rev2.toString()));
        assertTrue(run(topology, "apply", rev2.toString()).contains("n2         applied rev 2, hosting b c"));

        String rollback = run(topology, "rollback");
        assertTrue(rollback.startsWith("rolling back to rev 1 (" + rev1.toAbsolutePath() + ", hash "), rollback);
        assertTrue(rollback.contains("published as rev 3: runtimes only accept a rev newer than the one they run"),
                rollback);
        assertTrue(rollback.contains("n1         applied rev 3, hosting a"), rollback);
        assertTrue(rollback.contains("n2         applied rev 3, hosting b"), rollback);
        fleet.nodes().values().forEach(runtime -> assertEquals(3, runtime.rev(), runtime.config().node()));
        assertEquals(Set.of("b"), fleet.node("n2").hostedNeurons());

        assertEquals("rev 3 -> 1\nnote: runtimes ignore rev 1: it is not newer than the running rev 3; raise \"rev\""
                + " before you apply it\nno changes\n", run(topology, "diff", rev1.toString()));

        String[] history = run(topology, "history").split("\n");
        assertEquals(4, history.length, String.join("\n", history));
        assertTrue(history[1].matches("3 +[0-9a-f]{16} .* rollback to rev 1 +n1 n2"), history[1]);
        assertTrue(history[2].matches("2 +[0-9a-f]{16} .* " + rev2.toAbsolutePath() + " +n1 n2"), history[2]);
        assertTrue(history[3].matches("1 +[0-9a-f]{16} .* " + rev1.toAbsolutePath() + " +n1 n2"), history[3]);

        String nodes = run(new NodesCommand());
        assertTrue(nodes.lines().anyMatch(line -> line.matches("n1 +online +1 \\(a\\) +3 .*")), nodes);
        assertTrue(nodes.lines().anyMatch(line -> line.matches("n2 +online +1 \\(b\\) +3 .*")), nodes);
        assertTrue(run(new NodesCommand(), "--json").contains("\"node\": \"n2\""));
    }

    private Path write(String name, long rev, String neurons) throws Exception {
        return Files.writeString(dir.resolve(name), "{\"rev\":" + rev + ",\"neurons\":[" + neurons + "]}");
    }

    private String run(Command command, String... argv) throws Exception {
        List<String> args = new ArrayList<>(List.of(argv));
        args.addAll(List.of("--broker", fleet.uri()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = command.run(Args.parse(command.name(), args, command.options()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
