package io.neuromesh.gpio.internal.pi4j;

import io.neuromesh.gpio.DigitalInputConfig;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.gpio.DigitalOutputConfig;
import io.neuromesh.gpio.DigitalOutputPin;
import io.neuromesh.gpio.GpioException;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.gpio.GpioPort;
import io.neuromesh.gpio.GpioSimulator;
import io.neuromesh.gpio.PwmConfig;
import io.neuromesh.gpio.PwmOutputPin;
import io.neuromesh.gpio.internal.event.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.tinylog.Logger;

/** The {@link GpioPort} on Pi4J: keeps the open pins, one per number, and the event thread their inputs share. */
public final class Pi4jGpioPort implements GpioPort {

    private final Pi4jBackend backend;
    private final Scheduler events;
    private final Optional<GpioSimulator> simulator;
    private final Map<Integer, OpenPin> pins = new HashMap<>();
    private boolean closed;

    /**
     * @param backend the Pi4J context and providers; closed with the port
     * @param events  the thread input listeners run on; closed with the port
     */
    public Pi4jGpioPort(Pi4jBackend backend, Scheduler events) {
        this.backend = backend;
        this.events = events;
        this.simulator = backend.mode() == GpioMode.MOCK ? Optional.of(new MockGpioSimulator(this)) : Optional.empty();
        Logger.info("GPIO port open ({})", backend.mode().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public DigitalInputPin openInput(DigitalInputConfig config) {
        Objects.requireNonNull(config, "config");
        String details = "pull " + config.pull() + ", debounce " + config.debounce().toMillis() + " ms, "
                + polarity(config.activeLow());
        return open(config.pin(), PinKind.INPUT, details,
                onClosed -> Pi4jDigitalInputPin.open(backend, events, config, onClosed));
    }

    @Override
    public DigitalOutputPin openOutput(DigitalOutputConfig config) {
        Objects.requireNonNull(config, "config");
        String details = polarity(config.activeLow()) + ", initially "
                + (config.initialActive() ? "active" : "inactive");
        return open(config.pin(), PinKind.OUTPUT, details,
                onClosed -> Pi4jDigitalOutputPin.open(backend, config, onClosed));
    }

    @Override
    public PwmOutputPin openPwm(PwmConfig config) {
        Objects.requireNonNull(config, "config");
        String details = config.frequencyHz() + " Hz, " + polarity(config.activeLow()) + ", "
                + (backend.pwmProvider().isPresent() ? "Pi4J PWM" : "software PWM");
        return open(config.pin(), PinKind.PWM, details, onClosed -> backend.pwmProvider()
                .map(provider -> Pi4jPwmPin.open(backend, provider, config, onClosed))
                .orElseGet(() -> SoftwarePwmPin.open(backend, config, onClosed)));
    }

    @Override
    public GpioMode mode() {
        return backend.mode();
    }

    @Override
    public Optional<GpioSimulator> simulator() {
        return simulator;
    }

    @Override
    public void close() {
        List<OpenPin> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(pins.values());
        }
        try {
            for (OpenPin pin : open) {
                closeQuietly(pin);
            }
            backend.close();
        } finally {
            events.close();
            Logger.info("GPIO port closed");
        }
    }

    /**
     * @param pin BCM GPIO number
     * @return the pin open under that number
     * @throws IllegalStateException if none is
     */
    synchronized OpenPin openPin(int pin) {
        OpenPin open = pins.get(pin);
        if (open == null) {
            throw new IllegalStateException("pin " + pin + " is not open on this port (open: "
                    + pins.keySet().stream().sorted().toList() + ")");
        }
        return open;
    }

    private synchronized <P extends OpenPin> P open(int pin, PinKind kind, String details,
                                                    Function<Runnable, P> create) {
        if (closed) {
            throw new IllegalStateException("the GPIO port is closed");
        }
        OpenPin existing = pins.get(pin);
        if (existing != null) {
            throw new IllegalStateException("pin " + pin + " is already open as " + existing.kind());
        }
        P created;
        try {
            created = create.apply(new Release(pin));
        } catch (GpioException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GpioException("pin " + pin + ": cannot open as " + kind + ": " + causes(e), e);
        }
        pins.put(pin, created);
        Logger.info("GPIO pin {} open as {} ({})", pin, kind, details);
        return created;
    }

    private static String polarity(boolean activeLow) {
        return activeLow ? "active low" : "active high";
    }

    // Pi4J wraps the kernel's reason (busy line, bad offset) in two layers of "failed to initialize".
    private static String causes(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = error; cause != null && messages.size() < 5; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (!messages.contains(message)) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }

    private static void closeQuietly(OpenPin pin) {
        try {
            pin.close();
        } catch (RuntimeException e) {
            Logger.warn(e, "GPIO pin {} did not close cleanly", pin.pin());
        }
    }

    /** Forgets a pin once it has closed, so its number can be opened again. */
    private final class Release implements Runnable {

        private final int pin;

        Release(int pin) {
            this.pin = pin;
        }

        @Override
        public void run() {
            synchronized (Pi4jGpioPort.this) {
                pins.remove(pin);
            }
        }
    }
}
