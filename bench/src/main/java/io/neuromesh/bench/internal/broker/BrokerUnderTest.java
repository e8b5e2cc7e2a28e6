package io.neuromesh.bench.internal.broker;

import io.neuromesh.bench.BenchOptions;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.MosquittoBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A broker the scenarios run on: one the bench started (embedded HiveMQ CE, a mosquitto process) or one given by
 * URL. Closing stops a started broker and leaves a given one alone.
 */
public final class BrokerUnderTest implements AutoCloseable {

    /** Label of the embedded broker in the table. */
    public static final String HIVEMQ = "hivemq";
    /** Label of the mosquitto process in the table. */
    public static final String MOSQUITTO = "mosquitto";

    private final String label;
    private final URI uri;
    private final String version;
    /** Stops a broker the bench started; null for one given by URL. */
    private final Runnable stop;

    private BrokerUnderTest(String label, URI uri, String version, Runnable stop) {
        this.label = label;
        this.uri = uri;
        this.version = version;
        this.stop = stop;
    }

    /**
     * Starts (or names) the broker of an option value: {@code embedded}, {@code mosquitto} or a URL.
     *
     * @throws BrokerUnavailableException when mosquitto is not installed
     */
    public static BrokerUnderTest start(String spec) {
        return switch (spec) {
            case BenchOptions.EMBEDDED -> {
                EmbeddedBroker broker = EmbeddedBroker.builder().port(0).bind(EmbeddedBroker.DEFAULT_BIND)
                        .persistence(Persistence.IN_MEMORY).build();
                broker.start();
                yield new BrokerUnderTest(HIVEMQ, URI.create(broker.uri()), "HiveMQ CE " + hiveMqVersion(),
                        broker::close);
            }
            case BenchOptions.MOSQUITTO -> {
                MosquittoBroker broker = MosquittoBroker.start(MosquittoBroker.binary()
                        .orElseThrow(() -> new BrokerUnavailableException(MosquittoBroker.MISSING)), null, 0);
                yield new BrokerUnderTest(MOSQUITTO, URI.create(broker.uri()), mosquittoVersion(), broker::close);
            }
            default -> new BrokerUnderTest(spec, URI.create(spec), sysVersion(URI.create(spec)), null);
        };
    }

    /** The name in the table: {@code hivemq}, {@code mosquitto} or the URL. */
    public String label() {
        return label;
    }

    /** Where clients connect. */
    public URI uri() {
        return uri;
    }

    /** The broker's name and version, {@code unknown} when it does not say. */
    public String version() {
        return version;
    }

    @Override
    public void close() {
        if (stop != null) {
            stop.run();
        }
    }

    private static String hiveMqVersion() {
        try {
            String version = Class.forName("com.hivemq.embedded.EmbeddedHiveMQ").getPackage().getImplementationVersion();
            return version == null ? "unknown" : version;
        } catch (ClassNotFoundException e) {
            return "unknown";
        }
    }

    private static String mosquittoVersion() {
        for (String binary : List.of("mosquitto", "/usr/sbin/mosquitto")) {
            try {
                Process process = new ProcessBuilder(binary, "-h").redirectErrorStream(true).start();
                String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                        .findFirst().orElse("");
                process.waitFor(5, TimeUnit.SECONDS);
                if (first.startsWith("mosquitto version")) {
                    return first.trim();
                }
            } catch (IOException e) {
                // Not on the PATH: try the next place.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "mosquitto (version unknown)";
    }

    /** Mosquitto and several other brokers publish their version, retained, on {@code $SYS/broker/version}. */
    private static String sysVersion(URI uri) {
        CompletableFuture<String> version = new CompletableFuture<>();
        try (MqttLink link = MqttLink.builder().broker(uri).clientId("bench-version-" + ProcessHandle.current().pid())
                .build()) {
            link.start();
            link.subscribe(List.of(Subscription.of("$SYS/broker/version", Qos.AT_MOST_ONCE)), Runnable::run,
                    (InboundMessage m) -> version.complete(m.payloadText()));
            return version.get(500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return "unknown";
        }
    }
}
