package io.neuromesh.flows;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.flows.internal.wire.Names;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Settings of a {@link FlowClient}, validated on construction. Build it with {@link FlowClient#builder()}.
 *
 * @param broker          broker address, {@code tcp://host:port}
 * @param clientId        MQTT client id, also the last level of the reply topic; unique per broker
 * @param defaultQueue    queue of calls without a route
 * @param defaultTimeout  per-attempt timeout of calls without one (also the wait for a worker to appear)
 * @param defaultRetries  retry limit of calls without one (only {@link RetryableException}s are retried)
 * @param maxPayloadBytes largest task message sent; a call whose arguments alone exceed it gets a
 *                        {@link ErrorKind#TOO_LARGE} result without being sent
 * @param connectTimeout  how long {@link FlowClient#start()} waits for the broker
 * @since 0.1
 */
public record ClientConfig(URI broker, String clientId, String defaultQueue, Duration defaultTimeout,
                           int defaultRetries, int maxPayloadBytes, Duration connectTimeout) {

    /** Default broker. */
    public static final URI DEFAULT_BROKER = URI.create("tcp://127.0.0.1:1883");
    /** Default queue. */
    public static final String DEFAULT_QUEUE = "default";
    /** Default per-attempt timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Default retry limit. */
    public static final int DEFAULT_RETRIES = 3;
    /** Default payload limit, 256 KiB (workers use the same default). */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Smallest payload limit: a task message must have room for its envelope. */
    public static final int MIN_PAYLOAD_BYTES = 1024;

    /** Validates every setting; the message names the setting and the value. */
    public ClientConfig {
        if (broker == null || !"tcp".equals(broker.getScheme()) || broker.getHost() == null || broker.getPort() <= 0) {
            throw new IllegalArgumentException("broker: must look like tcp://host:port, got " + broker);
        }
        Names.requireId("clientId", clientId);
        Names.requireId("defaultQueue", defaultQueue);
        requirePositive("defaultTimeout", defaultTimeout);
        if (defaultRetries < 0 || defaultRetries > TaskCall.MAX_RETRIES) {
            throw new IllegalArgumentException("defaultRetries: must be 0-" + TaskCall.MAX_RETRIES + ", got "
                    + defaultRetries);
        }
        if (maxPayloadBytes < MIN_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maxPayloadBytes: must be at least " + MIN_PAYLOAD_BYTES + ", got "
                    + maxPayloadBytes);
        }
        requirePositive("connectTimeout", connectTimeout);
    }

    static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be a positive duration, got " + value);
        }
    }

    /** Builder with the defaults above and a random client id {@code flows-<8 hex digits>}. */
    public static final class Builder {
        private URI broker = DEFAULT_BROKER;
        private String clientId = "flows-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        private String defaultQueue = DEFAULT_QUEUE;
        private Duration defaultTimeout = DEFAULT_TIMEOUT;
        private int defaultRetries = DEFAULT_RETRIES;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        Builder() {
        }

        /** Broker address. */
        public Builder broker(URI broker) {
            this.broker = broker;
            return this;
        }

        /** Broker address; a bare {@code host:port} gets {@code tcp://} prepended. */
        public Builder broker(String broker) {
            return broker(LinkConfig.brokerUri(broker));
        }

        /** MQTT client id (1-64 of {@code A-Z a-z 0-9 _ -}). */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
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

        /** How long {@link FlowClient#start()} waits for the broker. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** The validated configuration. */
        public ClientConfig config() {
            return new ClientConfig(broker, clientId, defaultQueue, defaultTimeout, defaultRetries, maxPayloadBytes,
                    connectTimeout);
        }

        /** A client with this configuration (not started). */
        public FlowClient build() {
            return FlowClient.create(config());
        }
    }
}
