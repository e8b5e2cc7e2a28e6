package io.neuromesh.cli.internal.command;

import org.tinylog.Logger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * Tells systemd how a service command ({@code broker}, {@code edge}, {@code worker}) is doing, for the units'
 * {@code Type=notify} and {@code WatchdogSec}: {@code READY=1} once it runs, {@code WATCHDOG=1} every half watchdog
 * period while the JVM is healthy. It runs {@code systemd-notify}, as the JDK cannot send the unix datagram
 * {@code sd_notify} uses (the units say {@code NotifyAccess=all}, since the sender is a child process). Outside
 * systemd ({@code NOTIFY_SOCKET} unset) it does nothing. Its pings come from a thread of its own, never from an MQTT
 * callback thread.
 */
final class SystemdNotify {

    /** How long one {@code systemd-notify} may take; it waits until systemd has read the message. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final boolean enabled;
    private final Optional<Duration> watchdog;

    private SystemdNotify(boolean enabled, Optional<Duration> watchdog) {
        this.enabled = enabled;
        this.watchdog = watchdog;
    }

    /** @return the notifier for the environment systemd gave this process ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC}) */
    static SystemdNotify of(Map<String, String> env) {
        boolean enabled = env.get("NOTIFY_SOCKET") != null && !env.get("NOTIFY_SOCKET").isBlank();
        Optional<Duration> watchdog = Optional.ofNullable(env.get("WATCHDOG_USEC")).filter(usec -> enabled)
                .map(usec -> Duration.of(Long.parseLong(usec.strip()), ChronoUnit.MICROS));
        return new SystemdNotify(enabled, watchdog);
    }

    /** Starts the watchdog pings on a daemon thread named {@code neuromesh-<service>-watchdog}, if systemd wants them. */
    void startWatchdog(String service) {
        watchdog.ifPresent(period -> Thread.ofPlatform().daemon().name("neuromesh-" + service + "-watchdog")
                .start(() -> ping(period.dividedBy(2))));
    }

    /** Says the service runs; returns once systemd has the message, or at once outside systemd. */
    void ready() {
        if (enabled) {
            send("--ready");
        }
    }

    private void ping(Duration interval) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            while (true) {
                // A deadlock (Paho's callback threads are prone to them) stops the pings: systemd then kills and
                // restarts the service after WatchdogSec.
                long[] deadlocked = threads.findDeadlockedThreads();
                if (deadlocked == null) {
                    send("WATCHDOG=1");
                } else {
                    Logger.error("{} threads are deadlocked; no more watchdog pings, systemd will restart the service",
                            deadlocked.length);
                    return;
                }
                Thread.sleep(interval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(String message) {
        try {
            Process notify = new ProcessBuilder("systemd-notify", message).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!notify.waitFor(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                notify.destroyForcibly();
                Logger.warn("systemd-notify {} did not finish within {} s", message, SEND_TIMEOUT.toSeconds());
            } else if (notify.exitValue() != 0) {
                Logger.warn("systemd-notify {} failed (exit {})", message, notify.exitValue());
            }
        } catch (IOException e) {
            Logger.warn("cannot run systemd-notify {}: {}", message, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
