package io.neuromesh.edge.internal.signal;

import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.Qos;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Inputs for neurons not hosted here: a peer's (what {@code neuron/+} brings) are told from ones for nobody. */
class NeuronInboxesTest {

    private final List<NeuronInbox> ready = new ArrayList<>();
    private final Counters counters = new Counters();
    private final NeuronInboxes inboxes = new NeuronInboxes(4, ready::add, counters);

    private static InboundMessage input(String topic) {
        return new InboundMessage(topic, "{\"from\":\"s\",\"value\":1}".getBytes(StandardCharsets.UTF_8),
                Qos.AT_LEAST_ONCE, false, 0, null, null, Map.of());
    }

    @Test
    void anInputForAPeersNeuronCountsElsewhereAndOneForNoNeuronCountsUnknown() {
        inboxes.open("a").resume();
        inboxes.offer(input("neuron/b"));
        assertEquals(1, counters.unknownNeuron.sum(), "before any topology runs, no id is a neuron");

        inboxes.running(Set.of("a", "b")::contains);
        inboxes.offer(input("neuron/a"));
        inboxes.offer(input("neuron/b"));
        inboxes.offer(input("neuron/typo"));

        assertEquals(1, ready.size(), "a's input went to its inbox");
        assertEquals(1, counters.elsewhere.sum(), "b is a neuron of the topology, hosted by a peer");
        assertEquals(2, counters.unknownNeuron.sum(), "no neuron is called typo");
    }
}
