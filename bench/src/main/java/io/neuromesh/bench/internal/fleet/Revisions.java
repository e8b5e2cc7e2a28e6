package io.neuromesh.bench.internal.fleet;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Topology revisions for one bench run: increasing, and starting above anything a broker may still hold from an
 * earlier run (the clock in milliseconds), because runtimes accept only newer revisions.
 */
public final class Revisions {

    private final AtomicLong last = new AtomicLong(System.currentTimeMillis());

    /** A revision above every one handed out before. */
    public long next() {
        return last.incrementAndGet();
    }
}
