package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.internal.brain.Brain;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.presence.Presence;
import org.tinylog.Logger;

import java.util.List;

/** The first step of a graceful stop: hand this node's movable neurons over to its peers. */
final class Handover {

    private Handover() {
    }

    /** Announces "leaving" and waits (the lifecycle thread) until peers report hosting this node's movable neurons. */
    static void run(EdgeConfig config, BrainLoop loop, Brain brain, Presence presence) {
        List<String> movable = loop.call(() -> {
            List<String> ids = brain.leave();
            presence.leaving(brain.view());
            return ids;
        });
        if (movable.isEmpty()) {
            return;
        }
        try {
            if (presence.awaitHostedElsewhere(movable, config.handover())) {
                Logger.info("node {}: {} neuron(s) handed over", config.node(), movable.size());
            } else {
                Logger.warn("node {}: handover of {} neuron(s) not confirmed within {} ms; leaving anyway",
                        config.node(), movable.size(), config.handover().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
