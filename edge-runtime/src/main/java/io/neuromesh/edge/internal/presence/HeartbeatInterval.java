package io.neuromesh.edge.internal.presence;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * How often a node re-publishes its status: every {@code --heartbeat} in a fleet of up to {@link #NODES_PER_BEAT}
 * online nodes, and proportionally less often in a larger one ({@code heartbeat x nodes / 5}: 2 s at 10 nodes, 20 s
 * at 100 with the default 1 s), so that each node hears about five heartbeats per {@code --heartbeat} from its whole
 * fleet whatever its size. Every node receives every status, so with a fixed interval the broker delivers nodes²
 * heartbeats (measured: 900 a second at 30 nodes, ~11,400 at 100, where membership flapped); with this one it
 * delivers about nodes x 5 a second.
 *
 * <p>Each status says how long its sender may wait before the next one ({@link #announce()}), so peers scale their
 * silence allowance with it; the next heartbeat comes after 80-100 % of the interval (jitter, so that nodes started
 * together do not beat in step) and never later than the last status promised. Thread-safe.
 */
final class HeartbeatInterval {

    /** Up to this many online nodes beat every {@code --heartbeat}; more beat proportionally less often. */
    static final int NODES_PER_BEAT = 5;
    private static final double JITTER = 0.2;

    private final Duration base;
    private final IntSupplier fleetSize;
    /** The delay until the heartbeat scheduled last (nanos): a status published meanwhile promises at least that. */
    private volatile long pendingNanos;

    /** @param fleetSize the online nodes, this one included */
    HeartbeatInterval(Duration base, IntSupplier fleetSize) {
        this.base = base;
        this.fleetSize = fleetSize;
        this.pendingNanos = base.toNanos();
    }

    /** The interval for a fleet of {@code nodes} online nodes. */
    static Duration of(Duration base, int nodes) {
        return nodes <= NODES_PER_BEAT ? base : Duration.ofNanos(base.toNanos() / NODES_PER_BEAT * nodes);
    }

    /** The interval a status published now announces: at least the delay until the heartbeat already scheduled. */
    Duration announce() {
        long now = of(base, fleetSize.getAsInt()).toNanos();
        return Duration.ofMillis((Math.max(now, pendingNanos) + 999_999) / 1_000_000);
    }

    /** The delay until the next heartbeat (called once per heartbeat, after it was published): jittered, never more. */
    Duration next() {
        long interval = of(base, fleetSize.getAsInt()).toNanos();
        long delay = (long) (interval * (1 - JITTER * ThreadLocalRandom.current().nextDouble()));
        pendingNanos = delay;
        return Duration.ofNanos(delay);
    }
}
