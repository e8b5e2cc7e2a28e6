package io.neuromesh.gpio;

import java.util.function.Consumer;

/**
 * An open digital input. Levels are logical: {@code true} means active, after
 * {@link DigitalInputConfig#activeLow()} is applied.
 *
 * <p>Threading: every listener of every pin of one {@link GpioPort} is called on that port's single event thread,
 * one change at a time, in the order the changes happened; never on Pi4J's or the kernel's event thread and never
 * while a caller's lock is held. A slow listener delays later changes of all pins of the port, so hand long work
 * off. An exception thrown by a listener is logged and does not stop other listeners or later changes.
 * The other methods may be called from any thread.
 *
 * @since 0.1
 */
public interface DigitalInputPin extends AutoCloseable {

    /**
     * @return the BCM GPIO number of this pin
     */
    int pin();

    /**
     * The debounced logical state: the level listeners were last told about, or the level read when the pin was
     * opened if nothing has changed since.
     *
     * @return true while the input is active
     */
    boolean isActive();

    /**
     * Adds a listener for debounced changes of the logical state. It receives the new state, {@code true} for
     * active. It is called once per change, never twice with the same state in a row; see the class comment for
     * the thread it runs on.
     *
     * @param listener called with the new logical state
     */
    void onChange(Consumer<Boolean> listener);

    /**
     * Stops listening, releases the pin so it can be opened again, and drops any change still being debounced.
     * Idempotent.
     */
    @Override
    void close();
}
