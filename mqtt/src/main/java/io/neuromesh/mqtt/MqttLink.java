package io.neuromesh.mqtt;

import io.neuromesh.mqtt.internal.PahoLink;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executor;

/**
 * One MQTT 5 connection with the hygiene Paho 1.2.5 lacks: it reconnects with backoff (also when the broker is not
 * up yet), restores every subscription after a reconnect from its own registry, buffers publishes while
 * disconnected, never runs user code on the client's callback thread, and sets TCP_NODELAY on its socket.
 *
 * <p>Threading: every method is thread-safe. {@link #publish} does not block except when the broker's receive
 * maximum of unacknowledged QoS 1 publishes is reached (backpressure). Handlers run on the executor given to
 * {@link #subscribe}; subscribing and unsubscribing wait for the broker's acknowledgement.
 *
 * @since 0.1
 */
public interface MqttLink extends AutoCloseable {

    /** A builder with the defaults of {@link LinkConfig}. */
    static LinkConfig.Builder builder() {
        return new LinkConfig.Builder();
    }

    /** A link for a validated configuration (not started). */
    static MqttLink create(LinkConfig config) {
        return new PahoLink(config);
    }

    /** This link's configuration. */
    LinkConfig config();

    /** Adds a connection listener; listeners run on the link's control thread. */
    void addListener(LinkListener listener);

    /**
     * Connects and returns when the link is ready: connected, every subscription registered so far made at the
     * broker, and the {@link LinkListener#connected} listeners run. A broker that is not up yet, or refuses the connection, is retried with the {@link LinkConfig#reconnect()
     * reconnect backoff} for at most {@link LinkConfig#startTimeout()}. Idempotent: on a started link it returns at
     * once. After it returned, the link reconnects by itself whenever the connection is lost.
     *
     * <p>Threading: blocks the calling thread (never call it on a handler or listener thread); {@link #close()} from
     * another thread ends the wait.
     *
     * @throws MqttLinkException when the link is not connected within the start timeout (the message names the broker
     *                           and the last failure, e.g. "cannot connect to tcp://127.0.0.1:1883 within 10s:
     *                           connection refused"), was closed, or its client id was taken over; the link is then
     *                           closed, with no thread left running
     */
    void start();

    /** The current state. */
    LinkState state();

    /**
     * Subscribes (or re-registers) {@code subscriptions} for {@code handler}, whose calls run on {@code executor}.
     * Registered subscriptions are restored after every reconnect. When connected, waits for the broker's SUBACK.
     * If several registered filters match one topic, the exact filter wins, then the earliest registered one.
     *
     * @throws MqttLinkException when the broker refuses a filter or does not answer within the connect timeout
     */
    void subscribe(Collection<Subscription> subscriptions, Executor executor, MessageHandler handler);

    /** Subscribes one filter with the link's own dispatch thread as executor. */
    default void subscribe(Subscription subscription, MessageHandler handler) {
        subscribe(java.util.List.of(subscription), dispatcher(), handler);
    }

    /** Removes these filters from the registry and, when connected, unsubscribes them at the broker. */
    void unsubscribe(Collection<String> filters);

    /** The link's own single dispatch thread, usable as a handler executor. */
    Executor dispatcher();

    /**
     * Publishes a message. While disconnected it is kept in the offline buffer and sent, in order, after the
     * reconnect. Blocks only while the broker's in-flight window is full.
     */
    void publish(OutboundMessage message);

    /**
     * Publishes a message now, or not at all: while the link is disconnected, or has lost its connection without
     * having handled the loss yet, the message is dropped instead of buffered. For a message that is stale once the
     * link is back, such as a presence status its owner publishes again on every reconnect: a buffered one would be
     * delivered after the reconnect, ahead of the fresh one. Blocks only while the broker's in-flight window is full.
     *
     * @return true when the message was handed to the client (or dropped because the link is closed); false when it
     *         was dropped because the link is offline
     * @since 0.2
     */
    boolean publishIfOnline(OutboundMessage message);

    /**
     * Publishes a message only if that needs no wait at all: for a thread that must never block, such as the MQTT
     * client's callback thread when a handler runs there. Nothing is buffered: while disconnected, while the offline
     * buffer is flushed, while another thread is sending, or while as many publishes (of any QoS) as the broker's
     * Receive Maximum are outstanding (queued in the client or awaiting their acknowledgement), it returns false and
     * does nothing. A caller that then falls back to {@link #publish} from another thread keeps its own order by
     * sending everything after that through the same fallback.
     *
     * <p>Threading: any thread, never blocks.
     *
     * @return true when the message was handed to the client (or dropped because the link is closed); false when
     *         nothing was done
     * @since 0.2
     */
    boolean tryPublish(OutboundMessage message);

    /**
     * Publishes a message and returns once the broker has acknowledged it: the way to learn whether the broker
     * accepted it. Unlike {@link #publish}, nothing is buffered: while disconnected it waits for the reconnect, within
     * the same {@code timeout}. The embedded broker refuses a topology publish that would break the retained topology
     * this way; other brokers refuse only what their own rules forbid (e.g. an ACL).
     *
     * <p>Threading: blocks the calling thread for up to {@code timeout} (about one broker round trip when connected).
     * Never call it on a thread the link delivers messages on: it delays every later message of that executor.
     *
     * @param message the message; its QoS must be {@link Qos#AT_LEAST_ONCE}
     * @param timeout how long to wait for the reconnect, if needed, and the acknowledgement together; positive
     * @throws PublishRefusedException  when the broker's PUBACK carries an error reason code (0x80 or above), with
     *                                  the broker's reason string
     * @throws MqttLinkException        when no acknowledgement arrives within {@code timeout} ("no answer from the
     *                                  broker within 3s"), the publish fails, or the link is closed
     * @throws IllegalArgumentException when the message's QoS is 0 or the timeout is not positive
     */
    void publishAcknowledged(OutboundMessage message, Duration timeout);

    /** Publishes a plain message. */
    default void publish(String topic, byte[] payload, Qos qos, boolean retained) {
        publish(OutboundMessage.of(topic, payload, qos, retained));
    }

    /**
     * Acknowledges a QoS 1 delivery when the link uses {@link LinkConfig#manualAcks() manual acks}; the broker sends
     * the next message only when fewer than {@link LinkConfig#receiveMaximum()} are unacknowledged. A no-op for QoS 0
     * or automatic acks.
     */
    void complete(InboundMessage message);

    /** Counters since the link was built. */
    LinkStats stats();

    /** Disconnects cleanly (no Last Will) and stops all threads; idempotent. */
    @Override
    void close();

    /**
     * Simulates a crash for tests and failover drills: drops the TCP connection without DISCONNECT, so the broker
     * publishes the Last Will, then closes the link.
     */
    void abort();
}
