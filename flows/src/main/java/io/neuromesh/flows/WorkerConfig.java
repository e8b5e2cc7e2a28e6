package io.neuromesh.flows;

import io.neuromesh.mqtt.Backoff;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.topology.Ids;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Settings of one {@link Worker}, validated on construction. Build it with {@link Worker#builder()}.
 *
 * @param link            the worker's MQTT connection (broker, keep-alive, reconnect, ...); the builder names its client
 *                        {@code neuromesh-worker-<name>}, and the worker adds its Last Will
 * @param name            the worker name, unique in the fleet (1-64 of {@code A-Z a-z 0-9 _ -}); named routing uses it
 * @param queues          the queues it serves (at least one)
 * @param concurrency     tasks run at once, each on its own virtual thread
 * @param prefetch        tasks held at once, running and waiting (at least {@code concurrency}); clients send no
 *                        more, so a slow worker cannot hoard tasks
 * @param heartbeat       interval of the retained status heartbeat
 * @param taskDir         folder of task jars loaded at build time, or null for none; a missing folder is fine
 * @param tasks           tasks registered in code; they win over providers of the same name and are always enabled
 * @param enabledTasks    which tasks of providers (built-ins, class path, task jars) it runs; the others are answered
 *                        with a {@link ErrorKind#NOT_ENABLED} error (default {@link EnabledTasks#SAFE})
 * @param maxPayloadBytes largest task message accepted and result message sent
 * @param defaultTimeout  per-attempt timeout of tasks whose message names none
 * @param retryBackoff    delays between the attempts of a task that threw a {@link RetryableException}
 * @since 0.1
 */
public record WorkerConfig(LinkConfig link, String name, List<String> queues, int concurrency, int prefetch,
                           Duration heartbeat, Path taskDir, List<Task<?, ?>> tasks, EnabledTasks enabledTasks,
                           int maxPayloadBytes,
                           Duration defaultTimeout, Backoff retryBackoff) {

    /** Default heartbeat interval. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);
    /** Default per-attempt timeout for task messages without {@code timeoutMs}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Default first retry delay. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** Default longest retry delay. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    /**
     * Default retry backoff: 100 ms doubling up to 10 s, without jitter (retries of one task run on one worker, so
     * there is no herd to spread out).
     */
    public static final Backoff DEFAULT_RETRY_BACKOFF = Backoff.exponential(DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    /** Prefix of a worker's MQTT client id; the worker name follows. */
    public static final String CLIENT_ID_PREFIX = "neuromesh-worker-";
    /** Prefetch per concurrency slot when none is given. */
    public static final int DEFAULT_PREFETCH_PER_SLOT = 2;
    /** Largest concurrency. */
    public static final int MAX_CONCURRENCY = 10_000;

    public WorkerConfig {
        if (link == null) {
            throw new IllegalArgumentException("link: must not be null");
        }
        Ids.require("name", name);
        if (queues == null || queues.isEmpty()) {
            throw new IllegalArgumentException("queues: must name at least one queue");
        }
        queues = List.copyOf(queues);
        Ids.requireAll("queues", queues);
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency: must be 1-" + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (prefetch < concurrency) {
            throw new IllegalArgumentException("prefetch: must be at least concurrency (" + concurrency + "), got "
                    + prefetch);
        }
        ClientConfig.requirePositive("heartbeat", heartbeat);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        if (enabledTasks == null) {
            throw new IllegalArgumentException("enabledTasks: must not be null (EnabledTasks.SAFE is the default)");
        }
        if (maxPayloadBytes < ClientConfig.MIN_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maxPayloadBytes: must be at least " + ClientConfig.MIN_PAYLOAD_BYTES
                    + ", got " + maxPayloadBytes);
        }
        ClientConfig.requirePositive("defaultTimeout", defaultTimeout);
        if (retryBackoff == null) {
            throw new IllegalArgumentException("retryBackoff: must not be null");
        }
    }

    /** The broker address, {@code tcp://host:port}: {@code link().broker()}. */
    public URI broker() {
        return link.broker();
    }

    /**
     * Builder; see {@link Worker#builder()}. Concurrency defaults to the number of CPUs, prefetch to twice that; the
     * link has the defaults of {@link LinkConfig}.
     */
    public static final class Builder extends LinkBuilderBase<Builder> {
        private String name;
        private List<String> queues = List.of(ClientConfig.DEFAULT_QUEUE);
        private int concurrency = Runtime.getRuntime().availableProcessors();
        private Integer prefetch;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private Path taskDir;
        private final List<Task<?, ?>> tasks = new ArrayList<>();
        private EnabledTasks enabledTasks = EnabledTasks.SAFE;
        private int maxPayloadBytes = ClientConfig.DEFAULT_MAX_PAYLOAD_BYTES;
        private Duration defaultTimeout = DEFAULT_TIMEOUT;
        private Backoff retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration initialBackoff;
        private Duration maxBackoff;

        Builder() {
            super(MqttLink.builder());
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

        /**
         * Folder of task jars, or null for none (the default: the caller, e.g. the CLI with its home folder, names
         * the folder).
         */
        public Builder taskDir(Path dir) {
            this.taskDir = dir;
            return this;
        }

        /** Registers a task in code (it wins over a provider's task of the same name). */
        public Builder task(Task<?, ?> task) {
            this.tasks.add(task);
            return this;
        }

        /**
         * Which loaded tasks it runs (default {@link EnabledTasks#SAFE}: the built-ins that only compute). Names it
         * has not loaded make {@link #build()} fail with the list of the ones it has.
         */
        public Builder enabledTasks(EnabledTasks enabled) {
            this.enabledTasks = enabled;
            return this;
        }

        /** Which loaded tasks it runs, as names and keywords: {@code enableTasks("safe", "http.fetch")}. */
        public Builder enableTasks(String... namesOrKeywords) {
            return enabledTasks(EnabledTasks.of(namesOrKeywords));
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

        /** Retry backoff: the first delay, doubled on each further retry up to {@code max}; checked by {@link #config()}. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** The whole retry backoff (replaces bounds given to {@link #backoff(Duration, Duration)}). */
        public Builder retryBackoff(Backoff backoff) {
            this.retryBackoff = backoff;
            this.initialBackoff = null;
            this.maxBackoff = null;
            return this;
        }

        /** MQTT keep-alive: the broker declares the worker gone after 1.5 times this. */
        public Builder keepAlive(Duration keepAlive) {
            link.keepAlive(keepAlive);
            return this;
        }

        /** The validated configuration. */
        public WorkerConfig config() {
            int effectivePrefetch = prefetch != null ? prefetch
                    : (int) Math.min(Integer.MAX_VALUE, (long) concurrency * DEFAULT_PREFETCH_PER_SLOT);
            // The name first: the link's client id is made of it, and its own message would be less to the point.
            Ids.require("name", name);
            return new WorkerConfig(link.clientId(CLIENT_ID_PREFIX + name).config(), name, queues, concurrency,
                    effectivePrefetch, heartbeat, taskDir, tasks, enabledTasks, maxPayloadBytes, defaultTimeout,
                    Backoff.bounded(retryBackoff, initialBackoff, maxBackoff, "retryBackoff"));
        }

        /**
         * A worker with this configuration (not started); its tasks are loaded now.
         *
         * @throws IllegalArgumentException when the enabled tasks name a task it did not load
         * @throws IllegalStateException    when the task folder is unsafe or cannot be read, or a provider fails
         */
        public Worker build() {
            return Worker.create(config());
        }
    }
}
