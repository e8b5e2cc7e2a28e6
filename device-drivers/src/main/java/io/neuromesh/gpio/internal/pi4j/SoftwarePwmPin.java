package io.neuromesh.gpio.internal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.neuromesh.gpio.PwmConfig;
import io.neuromesh.gpio.internal.pwm.SoftwarePwm;
import org.tinylog.Logger;

/** PWM generated in software on a Pi4J digital output, for providers without PWM (gpiod). */
final class SoftwarePwmPin extends PwmPin {

    /** Above this the toggling thread mostly spins and the timing jitter eats the duty resolution. */
    private static final int STEADY_MAX_HZ = 1000;

    private final Context context;
    private final DigitalOutput output;
    private final SoftwarePwm pwm;

    private SoftwarePwmPin(PwmConfig config, Context context, DigitalOutput output, Runnable onClosed) {
        super(config, onClosed);
        this.context = context;
        this.output = output;
        this.pwm = new SoftwarePwm("neuromesh-gpio-pwm-" + config.pin(), config.frequencyHz(),
                Polarity.physicalDuty(0.0, config.activeLow()),
                high -> output.state(high ? DigitalState.HIGH : DigitalState.LOW));
    }

    /**
     * Creates the Pi4J output and the toggling thread, inactive.
     *
     * @param onClosed called once when the pin has been released
     */
    static PwmPin open(Pi4jBackend backend, PwmConfig config, Runnable onClosed) {
        if (config.frequencyHz() > STEADY_MAX_HZ) {
            Logger.warn("GPIO pin {}: software PWM at {} Hz keeps a CPU core busy and is imprecise; "
                    + "LEDs need at most {} Hz", config.pin(), config.frequencyHz(), STEADY_MAX_HZ);
        }
        Context context = backend.context();
        DigitalState inactive = Polarity.physical(false, config.activeLow());
        DigitalOutput output = context.create(DigitalOutput.newConfigBuilder(context)
                .id("neuromesh-pwm-" + config.pin())
                .name("Neuromesh software PWM BCM " + config.pin())
                .address(config.pin())
                .initial(inactive)
                .shutdown(inactive)
                .provider(backend.outputProvider()));
        return new SoftwarePwmPin(config, context, output, onClosed).start();
    }

    @Override
    double physicalDutyPercent() {
        return pwm.dutyPercent();
    }

    @Override
    void applyPhysicalDuty(double percent) {
        pwm.setDutyPercent(percent);
    }

    @Override
    void release() {
        pwm.close();
        context.shutdown(output);
    }
}
