package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.RetainedQuery;
import io.neuromesh.edge.internal.signal.HostedNeuron;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Resting outputs after the apply: in slices, only for neurons still hosted and still at rest. */
class RestingOutputsTest {

    private static final NeuronSpec SPEC = Topology.parse("""
            {"rev":1,"sensors":[{"id":"s"}],"neurons":[{"id":"n","threshold":0.5}],
             "synapses":[{"from":"s","to":"n","weight":1}]}""").neurons().get(0);

    private final List<String> published = new ArrayList<>();
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private final HostedNeurons hosted = new HostedNeurons();
    private final NeuronInboxes inboxes = new NeuronInboxes(10, inbox -> { }, new Counters());
    private final List<Long> delays = new ArrayList<>();
    /** How many more publishes the connection takes before its window is full. */
    private int room = Integer.MAX_VALUE;
    private final RestingOutputs resting = new RestingOutputs(new Recording(), hosted, (task, delay) -> {
        tasks.add(task);
        delays.add(delay);
    }, () -> 1_700_000_000_000_000L);

    private HostedNeuron host(String id) {
        Map<String, Double> weights = Map.of("s", 1.0);
        Neuron neuron = new Neuron(id, SPEC.mode(), SPEC.threshold(), SPEC.inputWindow(), SPEC.refractory(), weights,
                8);
        HostedNeuron h = new HostedNeuron(neuron, SPEC, List.of(), inboxes.open(id));
        hosted.add(h);
        return h;
    }

    @Test
    void manyNeuronsArePublishedOneSlicePerBrainTask() {
        for (int i = 0; i < RestingOutputs.SLICE * 2 + 500; i++) {
            resting.add(host("n" + i), RestingOutputs.Mode.RETAIN);
        }
        assertEquals(List.of(), published, "nothing inside the apply");
        assertEquals(1, tasks.size());

        tasks.poll().run();
        assertEquals(RestingOutputs.SLICE, published.size());
        assertEquals(1, tasks.size(), "the next slice is its own task: other events run in between");
        tasks.poll().run();
        tasks.poll().run();
        assertEquals(RestingOutputs.SLICE * 2 + 500, published.size());
        assertEquals(0, tasks.size());
        assertEquals("resting n0 at 1700000000000", published.get(0));
        assertEquals(List.of(0L, 0L, 0L), delays, "the connection took every one at once: no wait");
    }

    @Test
    void whenTheConnectionTakesNoMoreTheRestWaitsAndGoesOnInOrder() {
        for (int i = 0; i < 5; i++) {
            resting.add(host("n" + i), RestingOutputs.Mode.RETAIN);
        }
        room = 2;
        tasks.poll().run();
        assertEquals(List.of("resting n0 at 1700000000000", "resting n1 at 1700000000000"), published);
        assertEquals(List.of(0L, 2_000L), delays, "the rest waits about a round trip of the broker's acknowledgements");

        room = 1;
        tasks.poll().run();
        assertEquals(3, published.size());
        assertEquals(2_000L, delays.getLast(), "one was taken: the next refusal waits the shortest again");
        // A connection that is down refuses for seconds: the waits grow, to a quarter of a second.
        for (int refused = 0; refused < 10; refused++) {
            tasks.poll().run();
        }
        assertEquals(List.of(4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 128_000L, 250_000L, 250_000L, 250_000L,
                250_000L), delays.subList(3, delays.size()));
        assertEquals(3, published.size());
        room = Integer.MAX_VALUE;
        tasks.poll().run();
        assertEquals(List.of("n0", "n1", "n2", "n3", "n4"),
                published.stream().map(line -> line.split(" ")[1]).toList(), "none lost, none twice, in order");
        assertEquals(0, tasks.size());
    }

