package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.internal.placement.Placement;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The brain driven by events alone, without a broker: recording ports, a manual clock and scheduler. */
class BrainTest {

    /** a and b on n1, c on n2; a virtual sensor s feeds a, which feeds b and c. */
    private static final String REV1 = """
            {"rev":1,"name":"t","defaults":{"threshold":0.9,"mode":"level"},
             "sensors":[{"id":"s"}],
             "neurons":[{"id":"a","node":"n1"},{"id":"b","node":"n1"},{"id":"c","node":"n2"}],
             "synapses":[{"from":"s","to":"a","weight":1},{"from":"a","to":"b","weight":1},
                         {"from":"a","to":"c","weight":1}]}""";

    private final BrainHarness n1 = new BrainHarness("n1");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertInOrder(List<String> log, String... lines) {
        int at = -1;
        for (String line : lines) {
            int next = log.subList(at + 1, log.size()).indexOf(line);
            assertTrue(next >= 0, "expected '" + line + "' after position " + at + " in " + log);
            at += next + 1;
        }
    }

    private void runRev1WithAOn() {
        n1.topology(REV1);
        n1.online("n1");
        n1.input("a", "{\"from\":\"s\",\"value\":1}");
    }

    @Test
    void aTopologyIsReportedAppliedOnlyOnceTheNodeKnowsItsFleetAndHasPlacedItsNeurons() {
        n1.topology(REV1);
        assertEquals(List.of(), n1.results, "no result before the node has heard from the fleet");
        assertEquals(Set.of(), n1.hosted());

        n1.online("n1");

        assertEquals(List.of("reconcile rev 1", "subscribe [a, b]",
                "fetch [neuron/a/output, neuron/a/state, neuron/b/output]",
                "state a {}", "status [a, b]", "status [a, b]", "result applied 1",
                "read neuromesh/topology/history", "record rev 1", "output a=0", "output b=0"), n1.log,
                "this node's first topology: every neuron may have state in the fleet; with none retained a publishes "
                        + "its empty sensor state at once; alone online, the node records the rev in the fleet's "
                        + "history after making sure none is retained; each neuron's resting output follows the "
                        + "apply, once");
        ApplyResult result = n1.lastResult();
        assertEquals(List.of("a", "b"), result.neurons());
        assertEquals(1, result.running());
        assertEquals(Set.of("a", "b"), n1.hosted());
        // In a JVM of several runtimes (the fleet bench's workers) the placement may be another runtime's, computed
        // while this brain waits: progress for its watchdog, not a hang (BrainWatchdogTest).
        assertTrue(n1.awaitedElsewhere > 0, "the placement is awaited as work done elsewhere");
    }

    @Test
    void restingOutputsFollowTheApplyAndNeverOverwriteAnOutputTheNeuronPublishedFirst() {
        n1.duringFetch = () -> n1.inboxes.offer(BrainHarness.message(Topics.input("a"), "{\"from\":\"s\",\"value\":1}",
                null));
        n1.topology(REV1);
        n1.online("n1");

        assertInOrder(n1.log, "result applied 1", "output a=1");
        assertFalse(n1.log.contains("output a=0"), "a fired before its resting turn: no 0 after its 1: " + n1.log);
        assertEquals("output b=1", n1.log.stream().filter(l -> l.startsWith("output b=")).reduce((x, y) -> y)
                .orElseThrow(), "b's last word is its output now, whether it rested first or not: " + n1.log);
    }

    @Test
    void restingOutputsAfterAReadTooLargeToTellAbsenceAreNotRetained() {
        // More output topics than a read takes one by one: the read is a wildcard one that ends on quiet, so a topic it
        // did not return may still hold a retained output, which a retained 0 would replace.
        String neurons = IntStream.range(0, NeuronOutbox.EXACT_READ_LIMIT + 1)
                .mapToObj(i -> "{\"id\":\"n" + i + "\"}").collect(Collectors.joining(","));
        n1.topology("{\"rev\":1,\"defaults\":{\"threshold\":1},\"neurons\":[" + neurons + "]}");
        n1.online("n1");

        assertTrue(n1.log.contains("live output n0=0"), "the resting 0 still reaches live watchers");
        assertFalse(n1.log.contains("output n0=0"), "and is not retained");
    }

