package io.neuromesh.edge.internal.gpio;

import io.neuromesh.edge.internal.port.Scheduler;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Puts this node's actuators at their fail-safe level once the node has lost the broker for their
 * {@code failSafeAfter}, and lets them follow their neurons again when it is back. Without the broker no neuron
 * output reaches an actuator, so the level it holds may be stale; a relay must not stay on forever because the Wi-Fi
 * dropped. A {@code hold} actuator has no timeout and is never touched. Brain thread only: the timers run through
 * the brain's {@link Scheduler}, never on a link thread.
 */
final class FailSafeTimer {

    private final String node;
    private final Scheduler scheduler;
    private final Supplier<Collection<OpenActuator>> actuators;
    private final Consumer<OpenActuator> report;
    /** Counts losses and returns: a timer of an earlier loss finds another generation and does nothing. */
    private long generation;
    private boolean lost;

    /**
     * @param actuators the actuators open now (read when a timer fires, so one opened meanwhile counts too)
     * @param report    publishes an actuator's pin state after its level changed (buffered by the link while away)
     */
    FailSafeTimer(String node, Scheduler scheduler, Supplier<Collection<OpenActuator>> actuators,
                  Consumer<OpenActuator> report) {
        this.node = node;
        this.scheduler = scheduler;
        this.actuators = actuators;
        this.report = report;
    }

    /** The link lost the broker: one timer per distinct timeout of the open actuators. A second call is ignored. */
    void brokerLost() {
        if (lost) {
            return;
        }
        lost = true;
        long loss = ++generation;
        actuators.get().stream().map(a -> a.spec().failSafeAfter()).filter(Objects::nonNull).distinct()
                .forEach(after -> scheduler.schedule(() -> expire(loss, after), after.toNanos() / 1000));
    }

    private void expire(long loss, Duration lostFor) {
        if (loss != generation) {
            return;
        }
        for (OpenActuator open : actuators.get()) {
            Duration after = open.spec().failSafeAfter();
            if (after != null && after.compareTo(lostFor) <= 0 && !open.failedSafe()) {
                open.failSafe();
                Logger.warn("node {}: broker lost for {}: {} -> {} (fail-safe)", node, text(lostFor),
                        open.spec().id(), open.spec().failSafe().name().toLowerCase(Locale.ROOT));
                report.accept(open);
            }
        }
    }

    /**
     * The link is connected again (or for the first time): actuators at their fail-safe level follow their neurons'
     * latest outputs as this node knows them; the retained outputs re-delivered on resubscribe follow within
     * milliseconds, in whichever order they reach the brain thread.
     */
    void brokerBack() {
        if (!lost) {
            return;
        }
        lost = false;
        generation++;
        for (OpenActuator open : actuators.get()) {
            if (open.resume()) {
                Logger.info("node {}: broker back: {} follows {} again ({})", node, open.spec().id(),
                        open.spec().neuron(), open.following());
                report.accept(open);
            }
        }
    }

    /** "5s", "1500ms". */
    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
