package io.neuromesh.broker.internal;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.internal.extension.NeuromeshExtension;
import io.neuromesh.broker.internal.tls.ListenerKeystore;
import org.tinylog.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@link EmbeddedBroker} on HiveMQ CE embedded. One HiveMQ instance per broker: HiveMQ cannot start again after
 * it stopped, so this class is single-use too.
 */
public final class HiveMqBroker implements EmbeddedBroker {

    /** Upper bound for HiveMQ's stop (it usually takes about 4 s) before close gives up waiting. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long HiveMQ's stores still take writes once a stop begins, before they close (HiveMQ's default: 2 s). Its
     * stop closes every client connection and waits for their sessions to be written first, so what is left to write
     * then is HiveMQ's own housekeeping: a short grace loses nothing and a stop takes 2.2 s instead of 4.1 s.
     */
    private static final Duration STORE_CLOSE_GRACE = Duration.ofMillis(250);

    private enum State { NEW, RUNNING, CLOSED }

    private final BrokerConfig config;

    private State state = State.NEW;
    private int port;
    private int tlsPort;
    private String uri;
    private String tlsUri;
    private BrokerFolders folders;
    private EmbeddedHiveMQ hivemq;

    /**
     * @param config checked settings
     */
    public HiveMqBroker(BrokerConfig config) {
        this.config = config;
        this.port = config.plain() ? config.port() : Ports.NONE;
        this.tlsPort = config.tls() == null ? Ports.NONE : config.tls().port();
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
        Ports ports = choosePorts(address);
        int users = NetworkExposure.check(config, address);
        String host = Listeners.uriHost(config.bind(), address);
        uri = ports.hasPlain() ? "tcp://" + host + ":" + ports.plain() : null;
        tlsUri = ports.hasTls() ? "ssl://" + host + ":" + ports.tls() : null;
        folders = BrokerFolders.prepare(config.dataDir());
        ListenerKeystore keystore = ports.hasTls() ? ListenerKeystore.write(config.tls().files(), folders.conf()) : null;
        folders.writeConfig(HiveMqConfigXml.render(config, ports, keystore));
        NeuromeshExtension extension = new NeuromeshExtension(config.topologyGuard(), config.userFile());
        // Read by the stores HiveMQ builds at start; one value for every broker of this JVM.
        InternalConfigurations.PERSISTENCE_SHUTDOWN_GRACE_PERIOD_MSEC.set((int) STORE_CLOSE_GRACE.toMillis());
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folders.conf())
                .withDataFolder(folders.data())
                .withExtensionsFolder(folders.extensions())
                .withEmbeddedExtension(extension.embedded())
                .withoutLoggingBootstrap()
                .build();
        String where = config.bind() + " port " + (ports.hasPlain() ? ports.plain() : ports.tls());
        try {
            hivemq.start().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            extension.awaitStarted(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            for (int listening : new int[] {ports.plain(), ports.tls()}) {
                InetSocketAddress target = new InetSocketAddress(Listeners.connectAddress(address), listening);
                if (listening != Ports.NONE && !Listeners.awaitAccepting(target, deadline)) {
                    throw new BrokerException("port " + listening + " on " + config.bind()
                            + " accepts no connections " + config.startTimeout().toMillis() + " ms after start");
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BrokerException("HiveMQ failed to start on " + where + ": " + oneLine(cause), cause);
        } catch (TimeoutException e) {
            throw new BrokerException("HiveMQ did not start on " + where + " within "
                    + config.startTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while starting the broker on " + where, e);
        }
        Logger.info("MQTT broker listening on {} ({} persistence, data in {}; {})",
                String.join(" and ", Stream.of(uri, tlsUri).filter(Objects::nonNull).toList()),
                config.persistence(), folders.root(), users > 0 ? "authentication on, " + users + " user(s)"
                        : "open: no users");
    }

    /** The configured ports, with a free one for each listener built with port 0; each checked to be bindable. */
    private Ports choosePorts(InetAddress address) {
        // A fixed port of one listener is never given to the other, so a free port is picked around it.
        int fixedTls = config.tls() == null ? Ports.NONE : config.tls().port();
        int plain = Ports.NONE;
        if (config.plain()) {
            plain = config.port();
            while (plain == 0 || plain == fixedTls) {
                plain = Listeners.pickFreePort(address);
            }
            Listeners.checkBindable(config.bind(), address, plain);
        }
        int tls = Ports.NONE;
        if (config.tls() != null) {
            tls = fixedTls;
            while (tls == 0 || tls == plain) {
                tls = Listeners.pickFreePort(address);
            }
            Listeners.checkBindable(config.bind(), address, tls);
        }
        port = plain;
        tlsPort = tls;
        return new Ports(plain, tls);
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
            Logger.info("MQTT broker on {} stopped", uri != null ? uri : tlsUri);
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
        if (!config.plain()) {
            throw new IllegalStateException("no plain listener: this broker serves MQTT over TLS only, see tlsPort()");
        }
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
    public synchronized int tlsPort() {
        if (config.tls() == null) {
            throw new IllegalStateException("no TLS listener: build the broker with tls(port, files)");
        }
        if (tlsPort == 0) {
            throw new IllegalStateException("no TLS port chosen yet: the broker was built with TLS port 0, call"
                    + " start() first");
        }
        return tlsPort;
    }

    @Override
    public synchronized String tlsUri() {
        if (tlsUri == null) {
            InetAddress address = Listeners.resolve(config.bind());
            return "ssl://" + Listeners.uriHost(config.bind(), address) + ":" + tlsPort();
        }
        return tlsUri;
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
