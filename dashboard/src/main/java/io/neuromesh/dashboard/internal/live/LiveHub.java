package io.neuromesh.dashboard.internal.live;

import io.javalin.http.sse.SseClient;
import org.tinylog.Logger;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The browsers listening on {@code /api/live} (server-sent events), and one thread that writes to them, so that
 * whoever publishes (an MQTT dispatch thread, a poller) never waits for a slow browser.
 */
public final class LiveHub implements AutoCloseable {

    /**
     * Events waiting to be written. When browsers fall this far behind the oldest are dropped: every page reloads
     * its snapshot on each {@code fleet}/{@code topology} event, so a dropped event heals with the next one.
     */
    private static final int BACKLOG = 4096;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG), Thread.ofPlatform().daemon().name("dashboard-live-", 0).factory(),
            new ThreadPoolExecutor.DiscardOldestPolicy());

    /** Keeps a browser's stream open until it goes; called on the request's thread. */
    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{}");
    }

    /** @return how many browsers listen */
    public int listeners() {
        return clients.size();
    }

    /** Sends an event to every browser; returns at once. */
    public void publish(String event, String json) {
        if (clients.isEmpty() || writer.isShutdown()) {
            return;
        }
        writer.execute(() -> clients.forEach(client -> send(client, event, json)));
    }

    /** A comment line every browser ignores: it finds a browser that went away without closing. */
    public void ping() {
        if (!writer.isShutdown()) {
            writer.execute(() -> clients.forEach(client -> {
                if (client.terminated()) {
                    clients.remove(client);
                } else {
                    client.sendComment("ping");
                }
            }));
        }
    }

    private void send(SseClient client, String event, String json) {
        try {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent(event, json);
            }
        } catch (RuntimeException gone) {
            Logger.debug("dashboard: a browser's live stream failed ({}); dropping it", gone.toString());
            clients.remove(client);
        }
    }

    /** Ends every stream; idempotent. */
    @Override
    public void close() {
        writer.shutdownNow();
        clients.forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // It is going away anyway.
            }
        });
        clients.clear();
    }
}
