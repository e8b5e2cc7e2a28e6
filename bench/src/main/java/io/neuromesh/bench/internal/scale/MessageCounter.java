package io.neuromesh.bench.internal.scale;

import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what is published on the broker with a wildcard subscriber ({@code #}): every message once, however many
 * subscribers the broker delivers it to. Status messages (heartbeats) and neuron outputs are also counted apart. At
 * QoS 0: at QoS 1 its acknowledgements of 100,000 outputs loaded Mosquitto so much, with four nodes on two cores, that
 * the nodes' statuses came late and they counted each other offline; at QoS 0 HiveMQ CE drops part of a burst of
 * outputs for it, so there "quiet" may wait its full minute.
 */
final class MessageCounter implements AutoCloseable {

    private final MqttLink link;
    private final LongAdder all = new LongAdder();
    private final LongAdder statuses = new LongAdder();
    private final LongAdder statusBytes = new LongAdder();
    private final LongAdder outputs = new LongAdder();

    MessageCounter(URI broker) {
        link = Links.connect(broker, "count");
        link.subscribe(List.of(Subscription.of("#", Qos.AT_MOST_ONCE)), Links.DIRECT, message -> {
            all.increment();
            if (message.topic().startsWith(Topics.NODES_PREFIX) && message.topic().endsWith("/status")) {
                statuses.increment();
                statusBytes.add(message.payload().length);
            } else if (message.topic().startsWith(Topics.INPUT_PREFIX) && message.topic().endsWith(Topics.OUTPUT_SUFFIX)) {
                outputs.increment();
            }
        });
    }

    /** Messages counted so far. */
    long all() {
        return all.sum();
    }

    /** Node status messages (heartbeats) counted so far. */
    long statuses() {
        return statuses.sum();
    }

    /** Payload bytes of those statuses. */
    long statusBytes() {
        return statusBytes.sum();
    }

    /** Messages on {@code neuron/<id>/output} counted so far. */
    long outputs() {
        return outputs.sum();
    }

    @Override
    public void close() {
        link.close();
    }
}
