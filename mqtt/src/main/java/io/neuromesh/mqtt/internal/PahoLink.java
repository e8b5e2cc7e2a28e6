package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.LinkStats;
import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.SessionMode;
import io.neuromesh.mqtt.Subscription;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link MqttLink} on Paho's MQTT v5 async client. Paho's own automatic reconnect and offline buffer are not used:
 * Paho 1.2.5 neither retries a first connection nor restores subscriptions, and its buffer only works with its own
 * reconnect. One control thread does all connecting, resubscribing and flushing, so they never race.
 */
public final class PahoLink implements MqttLink, MqttCallback {

    /** Filters per SUBSCRIBE/UNSUBSCRIBE packet: keeps packets small when a runtime hosts thousands of neurons. */
    private static final int FILTERS_PER_PACKET = 500;
    /** Messages the link's own dispatcher may hold before it refuses more. */
    private static final int DISPATCH_QUEUE_CAPACITY = 100_000;
    /** MQTT 5 reason code of a DISCONNECT sent because another client connected with our client id. */
    private static final int SESSION_TAKEN_OVER = 0x8E;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    /** A connection that lasted this long was healthy: its loss restarts the reconnect backoff. */
    private static final Duration STABLE_CONNECTION = Duration.ofSeconds(5);

    private final LinkConfig config;
    private final String name;
    private final ScheduledThreadPoolExecutor control;
    private final ThreadPoolExecutor dispatch;
    private final ScheduledThreadPoolExecutor pahoThreads;
    private final Routes routes = new Routes();
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final Object sendLock = new Object();
    private final Object subscribeLock = new Object();
    private final Object windowMonitor = new Object();
    private final ArrayDeque<OutboundMessage> offline = new ArrayDeque<>();
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();

    private final LongAdder published = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder unrouted = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong droppedOffline = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();

    private volatile LinkState state = LinkState.NEW;
    /** True once subscriptions are restored and the offline buffer is flushed; guarded by sendLock for writes. */
    private volatile boolean online;
    private volatile int windowWaiters;
    private MqttAsyncClient client;
    private int failedAttempts;
    private long connectedAtNanos;
    private boolean sessionWiped;

