package io.neuromesh.cli.internal.command;

import java.util.concurrent.CountDownLatch;

/**
 * How a service command ({@code broker}, {@code edge}, {@code worker}) runs until SIGTERM / Ctrl-C: a shutdown hook
 * closes what the command started, and the command's thread waits until it has. Under systemd it also tells the
 * service manager when the service is ready and keeps its watchdog fed ({@link SystemdNotify}).
 */
public final class UntilShutdown {

    private final CountDownLatch closed = new CountDownLatch(1);
    private final SystemdNotify systemd = SystemdNotify.of(System.getenv());
    private volatile boolean requested;

    private UntilShutdown() {
    }

    /**
     * Registers the shutdown hook, a thread named {@code neuromesh-<service>-shutdown}; register it before starting
     * the service, so that a signal during the start still closes it.
     *
     * @param close closes what the command started; runs on the hook's thread
     */
    public static UntilShutdown register(String service, Runnable close) {
        UntilShutdown until = new UntilShutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            until.requested = true;
            close.run();
            until.closed.countDown();
        }, "neuromesh-" + service + "-shutdown"));
        until.systemd.startWatchdog(service);
        return until;
    }

    /** True once the shutdown hook has begun: a start that failed meanwhile failed because of it. */
    public boolean requested() {
        return requested;
    }

    /** Says the service is ready (to systemd, when it runs the service), then blocks until the hook has closed it. */
    public void await() throws InterruptedException {
        systemd.ready();
        closed.await();
    }
}
