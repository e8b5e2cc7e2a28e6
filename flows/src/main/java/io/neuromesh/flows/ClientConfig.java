package io.neuromesh.flows;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.topology.Ids;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Settings of a {@link FlowClient}, validated on construction. Build it with {@link FlowClient#builder()}.
 *
 * @param link            the client's MQTT connection; its client id is also the last level of the reply topic, so
 *                        it follows the id rule ({@link Ids}), and is unique per broker; {@link FlowClient#start()}
 *                        waits up to its connect timeout for the broker
 * @param defaultQueue    queue of calls without a route
 * @param defaultTimeout  per-attempt timeout of calls without one (also the wait for a worker to appear)
 * @param defaultRetries  retry limit of calls without one (only {@link RetryableException}s are retried)
 * @param maxPayloadBytes largest task message sent; a call whose arguments alone exceed it gets a
 *                        {@link ErrorKind#TOO_LARGE} result without being sent
 * @since 0.1
 */
public record ClientConfig(LinkConfig link, String defaultQueue, Duration defaultTimeout, int defaultRetries,
                           int maxPayloadBytes) {

    /** Default queue. */
    public static final String DEFAULT_QUEUE = "default";
    /** Default per-attempt timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Default retry limit. */
    public static final int DEFAULT_RETRIES = 3;
    /** Default payload limit, 256 KiB (workers use the same default). */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
    /** Smallest payload limit: a task message must have room for its envelope. */
    public static final int MIN_PAYLOAD_BYTES = 1024;

    /** Validates every setting; the message names the setting and the value. */
    public ClientConfig {
        if (link == null) {
            throw new IllegalArgumentException("link: must not be null");
        }
        Ids.require("clientId", link.clientId());
        Ids.require("defaultQueue", defaultQueue);
        requirePositive("defaultTimeout", defaultTimeout);
        if (defaultRetries < 0 || defaultRetries > TaskCall.MAX_RETRIES) {
            throw new IllegalArgumentException("defaultRetries: must be 0-" + TaskCall.MAX_RETRIES + ", got "
                    + defaultRetries);
        }
        if (maxPayloadBytes < MIN_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maxPayloadBytes: must be at least " + MIN_PAYLOAD_BYTES + ", got "
                    + maxPayloadBytes);
        }
    }

    /** The broker address, {@code tcp://host:port}: {@code link().broker()}. */
    public URI broker() {
        return link.broker();
    }

    /** The MQTT client id, the last level of the reply topic: {@code link().clientId()}. */
    public String clientId() {
        return link.clientId();
    }

    static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be a positive duration, got " + value);
        }
    }

    /**
     * Builder with the defaults above, the link defaults of {@link LinkConfig}, and a random client id
     * {@code flows-<8 hex digits>}.
     */
    public static final class Builder extends LinkBuilderBase<Builder> {
        private String defaultQueue = DEFAULT_QUEUE;
        private Duration defaultTimeout = DEFAULT_TIMEOUT;
        private int defaultRetries = DEFAULT_RETRIES;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;

        Builder() {
            super(MqttLink.builder()
                    .clientId("flows-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())));
        }

        /** MQTT client id (1-64 of {@code A-Z a-z 0-9 _ -}). */
        public Builder clientId(String clientId) {
            link.clientId(clientId);
            return this;
        }

        /** Queue of calls without a route. */
        public Builder defaultQueue(String queue) {
            this.defaultQueue = queue;
            return this;
        }

        /** Per-attempt timeout of calls without one. */
        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = timeout;
            return this;
        }

        /** Retry limit of calls without one. */
        public Builder defaultRetries(int retries) {
            this.defaultRetries = retries;
            return this;
        }

        /** Largest task message, in bytes. */
        public Builder maxPayloadBytes(int bytes) {
            this.maxPayloadBytes = bytes;
            return this;
        }

        /** How long {@link FlowClient#start()} waits for the broker: the link's start timeout and connect timeout. */
        public Builder connectTimeout(Duration timeout) {
            link.connectTimeout(timeout).startTimeout(timeout);
            return this;
        }

        /** The validated configuration. */
        public ClientConfig config() {
            return new ClientConfig(link.config(), defaultQueue, defaultTimeout, defaultRetries, maxPayloadBytes);
        }

        /** A client with this configuration (not started). */
        public FlowClient build() {
            return FlowClient.create(config());
        }

        /**
         * A started client with this configuration: {@link #build()}, then {@link FlowClient#start()}.
         *
         * @throws io.neuromesh.mqtt.MqttLinkException as {@link FlowClient#start()} does
         */
        public FlowClient connect() {
            FlowClient client = build();
            client.start();
            return client;
        }
    }
}
