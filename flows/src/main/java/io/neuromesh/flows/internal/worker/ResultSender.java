package io.neuromesh.flows.internal.worker;

import io.neuromesh.flows.ErrorKind;
import io.neuromesh.flows.internal.wire.ResultEnvelopes;
import io.neuromesh.flows.internal.wire.Utf8;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Sends results from one thread. Results that finish while it is publishing pile up and go out together, one
 * message per reply topic and correlation data (up to the payload limit): under load a message carries many
 * results, when idle each result leaves at once.
 */
final class ResultSender {

    private record Item(String topic, byte[] correlation, String line, ErrorKind kind, String error) {
    }

    private record Key(String topic, String correlation) {
    }

    private static final int MAX_BATCH = 10_000;

    private final MqttLink link;
    private final String worker;
    private final String head;
    private final int maxBytes;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    ResultSender(MqttLink link, String worker, int maxBytes) {
        this.link = link;
        this.worker = worker;
        this.head = ResultEnvelopes.head(worker);
        this.maxBytes = maxBytes;
        this.thread = Thread.ofPlatform().daemon().name("flows-" + worker + "-results").unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** The largest result line that fits in one message. */
    long maxLineBytes() {
        return maxBytes - Utf8.length(head) - ResultEnvelopes.TAIL.length();
    }

    /** Queues one encoded result; dropped when the task came without a response topic. */
    void result(String topic, byte[] correlation, String line) {
        if (topic != null) {
            queue.add(new Item(topic, correlation, line, null, null));
        }
    }

    /** Queues a message-level error (the task message could not be read). */
    void error(String topic, byte[] correlation, ErrorKind kind, String error) {
        if (topic != null) {
            queue.add(new Item(topic, correlation, null, kind, error));
        }
    }

    void close() {
        thread.interrupt();
    }

    private void loop() {
        List<Item> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH);
                send(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Logger.debug("worker {}: result sender stopped with {} results unsent", worker, queue.size() + batch.size());
        }
    }

    private void send(List<Item> batch) {
        Map<Key, List<Item>> groups = new LinkedHashMap<>();
        for (Item item : batch) {
            if (item.line == null) {
                publish(item.topic, item.correlation, ResultEnvelopes.encodeError(worker, item.kind, item.error));
            } else {
                String correlation = item.correlation == null ? "" : new String(item.correlation, StandardCharsets.ISO_8859_1);
                groups.computeIfAbsent(new Key(item.topic, correlation), k -> new ArrayList<>()).add(item);
            }
        }
        for (List<Item> group : groups.values()) {
            StringBuilder message = new StringBuilder(head);
            long bytes = Utf8.length(head) + ResultEnvelopes.TAIL.length();
            int count = 0;
            for (Item item : group) {
                long lineBytes = Utf8.length(item.line);
                if (count > 0 && bytes + 1 + lineBytes > maxBytes) {
                    publish(item.topic, item.correlation, message.append(ResultEnvelopes.TAIL).toString());
                    message.setLength(0);
                    message.append(head);
                    bytes = Utf8.length(head) + ResultEnvelopes.TAIL.length();
                    count = 0;
                }
                if (count > 0) {
                    message.append(',');
                    bytes++;
                }
                message.append(item.line);
                bytes += lineBytes;
                count++;
            }
            Item first = group.get(0);
            publish(first.topic, first.correlation, message.append(ResultEnvelopes.TAIL).toString());
        }
    }

    private void publish(String topic, byte[] correlation, String payload) {
        try {
            link.publish(new OutboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false,
                    null, correlation, Map.of(), null));
        } catch (IllegalArgumentException e) {
            Logger.warn("worker {}: cannot reply to '{}': {}", worker, topic, e.getMessage());
        }
    }
}
