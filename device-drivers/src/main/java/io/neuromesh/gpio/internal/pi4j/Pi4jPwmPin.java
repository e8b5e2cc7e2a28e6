package io.neuromesh.gpio.internal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.pwm.Pwm;
import io.neuromesh.gpio.PwmConfig;

/** PWM through a Pi4J PWM provider (the mock's, in {@code MOCK} mode). Pi4J 3 keeps whole percents. */
final class Pi4jPwmPin extends PwmPin {

    private final Context context;
    private final Pwm pwm;

    private Pi4jPwmPin(PwmConfig config, Context context, Pwm pwm, Runnable onClosed) {
        super(config, onClosed);
        this.context = context;
        this.pwm = pwm;
    }

    /**
     * Creates the Pi4J PWM, inactive.
     *
     * @param onClosed called once when the pin has been released
     */
    static PwmPin open(Pi4jBackend backend, String provider, PwmConfig config, Runnable onClosed) {
        Context context = backend.context();
        Pwm pwm = context.create(Pwm.newConfigBuilder(context)
                .id("neuromesh-pwm-" + config.pin())
                .name("Neuromesh PWM BCM " + config.pin())
                .address(config.pin())
                .frequency(config.frequencyHz())
                .provider(provider));
        return new Pi4jPwmPin(config, context, pwm, onClosed).start();
    }

    @Override
    double physicalDutyPercent() {
        return pwm.isOn() ? pwm.getDutyCycle() : 0.0;
    }

    @Override
    void applyPhysicalDuty(double percent) {
        int whole = (int) Math.round(percent);
        if (whole == 0) {
            pwm.off();
            return;
        }
        pwm.setDutyCycle(whole);
        pwm.on();
    }

    @Override
    void release() {
        context.shutdown(pwm);
    }
}