    @Test
    void anInputIsEvaluatedPublishedDownstreamAndDeliveredLocallyToNeuronsHostedHere() {
        n1.topology(REV1);
        n1.online("n1");
        int mark = n1.mark();

        n1.input("a", "{\"from\":\"s\",\"value\":1}");

        assertEquals(List.of("output a=1", "input b {\"from\":\"a\",\"value\":1}", "input c {\"from\":\"a\",\"value\":1}",
                "state a {s=1.0}", "output b=1"), n1.since(mark));
        assertEquals(2, n1.counters.inputs.sum(), "a's input and b's local delivery");
    }

    @Test
    void aNewRevisionKeepsTheStateOfKeptNeuronsReleasesRemovedOnesAndStartsNewOnesAtRest() {
        runRev1WithAOn();
        int mark = n1.mark();

        n1.topology("""
                {"rev":2,"name":"t","defaults":{"threshold":0.9,"mode":"level"},
                 "sensors":[{"id":"s"}],
                 "neurons":[{"id":"a","node":"n1"},{"id":"c","node":"n2"},{"id":"d","node":"n1"}],
                 "synapses":[{"from":"s","to":"a","weight":1},{"from":"a","to":"c","weight":1},
                             {"from":"a","to":"d","weight":1}]}""");

        assertEquals(List.of("reconcile rev 2", "unsubscribe [b]", "subscribe [d]", "status [a, d]",
                "status [a, d]", "result applied 2", "record rev 2", "output d=0"), n1.since(mark),
                "b released, d started without reading retained state (it is new) and its resting output published "
                        + "after the apply, a untouched");
        assertEquals(Set.of("a", "d"), n1.hosted());
        n1.input("a", "{\"from\":\"s\",\"value\":1}");
        assertFalse(n1.since(mark).contains("output a=1"), "a kept its output 1: the same input changes nothing");
        assertEquals(List.of("a", "d"), n1.lastResult().neurons());
    }

    @Test
    void aRejectedTopologyIsReportedWithWhereAndWhyAndTheRunningOneStays() {
        runRev1WithAOn();
        int mark = n1.mark();

        n1.topology("""
                {"rev":2,"name":"t","neurons":[{"id":"a","node":"n1"}],
                 "synapses":[{"from":"a","to":"zz","weight":1}]}""");

        ApplyResult rejected = n1.lastResult();
        assertEquals(TopologyOutcome.REJECTED, rejected.result());
        assertEquals(2, rejected.rev());
        assertEquals(1, rejected.running());
        assertTrue(rejected.errors().stream().anyMatch(e -> e.contains("zz")), rejected.errors().toString());
        assertEquals(List.of("result rejected 2", "status [a, b]"), n1.since(mark),
                "nothing released, nothing subscribed; the status tells the problem");
        assertEquals(Optional.of("the retained topology is not valid (" + rejected.errors().get(0) + "; "
                + (rejected.errors().size() - 1) + " more error(s)); this node keeps rev 1 (hash "
                + n1.lastStatus().hash().substring(0, 16) + ")"), n1.lastStatus().topologyProblem());
        assertEquals(Set.of("a", "b"), n1.hosted());

        n1.topology(REV1.replace("\"threshold\":0.9", "\"threshold\":0.8"));
        assertEquals(List.of("rev: 1 is not newer than the running rev 1; publish it with a higher rev"),
                n1.lastResult().errors());
        int results = n1.results.size();
        n1.topology(REV1);
        assertEquals(results, n1.results.size(), "the same rev and content again (a retained redelivery) is ignored");
        assertEquals(Optional.empty(), n1.lastStatus().topologyProblem(), "it runs what is retained again");
        assertEquals(1, n1.brain.rev());
        assertEquals(1, n1.counters.topologyApplied.sum());
        assertEquals(2, n1.counters.topologyRejected.sum());
    }

