package io.neuromesh.gpio.internal.debounce;

import io.neuromesh.gpio.internal.event.Scheduler;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns raw edges into stable level changes: after an edge it waits until the level has stayed unchanged for the
 * whole window, then reports the level if it differs from the one last reported. A burst of bounces inside the
 * window yields at most one change; a zero window reports every edge that changes the level.
 *
 * <p>Confined to the scheduler's thread: call every method there; changes are reported there too.
 */
public final class Debouncer {

    private final Duration window;
    private final Scheduler scheduler;
    private final Consumer<Boolean> onStableChange;
    private boolean reported;
    private boolean latest;
    private Scheduler.Timer pending;

    /**
     * @param initial        the level considered already reported
     * @param window         how long a level must be stable, zero or positive
     * @param scheduler      runs the settle timers; its thread is the only one allowed to call this object
     * @param onStableChange receives each stable level that differs from the previous one
     */
    public Debouncer(boolean initial, Duration window, Scheduler scheduler, Consumer<Boolean> onStableChange) {
        this.reported = initial;
        this.latest = initial;
        this.window = window;
        this.scheduler = scheduler;
        this.onStableChange = onStableChange;
    }

    /**
     * Records a raw level read from the pin; restarts the window.
     *
     * @param level the raw level
     */
    public void onRawLevel(boolean level) {
        latest = level;
        if (window.isZero()) {
            settle();
            return;
        }
        cancel();
        pending = scheduler.schedule(this::settle, window);
    }

    /** Drops a change still waiting for its window to pass. */
    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void settle() {
        pending = null;
        if (latest != reported) {
            reported = latest;
            onStableChange.accept(latest);
        }
    }
}