    @Test
    void afterANewTopologyTheyWaitUntilTheFleetRunsItOrTheHoldLimitPasses() {
        resting.hold();
        assertEquals(List.of(RestingOutputs.HOLD_LIMIT.toNanos() / 1000), delays, "the limit of the hold is set");
        Runnable firstLimit = tasks.poll();
        resting.add(host("n0"), RestingOutputs.Mode.RETAIN);
        resting.add(host("n1"), RestingOutputs.Mode.RETAIN);
        assertEquals(0, tasks.size(), "nothing goes out while held");

        resting.release();
        tasks.poll().run();
        assertEquals(2, published.size(), "the fleet runs it: out they go");

        resting.hold();
        Runnable secondLimit = tasks.poll();
        resting.add(host("n2"), RestingOutputs.Mode.RETAIN);
        firstLimit.run();
        assertEquals(0, tasks.size(), "the limit of a hold already released ends no later hold");
        secondLimit.run();
        tasks.poll().run();
        assertEquals(3, published.size(), "a fleet that never runs it holds them up to the limit only");
    }

    @Test
    void aHoldStopsSlicesUnderWayAndAReleaseGoesOnWithOneChainOfThem() {
        for (int i = 0; i < RestingOutputs.SLICE * 2; i++) {
            resting.add(host("n" + i), RestingOutputs.Mode.RETAIN);
        }
        tasks.poll().run();
        assertEquals(RestingOutputs.SLICE, published.size());
        resting.hold();
        tasks.removeLast();
        tasks.poll().run();
        assertEquals(RestingOutputs.SLICE, published.size(), "held: the slice scheduled before publishes nothing");
        assertEquals(0, tasks.size());

        resting.release();
        resting.release();
        assertEquals(1, tasks.size(), "one slice at a time, however often released");
        tasks.poll().run();
        assertEquals(RestingOutputs.SLICE * 2, published.size());
    }

    @Test
    void aNeuronThatFiredOrLeftMeanwhileIsSkippedAndANewOneOverwritesAStaleRetainedOutput() {
        HostedNeuron fired = host("fired");
        HostedNeuron left = host("left");
        HostedNeuron readopted = host("readopted");
        resting.add(fired, RestingOutputs.Mode.RETAIN);
        resting.add(left, RestingOutputs.Mode.RETAIN);
        resting.add(readopted, RestingOutputs.Mode.RETAIN);
        resting.add(host("fresh"), RestingOutputs.Mode.RETAIN);
        resting.add(host("quiet"), RestingOutputs.Mode.RETAIN);
        resting.add(host("unsure"), RestingOutputs.Mode.LIVE);

        fired.neuron().restore(Map.of("s", 1.0), 0);
        hosted.remove("left");
        hosted.remove("readopted");
        host("readopted");
        tasks.poll().run();

        assertEquals(List.of("resting fresh at 1700000000000", "resting quiet at 1700000000000",
                        "live resting unsure at 1700000000000"), published,
                "fired published its 1 itself; left is gone; readopted is another instance now (it queued its own); "
                        + "unsure's retained output was not known to be absent: its 0 is not retained");
    }

    /** Records the publish resting outputs use, refusing it once {@link #room} is used up; nothing else is called. */
    private final class Recording implements NeuronOutbox {

        @Override
        public void output(String neuron, int value, long epochMillis) {
            throw new AssertionError("not a resting output");
        }

        @Override
        public boolean tryRestingOutput(String neuron, long epochMillis, boolean retained) {
            if (room == 0) {
                return false;
            }
            room--;
            published.add((retained ? "" : "live ") + "resting " + neuron + " at " + epochMillis);
            return true;
        }

        @Override
        public void output(String neuron, int value, long epochMillis, long tick) {
            throw new AssertionError("not a resting output");
        }

        @Override
        public void input(String toNeuron, byte[] payload) {
            throw new AssertionError("not a resting output");
        }

        @Override
        public void state(String neuron, Map<String, Double> sensors) {
            throw new AssertionError("not a resting output");
        }

        @Override
        public Pending inputs(Set<String> neurons, int topologyNeurons) {
            throw new AssertionError("not a resting output");
        }

        @Override
        public void subscribeOutputs(Collection<String> neurons) {
            throw new AssertionError("not a resting output");
        }

        @Override
        public void unsubscribeOutputs(Collection<String> neurons) {
            throw new AssertionError("not a resting output");
        }

        @Override
        public RetainedRead fetchRetained(Pending after, RetainedQuery query) {
            throw new AssertionError("not a resting output");
        }
    }
}
