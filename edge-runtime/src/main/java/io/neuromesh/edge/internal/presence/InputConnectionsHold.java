package io.neuromesh.edge.internal.presence;

import org.tinylog.Logger;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Holds back the node's online status after its own connection came back until its input connections are back too,
 * for at most {@code limit}. Each input connection restores its own subscriptions when it reconnects; after a broker
 * restart without its store, an input published to a neuron whose filter is on a connection not yet back is lost,
 * and whoever waits for the node to be online before sending ({@code nodes}, a script, a test) would send too early.
 * A node that is online keeps announcing when only an input connection drops: its session keeps what is published
 * meanwhile, and going silent would make its peers take over its neurons.
 *
 * <p>Threading: {@link #reconnected} runs on the link's thread, {@link #holds} on the announcer's; both are
 * lock-free.
 */
public final class InputConnectionsHold {

    /**
     * How long the online status waits at most: an input connection retries every 2 s at most and gives an attempt 5 s
     * (the link's defaults), so one that is not back by then is not coming back soon. Not the link's start timeout:
     * a service ({@code neuromesh edge}) waits for its broker without end.
     */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private final String node;
    private final BooleanSupplier inputConnectionsUp;
    private final Duration limit;
    /** {@link System#nanoTime()} of the reconnect held; written before {@link #holding}. */
    private volatile long since;
    private volatile boolean holding;

    /**
     * @param inputConnectionsUp true when every input connection is connected (and so subscribed); any thread
     * @param limit              how long the online status waits for them at most ({@link #LIMIT})
     */
    public InputConnectionsHold(String node, BooleanSupplier inputConnectionsUp, Duration limit) {
        this.node = node;
        this.inputConnectionsUp = inputConnectionsUp;
        this.limit = limit;
    }

    /** The node's own connection came back (its subscriptions restored): hold until the input connections are too. */
    public void reconnected() {
        since = System.nanoTime();
        holding = true;
    }

    /** Whether a reconnect is being held (cheap: reads a flag only). */
    boolean holding() {
        return holding;
    }

    /**
     * Whether the online status must wait still; ends the hold once the input connections are back, or with a warning
     * once {@code limit} passed.
     */
    boolean holds() {
        if (!holding) {
            return false;
        }
        if (inputConnectionsUp.getAsBoolean()) {
            holding = false;
            return false;
        }
        if (System.nanoTime() - since >= limit.toNanos()) {
            holding = false;
            Logger.warn("node {}: announcing itself online though an input connection is still not back after {} ms;"
                    + " inputs published meanwhile to the neurons it carries are lost if the broker kept no session",
                    node, limit.toMillis());
            return false;
        }
        return true;
    }
}
