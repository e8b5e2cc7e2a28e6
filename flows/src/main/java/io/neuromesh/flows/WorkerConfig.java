package io.neuromesh.flows;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.flows.internal.wire.Names;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Settings of one {@link Worker}, validated on construction. Build it with {@link Worker#builder()}.
 *
 * @param broker          broker address, {@code tcp://host:port}
 * @param name            the worker name, unique in the fleet (1-64 of {@code A-Z a-z 0-9 _ -}); named routing uses it
 * @param queues          the queues it serves (at least one)
 * @param concurrency     tasks run at once, each on its own virtual thread
 * @param prefetch        tasks held at once, running and waiting (at least {@code concurrency}); clients send no
 *                        more, so a slow worker cannot hoard tasks
 * @param heartbeat       interval of the retained status heartbeat
 * @param taskDir         folder of task jars loaded at build time, or null for none; a missing folder is fine
 * @param tasks           tasks registered in code; they win over providers of the same name
 * @param maxPayloadBytes largest task message accepted and result message sent
 * @param defaultTimeout  per-attempt timeout of tasks whose message names none
 * @param initialBackoff  delay before the first retry; it doubles on every further retry
 * @param maxBackoff      longest delay between retries
 * @param keepAlive       MQTT keep-alive; the broker declares the worker gone after 1.5 times this
 * @since 0.1
 */
public record WorkerConfig(URI broker, String name, List<String> queues, int concurrency, int prefetch,
                           Duration heartbeat, Path taskDir, List<Task<?, ?>> tasks, int maxPayloadBytes,
                           Duration defaultTimeout, Duration initialBackoff, Duration maxBackoff, Duration keepAlive) {

    /** Default heartbeat interval. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);
    /** Default task folder, {@code ~/.neuromesh/tasks}. */
    public static final Path DEFAULT_TASK_DIR = Path.of(System.getProperty("user.home"), ".neuromesh", "tasks");
    /** Default per-attempt timeout for task messages without {@code timeoutMs}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Default first retry delay. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** Default longest retry delay. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    /** Default MQTT keep-alive. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(10);
    /** Prefetch per concurrency slot when none is given. */
    public static final int DEFAULT_PREFETCH_PER_SLOT = 2;
    /** Largest concurrency. */
    public static final int MAX_CONCURRENCY = 10_000;

    public WorkerConfig {
        if (broker == null || !"tcp".equals(broker.getScheme()) || broker.getHost() == null || broker.getPort() <= 0) {
            throw new IllegalArgumentException("broker: must look like tcp://host:port, got " + broker);
        }
        Names.requireId("name", name);
        if (queues == null || queues.isEmpty()) {
            throw new IllegalArgumentException("queues: must name at least one queue");
        }
        queues = List.copyOf(queues);
        for (int i = 0; i < queues.size(); i++) {
            Names.requireId("queues[" + i + "]", queues.get(i));
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency: must be 1-" + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (prefetch < concurrency) {
            throw new IllegalArgumentException("prefetch: must be at least concurrency (" + concurrency + "), got "
                    + prefetch);
        }
        ClientConfig.requirePositive("heartbeat", heartbeat);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        if (maxPayloadBytes < ClientConfig.MIN_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maxPayloadBytes: must be at least " + ClientConfig.MIN_PAYLOAD_BYTES
                    + ", got " + maxPayloadBytes);
        }
        ClientConfig.requirePositive("defaultTimeout", defaultTimeout);
        ClientConfig.requirePositive("initialBackoff", initialBackoff);
        ClientConfig.requirePositive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff: must be >= initialBackoff (" + initialBackoff + "), got "
                    + maxBackoff);
        }
        ClientConfig.requirePositive("keepAlive", keepAlive);
    }

    /** Builder; see {@link Worker#builder()}. Concurrency defaults to the number of CPUs, prefetch to twice that. */
    public static final class Builder {
        private URI broker = ClientConfig.DEFAULT_BROKER;
        private String name;
        private List<String> queues = List.of(ClientConfig.DEFAULT_QUEUE);
        private int concurrency = Runtime.getRuntime().availableProcessors();
        private Integer prefetch;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private Path taskDir = DEFAULT_TASK_DIR;
        private final List<Task<?, ?>> tasks = new ArrayList<>();
        private int maxPayloadBytes = ClientConfig.DEFAULT_MAX_PAYLOAD_BYTES;
        private Duration defaultTimeout = DEFAULT_TIMEOUT;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;

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

        /** The worker name (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The queues it serves (default {@code default}). */
        public Builder queues(String... queues) {
            this.queues = Arrays.asList(queues);
            return this;
        }

        /** The queues it serves. */
        public Builder queues(List<String> queues) {
            this.queues = queues;
            return this;
        }

        /** Tasks run at once. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Tasks held at once (default {@value #DEFAULT_PREFETCH_PER_SLOT} per concurrency slot). */
        public Builder prefetch(int prefetch) {
            this.prefetch = prefetch;
            return this;
        }

        /** Heartbeat interval. */
        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        /** Folder of task jars, or null for none (default {@link #DEFAULT_TASK_DIR}). */
        public Builder taskDir(Path dir) {
            this.taskDir = dir;
            return this;
        }

        /** Registers a task in code (it wins over a provider's task of the same name). */
        public Builder task(Task<?, ?> task) {
            this.tasks.add(task);
            return this;
        }

        /** Largest task message accepted and result message sent, in bytes. */
        public Builder maxPayloadBytes(int bytes) {
            this.maxPayloadBytes = bytes;
            return this;
        }

        /** Per-attempt timeout of task messages without {@code timeoutMs}. */
        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = timeout;
            return this;
        }

        /** Retry backoff: the first delay, doubled on each further retry up to {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** MQTT keep-alive. */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /** The validated configuration. */
        public WorkerConfig config() {
            int effectivePrefetch = prefetch != null ? prefetch
                    : (int) Math.min(Integer.MAX_VALUE, (long) concurrency * DEFAULT_PREFETCH_PER_SLOT);
            return new WorkerConfig(broker, name, queues, concurrency, effectivePrefetch, heartbeat, taskDir, tasks,
                    maxPayloadBytes, defaultTimeout, initialBackoff, maxBackoff, keepAlive);
        }

        /** A worker with this configuration (not started); its tasks are loaded now. */
        public Worker build() {
            return Worker.create(config());
        }
    }
}
