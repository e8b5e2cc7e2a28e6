package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.RetainedQuery;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads retained messages on a second, clean-session connection, so that its temporary subscriptions never mix with
 * the runtime's own (an actuator following {@code neuron/z/output} and a restore reading it must not share a filter).
 * Opened on first use.
 *
 * <p>MQTT has no "end of retained messages" marker: a topic without a retained message is told apart from one still
 * on its way only by time. The reader returns as soon as every topic has arrived, else after a grace period;
 * for many topics it reads the wildcard filters instead and waits for them to go quiet.
 */
public final class RetainedReader implements AutoCloseable {

    /** How long to wait for topics that may have no retained message. */
    static final Duration GRACE = Duration.ofMillis(200);
    /**
     * Above this many filters the reader disconnects instead of unsubscribing: a clean session's subscriptions end
     * with it, while unsubscribing costs the broker as much as subscribing (HiveMQ CE took seconds for 20,000).
     */
    private static final int UNSUBSCRIBE_LIMIT = 1_000;
    private static final long QUIET_NANOS = Duration.ofMillis(100).toNanos();
    private static final long MAX_WILDCARD_NANOS = Duration.ofSeconds(3).toNanos();
    private static final Executor DIRECT = Runnable::run;

    private final LinkConfig owner;
    private final String clientId;
    /**
     * One read at a time: a read may end by disconnecting, which would end another's subscriptions (a read whose
     * restore was abandoned, when building its neurons failed, may still run when the next one starts).
     */
    private final ReentrantLock reading = new ReentrantLock();
    private MqttLink link;

    /**
     * @param owner    the runtime's own link: the reader connects to the same broker with the same credentials and TLS
     * @param clientId the reader's client id
     */
    public RetainedReader(LinkConfig owner, String clientId) {
        this.owner = owner;
        this.clientId = clientId;
    }

    /**
     * The retained payloads of {@code topics} that have one. Blocks for at most the grace period (or quiet time),
     * after any read under way on another thread.
     *
     * @param topics not changed by the caller while this runs
     */
    public Map<String, byte[]> read(Collection<String> topics) {
        Set<String> wanted = topics instanceof Set<String> set ? set : Set.copyOf(topics);
        return read(wanted::contains, wanted.size(), () -> wanted);
    }

    /**
     * The retained payloads of the topics {@code query} reads that have one; as {@link #read(Collection)}, and no
     * topic is made for a read by wildcard filters.
     */
    public Map<String, byte[]> read(RetainedQuery query) {
        return read(query::wants, query.size(), query::topics);
    }

    /**
     * @param wanted the topics to read, {@code count} of them
     * @param exact  those topics, asked for only when they are subscribed one by one
     */
    private Map<String, byte[]> read(Predicate<String> wanted, int count, Supplier<Set<String>> exact) {
        reading.lock();
        try {
            return readAlone(wanted, count, exact);
        } finally {
            reading.unlock();
        }
    }

    private Map<String, byte[]> readAlone(Predicate<String> wanted, int count, Supplier<Set<String>> exactTopics) {
        Map<String, byte[]> found = new ConcurrentHashMap<>();
        if (count == 0) {
            return found;
        }
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        Object done = new Object();
        MessageHandler collect = message -> {
            if (message.retained() && wanted.test(message.topic()) && message.payload().length > 0) {
                found.put(message.topic(), message.payload());
            }
            if (message.retained()) {
                // Only retained messages tell whether the broker is still sending what it retains: live outputs
                // (peers publish theirs while this node applies) come with the retain flag cleared and would keep a
                // wildcard read from going quiet (up to its 3 s cap).
                lastArrival.set(System.nanoTime());
            }
            if (found.size() == count) {
                synchronized (done) {
                    done.notifyAll();
                }
            }
        };
        // Exact reads are preferred: a wildcard makes the broker send every retained output of the fleet (HiveMQ CE
        // sends a large retained set in quadratic time), while exact subscriptions go out many filters per packet.
        boolean exact = count <= NeuronOutbox.EXACT_READ_LIMIT;
        List<String> filters = exact ? List.copyOf(exactTopics.get())
                : List.of(Topics.INPUT_PREFIX + "+" + Topics.OUTPUT_SUFFIX, Topics.INPUT_PREFIX + "+" + Topics.STATE_SUFFIX);
        try {
            MqttLink reader = link();
            reader.subscribe(filters.stream().map(f -> Subscription.of(f, Qos.AT_LEAST_ONCE)).toList(), DIRECT, collect);
            long start = System.nanoTime();
            lastArrival.set(start);
            synchronized (done) {
                while (found.size() < count) {
                    long now = System.nanoTime();
                    long waited = now - start;
                    boolean finished = exact ? waited >= GRACE.toNanos()
                            : (waited >= GRACE.toNanos() && now - lastArrival.get() >= QUIET_NANOS)
                            || waited >= MAX_WILDCARD_NANOS;
                    if (finished) {
                        break;
                    }
                    done.wait(10);
                }
            }
            if (filters.size() > UNSUBSCRIBE_LIMIT) {
                close();
            } else {
                reader.unsubscribe(filters);
            }
        } catch (MqttLinkException e) {
            Logger.warn("{}: could not read retained state: {}", clientId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return found;
    }

    private synchronized MqttLink link() {
        if (link == null) {
            MqttLink started = MqttLink.builder().sameBrokerAs(owner).clientId(clientId).build();
            started.start();
            link = started;
        }
        return link;
    }

    /** Disconnects; the next read connects again. */
    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
