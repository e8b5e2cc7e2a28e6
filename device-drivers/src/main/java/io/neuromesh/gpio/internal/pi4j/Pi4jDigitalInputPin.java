package io.neuromesh.gpio.internal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.neuromesh.gpio.DigitalInputConfig;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.gpio.Pull;
import io.neuromesh.gpio.internal.debounce.Debouncer;
import io.neuromesh.gpio.internal.event.Scheduler;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * A Pi4J digital input whose edges are handed to the port's event thread, debounced there, and reported to
 * listeners there. Pi4J's own debounce is off (it takes raw microseconds and the mock ignores it).
 */
final class Pi4jDigitalInputPin implements DigitalInputPin, OpenPin {

    private final DigitalInputConfig config;
    private final Context context;
    private final DigitalInput input;
    private final Scheduler events;
    private final Runnable onClosed;
    private final Debouncer debouncer;
    private final DigitalStateChangeListener rawListener = event -> onRawState(event.state());
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean active;

    private Pi4jDigitalInputPin(DigitalInputConfig config, Context context, DigitalInput input, Scheduler events,
                                Runnable onClosed) {
        this.config = config;
        this.context = context;
        this.input = input;
        this.events = events;
        this.onClosed = onClosed;
        this.active = Polarity.isActive(input.state(), config.activeLow());
        this.debouncer = new Debouncer(active, config.debounce(), events, this::report);
    }

    /**
     * Creates the Pi4J input and starts listening.
     *
     * @param onClosed called once when the pin has been released
     */
    static Pi4jDigitalInputPin open(Pi4jBackend backend, Scheduler events, DigitalInputConfig config,
                                    Runnable onClosed) {
        Context context = backend.context();
        DigitalInput input = context.create(DigitalInput.newConfigBuilder(context)
                .id("neuromesh-in-" + config.pin())
                .name("Neuromesh input BCM " + config.pin())
                .address(config.pin())
                .pull(pullResistance(config.pull()))
                .debounce(0L)
                .provider(backend.inputProvider()));
        if (input instanceof MockDigitalInput mock && config.pull() == Pull.UP) {
            // A simulated button at rest reads what its pull resistor makes of it, as real wires would.
            mock.mockState(DigitalState.HIGH);
        }
        Pi4jDigitalInputPin pin = new Pi4jDigitalInputPin(config, context, input, events, onClosed);
        input.addListener(pin.rawListener);
        // An edge between reading the initial state and adding the listener would be lost: compare once more.
        pin.onRawState(input.state());
        return pin;
    }

    static PullResistance pullResistance(Pull pull) {
        return switch (pull) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            case OFF -> PullResistance.OFF;
        };
    }

    @Override
    public int pin() {
        return config.pin();
    }

    @Override
    public PinKind kind() {
        return PinKind.INPUT;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The Pi4J input, for the simulator and tests. */
    DigitalInput pi4j() {
        return input;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        input.removeListener(rawListener);
        events.execute(debouncer::cancel);
        try {
            context.shutdown(input);
        } finally {
            onClosed.run();
            Logger.info("GPIO pin {} closed (input)", config.pin());
        }
    }

    // Runs on Pi4J's thread (the kernel event thread, or the simulator's caller): only hand the edge over.
    private void onRawState(DigitalState state) {
        if (state == DigitalState.UNKNOWN) {
            return;
        }
        boolean level = Polarity.isActive(state, config.activeLow());
        Logger.trace("GPIO pin {} raw edge: {}", config.pin(), state);
        events.execute(() -> {
            if (!closed.get()) {
                debouncer.onRawLevel(level);
            }
        });
    }

    private void report(boolean level) {
        if (closed.get()) {
            return;
        }
        active = level;
        Logger.debug("GPIO pin {} input {}", config.pin(), level ? "active" : "inactive");
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(level);
            } catch (RuntimeException e) {
                Logger.warn(e, "GPIO pin {} listener failed", config.pin());
            }
        }
    }
}