    @Test
    void aNeuronStartingHereAdoptsTheRetainedStateThenPublishesThenProcessesInputsThatWaited() {
        String topology = """
                {"rev":1,"name":"t","defaults":{"threshold":0.9,"mode":"level"},
                 "sensors":[{"id":"s"}],
                 "neurons":[{"id":"a","node":"n2"},{"id":"b","node":"n1"},{"id":"e","node":"n1"}],
                 "synapses":[{"from":"a","to":"b","weight":1},{"from":"s","to":"e","weight":1}]}""";
        n1.retained.put(Topics.output("a"), bytes("{\"value\":1,\"ts\":5,\"node\":\"n2\"}"));
        n1.retained.put(Topics.state("e"), bytes("{\"sensors\":{\"s\":1},\"ts\":5}"));
        n1.retained.put(Topics.output("e"), bytes("{\"value\":1,\"ts\":5,\"node\":\"n2\"}"));
        // An input published while the state is read waits in b's paused inbox and is applied after the restore.
        n1.duringFetch = () -> n1.inboxes.offer(BrainHarness.message(Topics.input("b"), "{\"from\":\"a\",\"value\":0}",
                null));

        n1.topology(topology);
        n1.online("n1");

        assertInOrder(n1.log, "subscribe [b, e]",
                "fetch [neuron/a/output, neuron/b/output, neuron/e/output, neuron/e/state]", "output b=1",
                "output b=0");
        assertFalse(n1.log.contains("output e=1"), "e restored to the retained 1: nothing to republish");
        assertFalse(n1.log.stream().anyMatch(l -> l.startsWith("state e")), "e's retained state exists already");
        assertEquals(Set.of("b", "e"), n1.hosted());
    }

    @Test
    void aSensorChangeGoesToEveryNeuronItFeedsHereAndElsewhere() {
        n1.topology("""
                {"rev":1,"name":"t","defaults":{"threshold":0.9,"mode":"level"},
                 "sensors":[{"id":"btn","node":"n1","pin":17,"pull":"down"}],
                 "neurons":[{"id":"a","node":"n1"},{"id":"c","node":"n2"}],
                 "synapses":[{"from":"btn","to":"a","weight":1},{"from":"btn","to":"c","weight":1}],
                 "actuators":[{"id":"led","node":"n1","pin":22,"neuron":"c","kind":"digital"}]}""");
        n1.online("n1");
        assertTrue(n1.log.contains("follow [c]"), "the LED follows c's output: " + n1.log);
        int mark = n1.mark();

        n1.post(new BrainEvent.SensorChanged("btn", null, true, 0));

        assertEquals(List.of("input a {\"from\":\"btn\",\"value\":1}", "output a=1", "state a {btn=1.0}",
                "input c {\"from\":\"btn\",\"value\":1}"), n1.since(mark));
        mark = n1.mark();
        n1.post(new BrainEvent.FollowedOutput("c", bytes("{\"value\":1,\"ts\":5,\"node\":\"n2\"}")));
        assertEquals(List.of("actuate c=1"), n1.since(mark));
    }

    @Test
    void aNeuronMovingToAnotherNodeStaysUntilThatNodeReportsItThenIsReleasedBeforeTheStatusSaysSo() {
        String topology = """
                {"rev":1,"name":"t","defaults":{"threshold":0.9,"mode":"level"},
                 "neurons":[%s]}""".formatted(String.join(",", IntStream.range(0, 8)
                .mapToObj(i -> "{\"id\":\"m" + i + "\"}").toList()));
        List<String> moving = Placement.assign(Topology.parse(bytes(topology)), Set.of("n1", "n2")).neuronsOn("n2");
        assertTrue(moving.size() >= 2, "placement moves some of 8 neurons to a second node: " + moving);
        n1.topology(topology);
        n1.online("n1");
        assertEquals(8, n1.hosted().size());
        int mark = n1.mark();

        n1.online("n1", "n2");
        assertEquals(List.of(), n1.since(mark).stream().filter(l -> l.startsWith("unsubscribe")).toList(),
                "nothing is released before the new host has it");
        assertEquals(8, n1.hosted().size());

        n1.elsewhere.add(moving.get(0));
        n1.post(new BrainEvent.PeersReported());
        assertInOrder(n1.since(mark), "unsubscribe [" + moving.get(0) + "]", "status " + n1.statuses
                .get(n1.statuses.size() - 1).neurons());
        assertFalse(n1.hosted().contains(moving.get(0)));
        assertEquals(7, n1.hosted().size());

        n1.advance(BrainHarness.HANDOVER);
        n1.post(new BrainEvent.PeersReported());
        assertEquals(8 - moving.size(), n1.hosted().size(), "the others are released once the handover time passed");
    }

