package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.mqtt.Backoff;
import io.neuromesh.mqtt.LoginRefusedException;
import io.neuromesh.mqtt.MqttLinkException;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts a long-running part ({@code edge}'s runtime, a worker) that needs the broker, waiting for a broker that is
 * not up yet: build, start; when start fails, say so in one line (again only when the reason changes), close the
 * part, wait with the link's backoff and try again, until it starts or {@link #stop()} is called.
 *
 * @param <T> the part
 */
public final class BrokerWait<T> {

    private final String command;
    private final URI broker;
    private final Backoff backoff;
    private final Consumer<T> start;
    private final Consumer<T> close;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile T current;

    /**
     * @param command the command name for the message ({@code edge}, {@code worker})
     * @param broker  the broker, for the message
     * @param backoff delays between attempts
     * @param start   starts a part (returns when ready, throws {@link MqttLinkException} saying why not)
     * @param close   closes a part (idempotent)
     */
    public BrokerWait(String command, URI broker, Backoff backoff, Consumer<T> start, Consumer<T> close) {
        this.command = command;
        this.broker = broker;
        this.backoff = backoff;
        this.start = start;
        this.close = close;
    }

    /**
     * Builds parts with {@code build} and starts them until one starts; blocks the calling thread meanwhile.
     *
     * @param err where the waiting line goes
     * @return the started part, or null when {@link #stop()} was called first
     * @throws InterruptedException   when interrupted while waiting between attempts
     * @throws CommandFailedException when the broker refused the user: waiting cannot fix that
     */
    public T start(Supplier<T> build, PrintStream err) throws InterruptedException {
        String said = null;
        for (int attempt = 1; ; attempt++) {
            T part = build.get();
            current = part;
            if (stopping.getCount() == 0) {
                close.accept(part);
                return null;
            }
            try {
                start.accept(part);
                return part;
            } catch (LoginRefusedException e) {
                // Waiting cannot fix a password: stop with the reason.
                close.accept(part);
                throw new CommandFailedException(e.getMessage());
            } catch (MqttLinkException e) {
                close.accept(part);
                if (stopping.getCount() == 0) {
                    return null;
                }
                if (!Objects.equals(said, e.getMessage())) {
                    said = e.getMessage();
                    err.println("neuromesh " + command + ": waiting for the broker at " + broker + ": " + said);
                    err.flush();
                }
            }
            Duration delay = backoff.delayBefore(attempt, ThreadLocalRandom.current());
            if (stopping.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                return null;
            }
        }
    }

    /** Stops waiting and closes the current part, started or not; from any thread (e.g. a shutdown hook). */
    public void stop() {
        stopping.countDown();
        T part = current;
        if (part != null) {
            close.accept(part);
        }
    }
}
