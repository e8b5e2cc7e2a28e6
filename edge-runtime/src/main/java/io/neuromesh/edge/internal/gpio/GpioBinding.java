package io.neuromesh.edge.internal.gpio;

import io.neuromesh.edge.GpioSetting;
import io.neuromesh.gpio.DigitalInputConfig;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.gpio.DigitalOutputConfig;
import io.neuromesh.gpio.DigitalOutputPin;
import io.neuromesh.gpio.Gpio;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.gpio.GpioPort;
import io.neuromesh.gpio.GpioSimulator;
import io.neuromesh.gpio.PwmConfig;
import io.neuromesh.gpio.PwmOutputPin;
import io.neuromesh.gpio.Pull;
import io.neuromesh.topology.ActuatorKind;
import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.Topology;
import org.tinylog.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The GPIO pins a topology declares for this node: opens, moves and closes them as topologies change, turns input
 * changes into sensor events on the brain thread, and drives outputs from neuron outputs. All methods run on the
 * brain thread; pin listeners hand over to it. The port is opened only when a topology first needs a pin, so nodes
 * without sensors never touch GPIO.
 */
public final class GpioBinding implements AutoCloseable {

    /** Receives sensor changes on the brain thread. */
    @FunctionalInterface
    public interface SensorListener {
        /** The sensor's input changed; {@code value} is its mapped value (high or low). */
        void sensorChanged(SensorSpec sensor, double value);
    }

    /** Publishes a pin's state for watchers; {@code json} null clears it (the pin was closed). */
    @FunctionalInterface
    public interface PinReporter {
        void pinState(int pin, String json);
    }

    /** What a reconcile did: the errors if it was refused, and the sensors opened (whose value should be announced). */
    public record Outcome(List<String> errors, List<SensorSpec> openedSensors) {
        public boolean refused() {
            return !errors.isEmpty();
        }
    }

    private record OpenSensor(SensorSpec spec, DigitalInputPin pin) {
    }

    private record OpenActuator(ActuatorSpec spec, DigitalOutputPin digital, PwmOutputPin pwm) {
        void close() {
            if (digital != null) {
                digital.close();
            } else {
                pwm.close();
            }
        }
    }

    private final String node;
    private final GpioSetting setting;
    private final Executor brain;
    private final SensorListener listener;
    private final PinReporter reporter;
    private final Map<String, OpenSensor> sensors = new LinkedHashMap<>();
    private final Map<String, OpenActuator> actuators = new LinkedHashMap<>();
    private GpioPort port;

    public GpioBinding(String node, GpioSetting setting, Executor brain, SensorListener listener, PinReporter reporter) {
        this.node = node;
        this.setting = setting;
        this.brain = brain;
        this.listener = listener;
        this.reporter = reporter;
    }

