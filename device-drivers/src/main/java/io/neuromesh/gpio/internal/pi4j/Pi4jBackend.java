package io.neuromesh.gpio.internal.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import io.neuromesh.gpio.GpioException;
import io.neuromesh.gpio.GpioMode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Pi4J context built with explicit providers (never auto-detected), and the provider ids pins are created with.
 * Without a PWM provider, PWM pins are generated in software on a digital output.
 */
public final class Pi4jBackend implements AutoCloseable {

    // Pi4J's gpiod library keeps the chip and its lines in one JVM-wide singleton: two contexts would share them.
    private static final AtomicBoolean GPIOD_IN_USE = new AtomicBoolean();

    private final GpioMode mode;
    private final Context context;
    private final String inputProvider;
    private final String outputProvider;
    private final Optional<String> pwmProvider;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param mode           {@link GpioMode#MOCK} (pins are Pi4J mocks) or {@link GpioMode#GPIOD}
     * @param context        the Pi4J context; closed with this backend
     * @param inputProvider  id of the digital input provider
     * @param outputProvider id of the digital output provider
     * @param pwmProvider    id of the PWM provider, or empty for software PWM
     */
    public Pi4jBackend(GpioMode mode, Context context, String inputProvider, String outputProvider,
                       Optional<String> pwmProvider) {
        this.mode = mode;
        this.context = context;
        this.inputProvider = inputProvider;
        this.outputProvider = outputProvider;
        this.pwmProvider = pwmProvider;
    }

    /**
     * @return a backend on Pi4J's mock plugin, with its mock PWM provider
     */
    public static Pi4jBackend mock() {
        var input = MockDigitalInputProvider.newInstance();
        var output = MockDigitalOutputProvider.newInstance();
        var pwm = MockPwmProvider.newInstance();
        Context context = Pi4J.newContextBuilder().add(new MockPlatform()).add(input, output, pwm).build();
        return new Pi4jBackend(GpioMode.MOCK, context, input.id(), output.id(), Optional.of(pwm.id()));
    }

    /**
     * @param chipName the header chip's device name, for example {@code gpiochip0}
     * @return a backend on Pi4J's gpiod plugin, with software PWM
     * @throws GpioException if another GPIOD backend is open in this JVM or Pi4J cannot start
     */
    public static Pi4jBackend gpiod(String chipName) {
        if (!GPIOD_IN_USE.compareAndSet(false, true)) {
            throw new GpioException("a gpiod GPIO port is already open in this process: close it first");
        }
        try {
            var input = GpioDDigitalInputProvider.newInstance();
            var output = GpioDDigitalOutputProvider.newInstance();
            Context context = Pi4J.newContextBuilder().setGpioChipName(chipName).add(input, output).build();
            return new Pi4jBackend(GpioMode.GPIOD, context, input.id(), output.id(), Optional.empty());
        } catch (RuntimeException | LinkageError e) {
            GPIOD_IN_USE.set(false);
            throw new GpioException("cannot start Pi4J's gpiod plugin on " + chipName + ": " + e, e);
        }
    }

    GpioMode mode() {
        return mode;
    }

    Context context() {
        return context;
    }

    String inputProvider() {
        return inputProvider;
    }

    String outputProvider() {
        return outputProvider;
    }

    Optional<String> pwmProvider() {
        return pwmProvider;
    }

    /** Shuts the Pi4J context down. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            context.shutdown();
        } finally {
            if (mode == GpioMode.GPIOD) {
                GPIOD_IN_USE.set(false);
            }
        }
    }
}
