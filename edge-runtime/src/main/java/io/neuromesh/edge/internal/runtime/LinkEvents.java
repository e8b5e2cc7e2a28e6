package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.internal.brain.BrainEvent;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.presence.Presence;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;

import java.util.concurrent.CompletableFuture;

/**
 * What the link's connection changes mean to the runtime: a first connect starts presence, every connect and loss goes
 * to the brain, and a lost session taken over by another process is the runtime's {@code failure}. Runs on the link's
 * thread: it only posts and completes.
 */
final class LinkEvents implements LinkListener {

    private final String node;
    private final MqttLink link;
    private final BrainLoop loop;
    private final Presence presence;
    private final CompletableFuture<Void> online;
    private final CompletableFuture<String> failure;

    LinkEvents(String node, MqttLink link, BrainLoop loop, Presence presence, CompletableFuture<Void> online,
               CompletableFuture<String> failure) {
        this.node = node;
        this.link = link;
        this.loop = loop;
        this.presence = presence;
        this.online = online;
        this.failure = failure;
    }

    @Override
    public void connected(boolean reconnect) {
        if (reconnect) {
            presence.reconnected();
        } else {
            presence.connected();
        }
        loop.post(new BrainEvent.Connected(online));
    }

    @Override
    public void disconnected(String reason) {
        if (link.state() == LinkState.FAILED) {
            failure.complete("node " + node + " stopped: another process connected with the same node id and took over"
                    + " its session (" + reason + ")");
        } else {
            loop.post(new BrainEvent.Disconnected());
        }
    }
}
