package io.neuromesh.bench.internal.fleet;

import io.neuromesh.mqtt.MqttLink;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** Plain MQTT connections of the bench itself (publishers, probes, counters). */
public final class Links {

    /** Runs a handler on the MQTT client's own thread: for handlers that only take a timestamp or count. */
    public static final Executor DIRECT = Runnable::run;
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Links() {
    }

    /** A connected link with a clean session and a unique client id starting with {@code role}. */
    public static MqttLink connect(URI broker, String role) {
        MqttLink link = MqttLink.builder().broker(broker)
                .clientId("bench-" + role + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet())
                .startTimeout(CONNECT).build();
        link.start();
        return link;
    }
}
