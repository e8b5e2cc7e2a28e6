package io.neuromesh.gpio.internal.pi4j;

import io.neuromesh.gpio.PwmConfig;
import io.neuromesh.gpio.PwmOutputPin;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tinylog.Logger;

/** What both PWM implementations share: duty validation, polarity, close bookkeeping. */
abstract class PwmPin implements PwmOutputPin, OpenPin {

    private final PwmConfig config;
    private final Runnable onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile double dutyPercent;

    PwmPin(PwmConfig config, Runnable onClosed) {
        this.config = config;
        this.onClosed = onClosed;
    }

    @Override
    public final int pin() {
        return config.pin();
    }

    @Override
    public final PinKind kind() {
        return PinKind.PWM;
    }

    @Override
    public final synchronized void setDutyPercent(double percent) {
        if (!(percent >= 0.0 && percent <= 100.0)) {
            throw new IllegalArgumentException("dutyPercent: must be 0-100, got " + percent);
        }
        if (closed.get()) {
            throw new IllegalStateException("pin " + config.pin() + " is closed");
        }
        dutyPercent = percent;
        applyPhysicalDuty(Polarity.physicalDuty(percent, config.activeLow()));
        Logger.debug("GPIO pin {} PWM duty {} %", config.pin(), percent);
    }

    @Override
    public final double dutyPercent() {
        return dutyPercent;
    }

    @Override
    public final synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            applyPhysicalDuty(Polarity.physicalDuty(0.0, config.activeLow()));
            release();
        } finally {
            onClosed.run();
            Logger.info("GPIO pin {} closed (PWM)", config.pin());
        }
    }

    /** Starts the output inactive; call once, right after construction. */
    final PwmPin start() {
        applyPhysicalDuty(Polarity.physicalDuty(0.0, config.activeLow()));
        return this;
    }

    /**
     * @return the share of each period the pin is high, in percent, as the hardware layer holds it
     */
    abstract double physicalDutyPercent();

    abstract void applyPhysicalDuty(double percent);

    abstract void release();
}
