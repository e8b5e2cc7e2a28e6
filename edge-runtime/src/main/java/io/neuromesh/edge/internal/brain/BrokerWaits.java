package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.RetainedQuery;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A {@link NeuronOutbox} whose calls that wait for the broker (subscribes, unsubscribes, retained reads) count as the
 * brain waiting for the broker ({@link BrainLoop#awaitElsewhere}), not as a hang: a whole fleet placing thousands of
 * neurons at once keeps every brain in such calls for seconds on a busy broker, and a watchdog that took that for a
 * hang silenced the heartbeats, so peers took the neurons over, which made more such calls (measured: membership
 * flapping for 80 s after a 10,000-neuron apply on 10 nodes). Publishes pass straight through. Brain thread only.
 */
public final class BrokerWaits implements NeuronOutbox {

    /** A change of subscriptions whose wait counts as waiting for the broker; {@code started} is the outbox's own. */
    private record Waited(Pending started, BrainLoop loop) implements Pending {
        @Override
        public void await() {
            waiting(loop, started::await);
        }
    }

    private final NeuronOutbox outbox;
    private final BrainLoop loop;

    public BrokerWaits(NeuronOutbox outbox, BrainLoop loop) {
        this.outbox = outbox;
        this.loop = loop;
    }

    @Override
    public void output(String neuron, int value, long epochMillis) {
        outbox.output(neuron, value, epochMillis);
    }

    @Override
    public void output(String neuron, int value, long epochMillis, long tick) {
        outbox.output(neuron, value, epochMillis, tick);
    }

    @Override
    public boolean tryRestingOutput(String neuron, long epochMillis, boolean retained) {
        return outbox.tryRestingOutput(neuron, epochMillis, retained);
    }

    @Override
    public void input(String toNeuron, byte[] payload) {
        outbox.input(toNeuron, payload);
    }

    @Override
    public void state(String neuron, Map<String, Double> sensors) {
        outbox.state(neuron, sensors);
    }

    @Override
    public Pending inputs(Set<String> hosted, int topologyNeurons) {
        return new Waited(outbox.inputs(hosted, topologyNeurons), loop);
    }

    @Override
    public void subscribeOutputs(Collection<String> neurons) {
        waiting(loop, () -> outbox.subscribeOutputs(neurons));
    }

    @Override
    public void unsubscribeOutputs(Collection<String> neurons) {
        waiting(loop, () -> outbox.unsubscribeOutputs(neurons));
    }

    @Override
    public RetainedRead fetchRetained(Pending after, RetainedQuery query) {
        // The read's own thread waits for the outbox's change itself: the loop's bookkeeping is the brain thread's.
        RetainedRead started = outbox.fetchRetained(after instanceof Waited waited ? waited.started() : after, query);
        return () -> loop.awaitElsewhere(started::await);
    }

    private static void waiting(BrainLoop loop, Runnable call) {
        loop.awaitElsewhere(() -> {
            call.run();
            return null;
        });
    }
}
