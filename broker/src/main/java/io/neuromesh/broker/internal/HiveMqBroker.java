package io.neuromesh.broker.internal;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.internal.extension.NeuromeshExtension;
import org.tinylog.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link EmbeddedBroker} on HiveMQ CE embedded. One HiveMQ instance per broker: HiveMQ cannot start again after
 * it stopped, so this class is single-use too.
 */
public final class HiveMqBroker implements EmbeddedBroker {

    /** Upper bound for HiveMQ's stop (it usually takes about 4 s) before close gives up waiting. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private enum State { NEW, RUNNING, CLOSED }

    private final BrokerConfig config;

    private State state = State.NEW;
    private int port;
    private String uri;
    private BrokerFolders folders;
    private EmbeddedHiveMQ hivemq;

    /**
     * @param config checked settings
     */
    public HiveMqBroker(BrokerConfig config) {
        this.config = config;
        this.port = config.port();
    }

    @Override
    public synchronized void start() {
        switch (state) {
            case RUNNING -> {
                return;
            }
            case CLOSED -> throw new IllegalStateException(
                    "this EmbeddedBroker was closed: instances are single-use, build a new one to start again");
            case NEW -> {
                try {
                    launch();
                    state = State.RUNNING;
                } catch (RuntimeException e) {
                    close();
                    throw e;
                }
            }
        }
    }

    private void launch() {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        InetAddress address = Listeners.resolve(config.bind());
        int chosen = config.port() == 0 ? Listeners.pickFreePort(address) : config.port();
        Listeners.checkBindable(config.bind(), address, chosen);
        int users = NetworkExposure.check(config, address);
        port = chosen;
        uri = "tcp://" + Listeners.uriHost(config.bind(), address) + ":" + chosen;
        folders = BrokerFolders.prepare(config.dataDir(), HiveMqConfigXml.render(config, chosen));
        NeuromeshExtension extension = new NeuromeshExtension(config.topologyGuard(), config.userFile());
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folders.conf())
                .withDataFolder(folders.data())
                .withExtensionsFolder(folders.extensions())
                .withEmbeddedExtension(extension.embedded())
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            extension.awaitStarted(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            InetSocketAddress target = new InetSocketAddress(Listeners.connectAddress(address), chosen);
            if (!Listeners.awaitAccepting(target, deadline)) {
                throw new BrokerException("port " + chosen + " on " + config.bind()
                        + " accepts no connections " + config.startTimeout().toMillis() + " ms after start");
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BrokerException("HiveMQ failed to start on " + config.bind() + " port " + chosen + ": "
                    + oneLine(cause), cause);
        } catch (TimeoutException e) {
            throw new BrokerException("HiveMQ did not start on " + config.bind() + " port " + chosen + " within "
                    + config.startTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while starting the broker on " + uri, e);
        }
        Logger.info("MQTT broker listening on {} ({} persistence, data in {}; {})",
                uri, config.persistence(), folders.root(), users > 0 ? "authentication on, " + users + " user(s)"
                        : "open: no users");
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasRunning = state == State.RUNNING;
        state = State.CLOSED;
        if (hivemq != null) {
            stopHiveMq();
        }
        if (folders != null) {
            try {
                folders.close();
            } catch (IOException e) {
                Logger.warn("Cannot release the broker folder {}: {}", folders.root(), e);
            }
        }
        if (wasRunning) {
            Logger.info("MQTT broker on {} stopped", uri);
        }
    }

    private void stopHiveMq() {
        // HiveMQ stops on its own state thread; when a start hangs there, close() would wait forever.
        Thread stopper = Thread.ofPlatform().daemon().name("neuromesh-broker-stop").start(() -> {
            try {
                hivemq.close();
            } catch (ExecutionException e) {
                Logger.warn("HiveMQ did not stop cleanly: {}", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            if (!stopper.join(STOP_TIMEOUT)) {
                Logger.warn("HiveMQ did not stop within {} ms; leaving it behind", STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("no port chosen yet: the broker was built with port 0, call start() first");
        }
        return port;
    }

    @Override
    public synchronized String uri() {
        if (uri == null) {
            InetAddress address = Listeners.resolve(config.bind());
            return "tcp://" + Listeners.uriHost(config.bind(), address) + ":" + port();
        }
        return uri;
    }

    @Override
    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    @Override
    public synchronized Path dataDir() {
        if (config.dataDir() != null) {
            return config.dataDir();
        }
        if (folders == null) {
            throw new IllegalStateException("no data directory yet: an in-memory broker creates it in start()");
        }
        return folders.root();
    }
}