    public PahoLink(LinkConfig config) {
        this.config = config;
        this.name = "mqtt-" + config.clientId();
        this.control = new ScheduledThreadPoolExecutor(1, new DaemonThreads(name + "-control"));
        this.control.setRemoveOnCancelPolicy(true);
        this.dispatch = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(DISPATCH_QUEUE_CAPACITY), new DaemonThreads(name + "-dispatch"));
        // Paho runs its receiver, sender and callback loops on this pool, plus pings and disconnect tasks.
        this.pahoThreads = new ScheduledThreadPoolExecutor(6, new DaemonThreads(name + "-paho"));
    }

    @Override
    public LinkConfig config() {
        return config;
    }

    @Override
    public void addListener(LinkListener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        if (state != LinkState.NEW) {
            return;
        }
        try {
            client = new MqttAsyncClient(config.broker().toString(), config.clientId(), new MemoryPersistence(), null,
                    pahoThreads);
        } catch (MqttException e) {
            throw new MqttLinkException("cannot create an MQTT client for " + config.broker() + ": " + e.getMessage(), e);
        }
        client.setCallback(this);
        client.setManualAcks(config.manualAcks());
        state = LinkState.CONNECTING;
        control.execute(this::connectAttempt);
    }

    @Override
    public void awaitConnected(Duration timeout) {
        if (state == LinkState.NEW) {
            throw new MqttLinkException("link " + config.clientId() + " is not started");
        }
        try {
            firstConnection.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MqttLinkException("not connected to " + config.broker() + " within " + timeout.toMillis()
                    + " ms (is the broker running?)");
        } catch (ExecutionException e) {
            throw new MqttLinkException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttLinkException("interrupted while connecting to " + config.broker());
        }
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            throw new MqttLinkException("link " + config.clientId() + " is " + state.name().toLowerCase());
        }
    }

    @Override
    public LinkState state() {
        return state;
    }

    @Override
    public Executor dispatcher() {
        return dispatch;
    }

    // ---- connecting ---------------------------------------------------------------------------------------------

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {config.broker().toString()});
        options.setCleanStart(config.session() == SessionMode.CLEAN);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setKeepAliveInterval((int) Math.max(1, config.keepAlive().toSeconds()));
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        options.setAutomaticReconnect(false);
        options.setReceiveMaximum(config.receiveMaximum());
        options.setSocketFactory(new NoDelaySocketFactory());
        if (config.will() != null) {
            MqttMessage will = new MqttMessage(config.will().payload(), config.will().qos().level(),
                    config.will().retained(), new MqttProperties());
            options.setWill(config.will().topic(), will);
        }
        return options;
    }

    private void connectAttempt() {
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            return;
        }
        try {
            if (config.session() == SessionMode.FRESH_THEN_PERSISTENT && !sessionWiped) {
                wipeSession();
            }
            IMqttToken token = client.connect(options());
            token.waitForCompletion(config.connectTimeout().toMillis() + 1000);
        } catch (MqttException e) {
            retryLater(describe(e));
            return;
        }
        boolean reconnect = connects.getAndIncrement() > 0;
        try {
            restoreSubscriptions();
        } catch (MqttLinkException e) {
            Logger.warn("{}: restoring subscriptions failed: {}", name, e.getMessage());
            forceDisconnect();
            retryLater("resubscribe failed");
            return;
        }
        if (failedAttempts > 0 || reconnect) {
            Logger.info("{}: connected to {}", name, config.broker());
        } else {
            Logger.debug("{}: connected to {}", name, config.broker());
        }
        connectedAtNanos = System.nanoTime();
        state = LinkState.CONNECTED;
        firstConnection.complete(null);
        for (LinkListener listener : listeners) {
            try {
                listener.connected(reconnect);
            } catch (RuntimeException e) {
                Logger.warn(e, "{}: connection listener failed", name);
            }
        }
    }

    private void restoreSubscriptions() {
        synchronized (subscribeLock) {
            sendSubscribe(routes.subscriptions());
            synchronized (sendLock) {
                // Buffered publishes go out before anything published after the reconnect.
                while (!offline.isEmpty() && client.isConnected()) {
                    send(offline.peekFirst());
                    offline.pollFirst();
                }
                online = client.isConnected();
            }
        }
    }

    /**
     * Starts the session afresh: a short clean connection with no session expiry ends the old one, then the real
     * connection creates a persistent session. (Connecting with clean start and an expiry directly is not enough:
     * Mosquitto 2.0 does not restore such a session after its own restart.)
     */
    private void wipeSession() throws MqttException {
        try {
            SessionWiper.wipe(config.broker(), config.clientId(), config.connectTimeout());
        } catch (java.io.IOException e) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION, e);
        }
        sessionWiped = true;
    }

    private void retryLater(String reason) {
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            return;
        }
        long base = config.minReconnectDelay().toMillis() << Math.min(failedAttempts, 20);
        long delay = Math.min(config.maxReconnectDelay().toMillis(), base);
        delay = Math.max(1, (long) (delay * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
        if (failedAttempts == 0) {
            Logger.info("{}: broker {} not reachable ({}); retrying every {} ms at most", name, config.broker(),
                    reason, config.maxReconnectDelay().toMillis());
        } else {
            Logger.debug("{}: connect attempt {} failed ({}); next in {} ms", name, failedAttempts + 1, reason, delay);
        }
        failedAttempts++;
        control.schedule(this::connectAttempt, delay, TimeUnit.MILLISECONDS);
    }

    private void forceDisconnect() {
        try {
            client.disconnectForcibly(0, 100, false);
        } catch (MqttException e) {
            Logger.debug("{}: forced disconnect: {}", name, e.getMessage());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // Paho's callback thread: hand over, never block here.
        int code = response == null ? -1 : response.getReturnCode();
        String reason = response == null ? "unknown"
                : response.getException() != null ? describe(response.getException())
                : "broker sent DISCONNECT reason " + code
                + (response.getReasonString() == null ? "" : " (" + response.getReasonString() + ")");
        try {
            control.execute(() -> handleDisconnect(code, reason));
        } catch (RejectedExecutionException closing) {
            Logger.debug("{}: disconnected while closing", name);
        }
    }

    private void handleDisconnect(int code, String reason) {
        synchronized (sendLock) {
            online = false;
        }
        if (state == LinkState.CLOSED) {
            return;
        }
        if (code == SESSION_TAKEN_OVER) {
            state = LinkState.FAILED;
            Logger.error("{}: another client connected with the client id '{}'; this one stops (run each node id once)",
                    name, config.clientId());
            firstConnection.completeExceptionally(new MqttLinkException("client id '" + config.clientId()
                    + "' was taken over by another connection"));
        } else {
            state = LinkState.CONNECTING;
            Logger.warn("{}: connection to {} lost: {}", name, config.broker(), reason);
        }
        for (LinkListener listener : listeners) {
            try {
                listener.disconnected(reason);
            } catch (RuntimeException e) {
                Logger.warn(e, "{}: disconnect listener failed", name);
            }
        }
        if (state == LinkState.CONNECTING) {
            // A connection that lived long starts the backoff over; one dropped soon after it was made (another
            // client with our id, a broker refusing us) keeps growing the delay, so two clients cannot flap forever.
            if (System.nanoTime() - connectedAtNanos > STABLE_CONNECTION.toNanos()) {
                failedAttempts = 0;
            }
            retryLater(reason);
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        Logger.warn("{}: protocol error: {}", name, describe(exception));
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        Logger.debug("{}: AUTH packet {} ignored", name, reasonCode);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // Connection follow-up runs on the control thread in connectAttempt(); nothing may block Paho's thread here.
    }

    // ---- subscriptions ------------------------------------------------------------------------------------------

    @Override
    public void subscribe(Collection<Subscription> subscriptions, Executor executor, MessageHandler handler) {
        if (state == LinkState.CLOSED) {
            throw new MqttLinkException("link " + config.clientId() + " is closed");
        }
        synchronized (subscribeLock) {
            for (Subscription subscription : subscriptions) {
                routes.put(subscription, executor, handler);
            }
            if (online) {
                try {
                    sendSubscribe(List.copyOf(subscriptions));
                } catch (MqttLinkException e) {
                    if (client.isConnected()) {
                        for (Subscription subscription : subscriptions) {
                            routes.remove(subscription.filter());
                        }
                        throw e;
                    }
                    // The connection dropped meanwhile: the reconnect restores them from the registry.
                    Logger.debug("{}: subscribe deferred to the reconnect: {}", name, e.getMessage());
                }
            }
        }
    }

    @Override
    public void unsubscribe(Collection<String> filters) {
        synchronized (subscribeLock) {
            List<String> known = new ArrayList<>(filters.size());
            for (String filter : filters) {
                if (routes.contains(filter)) {
                    known.add(filter);
                    routes.remove(filter);
                }
            }
            if (!online || known.isEmpty()) {
                return;
            }
            for (int from = 0; from < known.size(); from += FILTERS_PER_PACKET) {
                String[] batch = known.subList(from, Math.min(known.size(), from + FILTERS_PER_PACKET))
                        .toArray(String[]::new);
                try {
                    client.unsubscribe(batch).waitForCompletion(config.connectTimeout().toMillis());
                } catch (MqttException e) {
                    Logger.debug("{}: unsubscribe of {} filters failed: {}", name, batch.length, describe(e));
                }
            }
        }
    }

    private void sendSubscribe(List<Subscription> subscriptions) {
        for (int from = 0; from < subscriptions.size(); from += FILTERS_PER_PACKET) {
            List<Subscription> batch = subscriptions.subList(from, Math.min(subscriptions.size(), from + FILTERS_PER_PACKET));
            MqttSubscription[] packet = new MqttSubscription[batch.size()];
            for (int i = 0; i < packet.length; i++) {
                Subscription s = batch.get(i);
                packet[i] = new MqttSubscription(s.filter(), s.qos().level());
                packet[i].setNoLocal(s.noLocal());
            }
            int[] codes;
            try {
                IMqttToken token = client.subscribe(packet);
                token.waitForCompletion(config.connectTimeout().toMillis());
                codes = token.getReasonCodes();
            } catch (MqttException e) {
                throw new MqttLinkException("subscribe failed: " + describe(e), e);
            }
            List<String> refused = new ArrayList<>();
            for (int i = 0; codes != null && i < codes.length && i < packet.length; i++) {
                if (codes[i] >= 0x80) {
                    refused.add(packet[i].getTopic() + " (reason " + codes[i] + ")");
                }
            }
            if (!refused.isEmpty()) {
                throw new MqttLinkException("broker refused the subscription(s) " + String.join(", ", refused));
            }
        }
    }

    // ---- receiving ----------------------------------------------------------------------------------------------

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // Paho's callback thread: look up the route and enqueue. Nothing here may block or throw.
        Routes.Route route = routes.match(topic);
        InboundMessage inbound = toInbound(topic, message);
        if (route == null) {
            unrouted.increment();
            complete(inbound);
            Logger.debug("{}: no subscription for {}", name, topic);
            return;
        }
        try {
            route.executor().execute(() -> deliver(route, inbound));
        } catch (RejectedExecutionException full) {
            rejected.increment();
            complete(inbound);
            Logger.warn("{}: inbox full, dropped a message on {}", name, topic);
        }
    }

    private void deliver(Routes.Route route, InboundMessage message) {
        received.increment();
        try {
            route.handler().onMessage(message);
        } catch (Exception | Error e) {
            handlerFailures.increment();
            Logger.warn("{}: handler of {} failed on {}: {}", name, route.subscription().filter(), message.topic(),
                    e.toString());
        }
    }

    private static InboundMessage toInbound(String topic, MqttMessage message) {
        MqttProperties properties = message.getProperties();
        Map<String, String> user = Map.of();
        String responseTopic = null;
        byte[] correlation = null;
        if (properties != null) {
            responseTopic = properties.getResponseTopic();
            correlation = properties.getCorrelationData();
            List<UserProperty> list = properties.getUserProperties();
            if (list != null && !list.isEmpty()) {
                Map<String, String> map = new HashMap<>();
                for (UserProperty p : list) {
                    map.put(p.getKey(), p.getValue());
                }
                user = map;
            }
        }
        return new InboundMessage(topic, message.getPayload(), Qos.of(message.getQos()), message.isRetained(),
                message.getId(), responseTopic, correlation, user);
    }

    @Override
    public void complete(InboundMessage message) {
        if (!config.manualAcks() || message.qos() == Qos.AT_MOST_ONCE) {
            return;
        }
        try {
            client.messageArrivedComplete(message.messageId(), message.qos().level());
        } catch (MqttException e) {
            Logger.debug("{}: ack of message {} failed: {}", name, message.messageId(), describe(e));
        }
    }

    // ---- publishing ---------------------------------------------------------------------------------------------

    @Override
    public void publish(OutboundMessage message) {
        synchronized (sendLock) {
            if (state == LinkState.CLOSED || state == LinkState.FAILED) {
                Logger.debug("{}: publish on {} dropped: link is {}", name, message.topic(), state);
                return;
            }
            if (!online || !offline.isEmpty()) {
                bufferOffline(message);
                return;
            }
            if (!send(message)) {
                bufferOffline(message);
            }
        }
    }

    /** Sends now, waiting while the broker's in-flight window is full; false when the connection is gone. */
    private boolean send(OutboundMessage message) {
        MqttMessage paho = toPaho(message);
        while (true) {
            try {
                client.publish(message.topic(), paho);
                published.increment();
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() == org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    awaitWindow();
                } else if (!client.isConnected()) {
                    return false;
                } else {
                    Logger.warn("{}: publish to {} failed: {}", name, message.topic(), describe(e));
                    return true;
                }
            }
        }
    }

    private void awaitWindow() {
        synchronized (windowMonitor) {
            windowWaiters++;
            try {
                windowMonitor.wait(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                windowWaiters--;
            }
        }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        if (windowWaiters > 0) {
            synchronized (windowMonitor) {
                windowMonitor.notifyAll();
            }
        }
    }

    private void bufferOffline(OutboundMessage message) {
        if (config.offlineBufferSize() == 0) {
            droppedOffline.incrementAndGet();
            return;
        }
        if (offline.size() >= config.offlineBufferSize()) {
            offline.pollFirst();
            if (droppedOffline.incrementAndGet() % 1000 == 1) {
                Logger.warn("{}: offline buffer full ({} messages); dropping the oldest", name,
                        config.offlineBufferSize());
            }
        }
        offline.addLast(message);
    }

    private static MqttMessage toPaho(OutboundMessage message) {
        MqttProperties properties = new MqttProperties();
        if (message.responseTopic() != null) {
            properties.setResponseTopic(message.responseTopic());
        }
        if (message.correlationData() != null) {
            properties.setCorrelationData(message.correlationData());
        }
        if (!message.userProperties().isEmpty()) {
            List<UserProperty> user = new ArrayList<>(message.userProperties().size());
            message.userProperties().forEach((k, v) -> user.add(new UserProperty(k, v)));
            properties.setUserProperties(user);
        }
        if (message.expiry() != null) {
            properties.setMessageExpiryInterval(Math.max(1, message.expiry().toSeconds()));
        }
        return new MqttMessage(message.payload(), message.qos().level(), message.retained(), properties);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    @Override
    public LinkStats stats() {
        int buffered;
        synchronized (sendLock) {
            buffered = offline.size();
        }
        return new LinkStats(published.sum(), received.sum(), unrouted.sum(), handlerFailures.sum(), rejected.sum(),
                buffered, droppedOffline.get(), connects.get());
    }

    @Override
    public void close() {
        shutdown(true);
    }

    @Override
    public void abort() {
        shutdown(false);
    }

    private synchronized void shutdown(boolean clean) {
        if (state == LinkState.CLOSED) {
            return;
        }
        boolean started = client != null;
        state = LinkState.CLOSED;
        synchronized (sendLock) {
            online = false;
        }
        firstConnection.completeExceptionally(new MqttLinkException("link " + config.clientId() + " was closed"));
        control.shutdownNow();
        if (started) {
            try {
                if (client.isConnected()) {
                    if (clean) {
                        client.disconnect(CLOSE_TIMEOUT.toMillis()).waitForCompletion(CLOSE_TIMEOUT.toMillis());
                    } else {
                        client.disconnectForcibly(0, 100, false);
                    }
                }
            } catch (MqttException e) {
                Logger.debug("{}: disconnect: {}", name, describe(e));
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                Logger.debug("{}: close: {}", name, describe(e));
            }
        }
        dispatch.shutdownNow();
        pahoThreads.shutdownNow();
        Logger.debug("{}: closed", name);
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        String text = e.getMessage() == null ? "reason " + e.getReasonCode() : e.getMessage();
        if (cause == null) {
            return text;
        }
        return text + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
}
