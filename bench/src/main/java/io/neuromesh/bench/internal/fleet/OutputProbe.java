package io.neuromesh.bench.internal.fleet;

import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches one neuron's output topic and timestamps every live (not retained) output on arrival, on the MQTT client's
 * own thread, so that the time measured ends when the message reaches this process.
 */
public final class OutputProbe implements AutoCloseable {

    private static final byte[] ONE = "\"value\":1".getBytes(StandardCharsets.US_ASCII);

    /** One output seen: its value and {@link System#nanoTime()} on arrival. */
    private record Seen(int value, long nanos) {
    }

    private final String neuron;
    private final MqttLink link;
    private final LinkedBlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

    /** Subscribes to {@code neuron/<neuron>/output}; returns once the broker acknowledged. */
    public OutputProbe(URI broker, String neuron) {
        this.neuron = neuron;
        this.link = Links.connect(broker, "probe");
        link.subscribe(List.of(Subscription.of(Topics.output(neuron), Qos.AT_LEAST_ONCE)), Links.DIRECT,
                this::onOutput);
    }

    /** The neuron whose output this probe watches. */
    public String neuron() {
        return neuron;
    }

    private void onOutput(InboundMessage message) {
        if (!message.retained()) {
            seen.add(new Seen(contains(message.payload(), ONE) ? 1 : 0, System.nanoTime()));
        }
    }

    /**
     * Waits for the output {@code value}, dropping other values seen before it (outputs of an earlier step).
     *
     * @return {@link System#nanoTime()} when it arrived
     * @throws TimeoutException when it does not arrive within {@code timeout}
     */
    public long await(int value, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Seen next = seen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new TimeoutException("no output " + value + " of " + neuron + " within " + timeout.toMillis()
                        + " ms");
            }
            if (next.value() == value) {
                return next.nanos();
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        link.close();
    }
}
