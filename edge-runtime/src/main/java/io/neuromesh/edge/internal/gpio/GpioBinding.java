package io.neuromesh.edge.internal.gpio;

import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.wire.PinLevel;
import io.neuromesh.edge.wire.PinState;
import io.neuromesh.edge.wire.PinStateCodec;
import io.neuromesh.gpio.DigitalInputConfig;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.gpio.GpioPort;
import io.neuromesh.gpio.GpioSimulator;
import io.neuromesh.gpio.Pull;
import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.Topology;
import org.tinylog.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The GPIO pins a topology declares for this node: opens, moves and closes them as topologies change, hands input
 * edges to the brain thread, drives outputs from neuron outputs, and puts them at their fail-safe level while the
 * broker is away ({@link FailSafeTimer}). All methods run on the brain thread; pin listeners only post an edge.
 * The port is opened only when a topology first needs a pin, so nodes without sensors never touch GPIO.
 */
public final class GpioBinding implements PinControl {

    /** Receives input edges on the pin's listener thread; posts them to the brain thread. */
    @FunctionalInterface
    public interface EdgeSink {
        void edge(String sensor, DigitalInputPin pin, boolean active);
    }

    /** Publishes a pin's state for watchers; an empty payload clears it (the pin was closed). */
    @FunctionalInterface
    public interface PinReporter {
        void pinState(int pin, byte[] payload);
    }

    private record OpenSensor(SensorSpec spec, DigitalInputPin pin) {
    }

    private static final byte[] CLEARED = new byte[0];

    private final String node;
    private final GpioSetting setting;
    private final EdgeSink edges;
    private final PinReporter reporter;
    private final Map<String, OpenSensor> sensors = new LinkedHashMap<>();
    private final Map<String, OpenActuator> actuators = new LinkedHashMap<>();
    private final FailSafeTimer failSafe;
    private final Supplier<GpioPort> opener;
    private GpioPort port;

    /**
     * @param scheduler runs the fail-safe timers on the brain thread
     * @param opener    opens the port for {@code setting} when a topology first needs a pin
     */
    public GpioBinding(String node, GpioSetting setting, EdgeSink edges, PinReporter reporter, Scheduler scheduler,
                       Supplier<GpioPort> opener) {
        this.node = node;
        this.setting = setting;
        this.opener = opener;
        this.edges = edges;
        this.reporter = reporter;
        this.failSafe = new FailSafeTimer(node, scheduler, actuators::values, this::reportOutput);
    }

    /**
     * Makes the open pins match {@code topology}: sensors and actuators removed or moved are closed, new or moved
     * ones opened; the others are not touched. All or nothing: when a pin cannot be opened, everything is put back
     * as it was and the errors are returned.
     */
    @Override
    public Reconciled reconcile(Topology topology) {
        NodePins wanted = NodePins.of(topology, node);
        List<SensorSpec> wantedSensors = wanted.sensors();
        List<ActuatorSpec> wantedActuators = wanted.actuators();
        if (setting == GpioSetting.OFF && !wanted.isEmpty()) {
            return refused(wanted.withoutGpio(topology, node));
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
            if (open == null || !open.sameOutput(a)) {
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
                return refused(List.of("gpio: node " + node + " cannot open its GPIO: " + e.getMessage()));
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
            return refused(errors);
        }
        sensorUpdates.forEach((id, spec) -> sensors.put(id, new OpenSensor(spec, sensors.get(id).pin())));
        // A changed fail-safe alone keeps the pin as it is driven.
        wantedActuators.forEach(a -> actuators.get(a.id()).respec(a));
        List<Reading> readings = opened.stream()
                .map(o -> new Reading(o.spec(), valueOf(o.spec(), o.pin().isActive()))).toList();
        return new Reconciled(List.of(), readings, followedNeurons());
    }

    private Reconciled refused(List<String> errors) {
        return new Reconciled(errors, List.of(), followedNeurons());
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
            port = opener.get();
            Logger.info("node {}: GPIO opened ({})", node, port.mode().name().toLowerCase());
        }
    }

    private OpenSensor openSensor(SensorSpec spec) {
        DigitalInputPin pin = port.openInput(new DigitalInputConfig(spec.gpio().pin(),
                Pull.valueOf(spec.gpio().pull().name()), spec.gpio().debounce(), spec.gpio().activeLow()));
        OpenSensor open = new OpenSensor(spec, pin);
        sensors.put(spec.id(), open);
        pin.onChange(active -> edges.edge(spec.id(), pin, active));
        reportInput(open, pin.isActive());
        return open;
    }

    @Override
    public Optional<Reading> edge(String sensor, DigitalInputPin pin, boolean active) {
        OpenSensor open = sensors.get(sensor);
        if (open == null || open.pin() != pin) {
            return Optional.empty();
        }
        reportInput(open, active);
        return Optional.of(new Reading(open.spec(), valueOf(open.spec(), active)));
    }

    /** The value a sensor publishes for an active or inactive pin (its topology's {@code value} mapping). */
    private static double valueOf(SensorSpec sensor, boolean active) {
        return active ? sensor.value().high() : sensor.value().low();
    }

    private void closeSensor(OpenSensor open) {
        open.pin().close();
        sensors.remove(open.spec().id(), open);
        reporter.pinState(open.spec().gpio().pin(), CLEARED);
    }

    private OpenActuator openActuator(ActuatorSpec spec) {
        OpenActuator open = OpenActuator.open(port, spec);
        actuators.put(spec.id(), open);
        reportOutput(open);
        return open;
    }

    private void closeActuator(OpenActuator open) {
        open.close();
        actuators.remove(open.spec().id(), open);
        reporter.pinState(open.spec().pin(), CLEARED);
    }

    /** Neurons whose outputs drive an actuator of this node. */
    private Set<String> followedNeurons() {
        Set<String> neurons = new LinkedHashSet<>();
        actuators.values().forEach(a -> neurons.add(a.spec().neuron()));
        return neurons;
    }

    /** A followed neuron's output changed: drives its actuators (digital on/off, PWM at its duty or 0). */
    @Override
    public void neuronOutput(String neuron, int value) {
        for (OpenActuator open : actuators.values()) {
            if (open.spec().neuron().equals(neuron) && open.drive(value)) {
                reportOutput(open);
            }
        }
    }

    @Override
    public void brokerLost() {
        failSafe.brokerLost();
    }

    @Override
    public void brokerBack() {
        failSafe.brokerBack();
    }

    @Override
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
        if (sensors.values().stream().noneMatch(s -> s.spec().gpio().pin() == pin)) {
            return Optional.of("pin " + pin + " is not a sensor input on node " + node);
        }
        simulator.get().setLevel(pin, high);
        return Optional.empty();
    }

    private void reportInput(OpenSensor open, boolean active) {
        SensorSpec spec = open.spec();
        reporter.pinState(spec.gpio().pin(), PinStateCodec.encode(PinState.input(spec.gpio().pin(), spec.id(), active,
                PinLevel.of(active != spec.gpio().activeLow()), Instant.now())));
    }

    private void reportOutput(OpenActuator open) {
        reporter.pinState(open.spec().pin(), open.state());
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