    /**
     * Makes the open pins match {@code topology}: sensors and actuators removed or moved are closed, new or moved
     * ones opened; the others are not touched. All or nothing: when a pin cannot be opened, everything is put back
     * as it was and the errors are returned.
     */
    public Outcome reconcile(Topology topology) {
        List<SensorSpec> wantedSensors = new ArrayList<>();
        for (SensorSpec s : topology.sensors()) {
            if (!s.isVirtual() && s.gpio().node().equals(node)) {
                wantedSensors.add(s);
            }
        }
        List<ActuatorSpec> wantedActuators = new ArrayList<>();
        for (ActuatorSpec a : topology.actuators()) {
            if (a.node().equals(node)) {
                wantedActuators.add(a);
            }
        }
        if (setting == GpioSetting.OFF && (!wantedSensors.isEmpty() || !wantedActuators.isEmpty())) {
            List<String> errors = new ArrayList<>();
            wantedSensors.forEach(s -> errors.add("sensors[" + topology.sensors().indexOf(s) + "].node: node " + node
                    + " has no GPIO (it runs with --gpio off), so it cannot read pin " + s.gpio().pin()));
            wantedActuators.forEach(a -> errors.add("actuators[" + topology.actuators().indexOf(a) + "].node: node "
                    + node + " has no GPIO (it runs with --gpio off), so it cannot drive pin " + a.pin()));
            return new Outcome(errors, List.of());
        }
        Map<String, SensorSpec> sensorsToOpen = new LinkedHashMap<>();
        List<OpenSensor> sensorsToClose = new ArrayList<>();
        Map<String, SensorSpec> sensorUpdates = new LinkedHashMap<>();
        for (SensorSpec s : wantedSensors) {
            OpenSensor open = sensors.get(s.id());
            if (open == null || !open.spec().gpio().equals(s.gpio())) {
                sensorsToOpen.put(s.id(), s);
                if (open != null) {
                    sensorsToClose.add(open);
                }
            } else if (!open.spec().equals(s)) {
                sensorUpdates.put(s.id(), s);
            }
        }
        Set<String> wantedSensorIds = new LinkedHashSet<>();
        wantedSensors.forEach(s -> wantedSensorIds.add(s.id()));
        sensors.values().stream().filter(o -> !wantedSensorIds.contains(o.spec().id())).forEach(sensorsToClose::add);

        Map<String, ActuatorSpec> actuatorsToOpen = new LinkedHashMap<>();
        List<OpenActuator> actuatorsToClose = new ArrayList<>();
        Set<String> wantedActuatorIds = new LinkedHashSet<>();
        for (ActuatorSpec a : wantedActuators) {
            wantedActuatorIds.add(a.id());
            OpenActuator open = actuators.get(a.id());
            if (open == null || !open.spec().equals(a)) {
                actuatorsToOpen.put(a.id(), a);
                if (open != null) {
                    actuatorsToClose.add(open);
                }
            }
        }
        actuators.values().stream().filter(o -> !wantedActuatorIds.contains(o.spec().id()))
                .forEach(actuatorsToClose::add);

        if (!sensorsToOpen.isEmpty() || !actuatorsToOpen.isEmpty()) {
            try {
                ensurePort();
            } catch (RuntimeException e) {
                return new Outcome(List.of("gpio: node " + node + " cannot open its GPIO: " + e.getMessage()), List.of());
            }
        }
        // Close first: a topology may swap two pins between sensors.
        sensorsToClose.forEach(this::closeSensor);
        actuatorsToClose.forEach(this::closeActuator);
        List<String> errors = new ArrayList<>();
        List<OpenSensor> opened = new ArrayList<>();
        List<OpenActuator> openedActuators = new ArrayList<>();
        for (SensorSpec s : sensorsToOpen.values()) {
            try {
                opened.add(openSensor(s));
            } catch (RuntimeException e) {
                errors.add("sensors[" + topology.sensors().indexOf(s) + "].pin: node " + node + " cannot open GPIO "
                        + s.gpio().pin() + ": " + e.getMessage());
            }
        }
        for (ActuatorSpec a : actuatorsToOpen.values()) {
            try {
                openedActuators.add(openActuator(a));
            } catch (RuntimeException e) {
                errors.add("actuators[" + topology.actuators().indexOf(a) + "].pin: node " + node
                        + " cannot open GPIO " + a.pin() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            opened.forEach(this::closeSensor);
            openedActuators.forEach(this::closeActuator);
            sensorsToClose.forEach(o -> reopen(() -> openSensor(o.spec())));
            actuatorsToClose.forEach(o -> reopen(() -> openActuator(o.spec())));
            return new Outcome(errors, List.of());
        }
        sensorUpdates.forEach((id, spec) -> sensors.put(id, new OpenSensor(spec, sensors.get(id).pin())));
        return new Outcome(List.of(), opened.stream().map(OpenSensor::spec).toList());
    }

    private void reopen(Runnable open) {
        try {
            open.run();
        } catch (RuntimeException e) {
            Logger.error("node {}: could not restore a GPIO pin after a refused topology: {}", node, e.getMessage());
        }
    }

    private void ensurePort() {
        if (port == null) {
            GpioMode mode = switch (setting) {
                case MOCK -> GpioMode.MOCK;
                case GPIOD -> GpioMode.GPIOD;
                default -> GpioMode.AUTO;
            };
            port = Gpio.open(mode);
            Logger.info("node {}: GPIO opened ({})", node, port.mode().name().toLowerCase());
        }
    }

    private OpenSensor openSensor(SensorSpec spec) {
        DigitalInputPin pin = port.openInput(new DigitalInputConfig(spec.gpio().pin(),
                Pull.valueOf(spec.gpio().pull().name()), spec.gpio().debounce(), spec.gpio().activeLow()));
        OpenSensor open = new OpenSensor(spec, pin);
        sensors.put(spec.id(), open);
        pin.onChange(active -> brain.execute(() -> sensorEdge(spec.id(), pin, active)));
        reportInput(open, pin.isActive());
        return open;
    }

    private void sensorEdge(String id, DigitalInputPin pin, boolean active) {
        OpenSensor open = sensors.get(id);
        if (open == null || open.pin() != pin) {
            return;
        }
        reportInput(open, active);
        listener.sensorChanged(open.spec(), valueOf(open.spec(), active));
    }

    /** The value a sensor publishes for an active or inactive pin (its topology's {@code value} mapping). */
    public static double valueOf(SensorSpec sensor, boolean active) {
        return active ? sensor.value().high() : sensor.value().low();
    }

    /** Whether a sensor's pin is active now. */
    public boolean isActive(SensorSpec sensor) {
        OpenSensor open = sensors.get(sensor.id());
        return open != null && open.pin().isActive();
    }

    private void closeSensor(OpenSensor open) {
        open.pin().close();
        sensors.remove(open.spec().id(), open);
        reporter.pinState(open.spec().gpio().pin(), null);
    }

    private OpenActuator openActuator(ActuatorSpec spec) {
        OpenActuator open;
        if (spec.kind() == ActuatorKind.PWM) {
            open = new OpenActuator(spec, null, port.openPwm(new PwmConfig(spec.pin(), spec.pwm().frequencyHz(),
                    spec.activeLow())));
        } else {
            open = new OpenActuator(spec, port.openOutput(new DigitalOutputConfig(spec.pin(), spec.activeLow(), false)),
                    null);
        }
        actuators.put(spec.id(), open);
        reportOutput(open);
        return open;
    }

    private void closeActuator(OpenActuator open) {
        open.close();
        actuators.remove(open.spec().id(), open);
        reporter.pinState(open.spec().pin(), null);
    }

    /** Neurons whose outputs drive an actuator of this node. */
    public Set<String> followedNeurons() {
        Set<String> neurons = new LinkedHashSet<>();
        actuators.values().forEach(a -> neurons.add(a.spec().neuron()));
        return neurons;
    }

    /** A followed neuron's output changed: drives its actuators (digital on/off, PWM at its duty or 0). */
    public void neuronOutput(String neuron, int value) {
        for (OpenActuator open : actuators.values()) {
            if (!open.spec().neuron().equals(neuron)) {
                continue;
            }
            if (open.digital() != null) {
                open.digital().setActive(value == 1);
            } else {
                open.pwm().setDutyPercent(value == 1 ? open.spec().pwm().dutyPercent() : 0);
            }
            reportOutput(open);
        }
    }

    /**
     * Drives a simulated input pin ({@code neuromesh gpio set}).
     *
     * @return empty on success, else why it was refused
     */
    public Optional<String> simulate(int pin, boolean high) {
        if (setting == GpioSetting.OFF) {
            return Optional.of("node " + node + " has no GPIO (it runs with --gpio off)");
        }
        if (port == null) {
            return Optional.of("node " + node + " has no GPIO sensor in the running topology");
        }
        Optional<GpioSimulator> simulator = port.simulator();
        if (simulator.isEmpty()) {
            return Optional.of("node " + node + " drives real GPIO (" + port.mode().name().toLowerCase()
                    + "); press the real button, or run the node with --gpio mock to simulate");
        }
        boolean isSensor = sensors.values().stream().anyMatch(s -> s.spec().gpio().pin() == pin);
        if (!isSensor) {
            return Optional.of("pin " + pin + " is not a sensor input on node " + node);
        }
        simulator.get().setLevel(pin, high);
        return Optional.empty();
    }

    private void reportInput(OpenSensor open, boolean active) {
        boolean high = active != open.spec().gpio().activeLow();
        reporter.pinState(open.spec().gpio().pin(), "{\"pin\":" + open.spec().gpio().pin() + ",\"id\":\""
                + open.spec().id() + "\",\"kind\":\"input\",\"active\":" + active + ",\"level\":\""
                + (high ? "high" : "low") + "\",\"ts\":" + System.currentTimeMillis() + "}");
    }

    private void reportOutput(OpenActuator open) {
        ActuatorSpec spec = open.spec();
        String state;
        if (open.digital() != null) {
            boolean active = open.digital().isActive();
            state = "\"kind\":\"digital\",\"active\":" + active + ",\"level\":\""
                    + (active != spec.activeLow() ? "high" : "low") + "\"";
        } else {
            double duty = open.pwm().dutyPercent();
            state = "\"kind\":\"pwm\",\"active\":" + (duty > 0) + ",\"duty\":" + duty;
        }
        reporter.pinState(spec.pin(), "{\"pin\":" + spec.pin() + ",\"id\":\"" + spec.id() + "\",\"neuron\":\""
                + spec.neuron() + "\"," + state + ",\"ts\":" + System.currentTimeMillis() + "}");
    }

    /** Closes every pin and the port. */
    @Override
    public void close() {
        List.copyOf(sensors.values()).forEach(this::closeSensor);
        List.copyOf(actuators.values()).forEach(this::closeActuator);
        if (port != null) {
            port.close();
            port = null;
        }
    }
}