    @Test
    void aRequestBeforeTheNodeDecidedWhatItRunsIsAnsweredOnceItHas() {
        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.GPIO_SET, BrainHarness.message(
                Topics.gpioSetRequest("n1"), "{\"pin\":17,\"level\":\"high\"}", "r/gpio")));
        n1.topology(REV1);
        assertEquals(List.of(), n1.replies, "no answer while the node has not decided what it runs");
        n1.online("n1");
        assertEquals(1, n1.replies.size(), "answered once it has");
        assertEquals("{\"v\":1,\"ok\":true}", new String(n1.replies.get(0), StandardCharsets.UTF_8));
        assertTrue(n1.log.contains("simulate 17=true"));
    }

    @Test
    void logsInspectAndClearAnswerOnTheResponseTopic() {
        runRev1WithAOn();

        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.LOGS, BrainHarness.message(Topics.REQUEST_LOGS,
                "{}", "r/logs")));
        String logs = new String(n1.replies.get(0), StandardCharsets.UTF_8);
        assertTrue(logs.startsWith("{\"v\":1,\"node\":\"n1\",\"events\":[{"), logs);
        assertTrue(logs.contains("\"neuron\":\"a\"") && logs.contains("\"neuron\":\"b\""), logs);

        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.INSPECT, BrainHarness.message(Topics.REQUEST_INSPECT,
                "{\"neuron\":\"a\"}", "r/inspect")));
        String inspect = new String(n1.replies.get(1), StandardCharsets.UTF_8);
        assertTrue(inspect.startsWith("{\"v\":1,\"node\":\"n1\",\"neuron\":{\"id\":\"a\",\"mode\":\"level\""), inspect);
        assertTrue(inspect.contains("\"output\":1") && inspect.contains("\"downstream\":[\"b\",\"c\"]"), inspect);

        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.INSPECT, BrainHarness.message(Topics.REQUEST_INSPECT,
                "{\"neuron\":\"c\"}", "r/inspect")));
        assertEquals(2, n1.replies.size(), "c is not hosted here: its host answers, this node stays silent");

        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.CLEAR_LOGS, BrainHarness.message(
                Topics.REQUEST_CLEAR_LOGS, "{}", "r/clear")));
        assertEquals("{\"v\":1,\"node\":\"n1\",\"cleared\":true}", new String(n1.replies.get(2), StandardCharsets.UTF_8));
        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.LOGS, BrainHarness.message(Topics.REQUEST_LOGS,
                "{}", "r/logs")));
        assertEquals("{\"v\":1,\"node\":\"n1\",\"events\":[]}", new String(n1.replies.get(3), StandardCharsets.UTF_8));

        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.GPIO_SET, BrainHarness.message(
                Topics.gpioSetRequest("n1"), "{\"pin\":17,\"level\":\"high\"}", "r/gpio")));
        assertTrue(n1.log.contains("simulate 17=true"));
        assertEquals("{\"v\":1,\"ok\":true}", new String(n1.replies.get(4), StandardCharsets.UTF_8));
        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.GPIO_SET, BrainHarness.message(
                Topics.gpioSetRequest("n1"), "{\"pin\":\"x\"}", "r/gpio")));
        assertEquals("{\"v\":1,\"ok\":false,\"error\":\"gpio-set request: pin: must be a whole number >= 0, got \\\"x\\\"\"}",
                new String(n1.replies.get(5), StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedInputIsCountedAndDroppedAndTheNeuronKeepsRunning() {
        runRev1WithAOn();
        int mark = n1.mark();
        n1.input("a", "{\"from\":\"s\",\"value\":\"high\"}");
        assertEquals(List.of(), n1.since(mark));
        assertEquals(1, n1.counters.malformed.get());
        n1.input("a", "{\"from\":\"s\",\"value\":0}");
        assertTrue(n1.since(mark).contains("output a=0"));
    }

    @Test
    void aLostBrokerReachesThePinsAndItsReturnReachesThemBeforeAnythingElse() {
        runRev1WithAOn();
        int mark = n1.mark();

        n1.post(new BrainEvent.Disconnected());
        assertEquals(List.of("broker lost"), n1.since(mark), "the pins start their fail-safe timers; nothing else");

        n1.post(new BrainEvent.Connected(new CompletableFuture<>()));
        assertEquals("broker back", n1.since(mark).get(1),
                "actuators follow their neurons again before the node re-reads its topology: " + n1.since(mark));
    }
}
