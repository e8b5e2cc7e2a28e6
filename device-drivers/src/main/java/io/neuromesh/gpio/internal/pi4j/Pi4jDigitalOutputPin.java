package io.neuromesh.gpio.internal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.neuromesh.gpio.DigitalOutputConfig;
import io.neuromesh.gpio.DigitalOutputPin;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tinylog.Logger;

/** A Pi4J digital output; Pi4J drives it inactive when it is shut down. */
final class Pi4jDigitalOutputPin implements DigitalOutputPin, OpenPin {

    private final DigitalOutputConfig config;
    private final Context context;
    private final DigitalOutput output;
    private final Runnable onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Pi4jDigitalOutputPin(DigitalOutputConfig config, Context context, DigitalOutput output,
                                 Runnable onClosed) {
        this.config = config;
        this.context = context;
        this.output = output;
        this.onClosed = onClosed;
    }

    /**
     * Creates the Pi4J output, driven to the configured initial state.
     *
     * @param onClosed called once when the pin has been released
     */
    static Pi4jDigitalOutputPin open(Pi4jBackend backend, DigitalOutputConfig config, Runnable onClosed) {
        Context context = backend.context();
        DigitalOutput output = context.create(DigitalOutput.newConfigBuilder(context)
                .id("neuromesh-out-" + config.pin())
                .name("Neuromesh output BCM " + config.pin())
                .address(config.pin())
                .initial(Polarity.physical(config.initialActive(), config.activeLow()))
                .shutdown(Polarity.physical(false, config.activeLow()))
                .provider(backend.outputProvider()));
        return new Pi4jDigitalOutputPin(config, context, output, onClosed);
    }

    @Override
    public int pin() {
        return config.pin();
    }

    @Override
    public PinKind kind() {
        return PinKind.OUTPUT;
    }

    @Override
    public void setActive(boolean active) {
        if (closed.get()) {
            throw new IllegalStateException("pin " + config.pin() + " is closed");
        }
        output.state(Polarity.physical(active, config.activeLow()));
        Logger.debug("GPIO pin {} output {}", config.pin(), active ? "active" : "inactive");
    }

    @Override
    public boolean isActive() {
        return Polarity.isActive(output.state(), config.activeLow());
    }

    /** The physical level the pin is driven to, for the simulator. */
    boolean isHigh() {
        return output.state() == DigitalState.HIGH;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            context.shutdown(output);
        } finally {
            onClosed.run();
            Logger.info("GPIO pin {} closed (output)", config.pin());
        }
    }
}
