package io.neuromesh.cli.internal.demo;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.topology.GpioInput;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main job: an embedded broker, three edge runtimes n1..n3 in this process with simulated GPIO, the reference
 * XOR network spread over them with two buttons (n1, BCM 17 and 27) and an LED (n3, BCM 22), and the buttons pressed
 * through every input combination, over MQTT exactly like {@code neuromesh gpio set}, while the LED is checked
 * against XOR(x, y).
 */
public final class XorDemo implements AutoCloseable {

    /** Input states in Gray-code order: one sensor changes per step and z flips every time. */
    private static final int[][] STEPS = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final String BUTTON_NODE = "n1";
    private static final int PIN_X = 17;
    private static final int PIN_Y = 27;
    private static final String LED_NODE = "n3";
    private static final int PIN_LED = 22;
    private static final long QUIET_MILLIS = 20;
    private static final long SETTLE_TIMEOUT_MILLIS = 5_000;

    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final OutputTracker outputs = new OutputTracker();
    private final OutputTracker led = new OutputTracker();
    private FleetClient fleet;
    private String uri;
    /** The buttons as last pressed: a step presses only the one that changes. */
    private int buttonX;
    private int buttonY;

    public XorDemo(PrintStream out) {
        this.out = out;
    }

    /** Starts the broker (on {@code port}, or a free one if it is taken) and the three runtimes; applies the topology. */
    public void start(int port) throws IOException {
        int chosen = isFree(port) ? port : freePort();
        EmbeddedBroker broker = EmbeddedBroker.builder().port(chosen).persistence(Persistence.IN_MEMORY).build();
        resources.add(broker);
        try {
            broker.start();
        } catch (BrokerException e) {
            throw new CommandFailedException(e.getMessage());
        }
        uri = broker.uri();
        if (chosen != port) {
            out.println("port " + port + " is taken; the demo broker uses port " + chosen);
        }
        for (String node : NODES) {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(uri).gpio(GpioSetting.MOCK).build();
            resources.add(0, runtime);
            runtime.start();
        }
        fleet = FleetClient.connect(URI.create(uri), Duration.ofSeconds(5));
        resources.add(0, fleet);
        fleet.watchOutputs(e -> outputs.accept(e.neuron(), e.value()));
        fleet.watchGpio(pin -> {
            if (pin.node().equals(LED_NODE) && pin.pin() == PIN_LED && pin.open()) {
                led.accept("led", pin.active() ? 1 : 0);
            }
        });
        Topology topology = withoutDebounce(Topology.parse(example()));
        fleet.publishTopology(topology.toJson().getBytes(StandardCharsets.UTF_8));
        Map<String, FleetClient.RolloutEvent> outcomes = fleet.awaitRollout(topology.rev(), topology.contentHash(),
                NODES, Duration.ofSeconds(10), event -> { });
        if (outcomes.values().stream().anyMatch(e -> e.kind() != FleetClient.RolloutEvent.Kind.APPLIED)) {
            throw new CommandFailedException("the XOR topology was not applied on every node: " + outcomes.values());
        }
        int brokerPort = URI.create(uri).getPort();
        out.println("Neuromesh XOR demo: broker " + uri + ", nodes " + String.join(" ", NODES) + ", topology rev "
                + topology.rev() + " (x y on n1, h1 h2 on n2, h3 z on n3)");
        out.println("simulated buttons on n1 pins " + PIN_X + " and " + PIN_Y + ", LED on n3 pin " + PIN_LED
                + " (GPIO through Pi4J's mock plugin)");
        out.println("watch it live:  mosquitto_sub -h 127.0.0.1 -p " + brokerPort + " -v -t 'neuron/+/output'");
        out.println("the LED:        mosquitto_sub -h 127.0.0.1 -p " + brokerPort + " -v -t 'neuromesh/nodes/n3/gpio/22'");
    }

    /** What a pass prints. */
    public enum Report {
        /** The truth table with the LED and the settle time of each step. */
        TABLE,
        /** One line: right or wrong, median and max settle time. */
        SUMMARY,
        /** Nothing (a warm-up pass). */
        NONE
    }

    /** Warm-up passes, unprinted: the first steps after JVM start measure the JIT compiler, not Neuromesh. */
    public static final int WARM_UP_PASSES = 5;

    /**
     * Runs one pass through the truth table, printing as {@code report} says.
     *
     * @return true when z was right at every step
     */
    public boolean pass(int number, Report report, Duration pause) throws InterruptedException {
        boolean printTable = report == Report.TABLE;
        if (printTable) {
            out.println();
            out.println(" x  y  z  LED  settle-ms");
        }
        boolean allRight = true;
        List<Double> settles = new ArrayList<>();
        for (int[] step : STEPS) {
            int x = step[0];
            int y = step[1];
            int expected = x ^ y;
            long t0 = System.nanoTime();
            if (x != buttonX) {
                press(PIN_X, x);
                buttonX = x;
            }
            if (y != buttonY) {
                press(PIN_Y, y);
                buttonY = y;
            }
            long arrived = led.awaitSettled("led", expected, QUIET_MILLIS, SETTLE_TIMEOUT_MILLIS);
            outputs.awaitSettled("z", expected, QUIET_MILLIS, SETTLE_TIMEOUT_MILLIS);
            int z = outputs.value("z");
            int ledOn = led.value("led");
            boolean right = arrived >= 0 && z == expected && ledOn == expected;
            allRight &= right;
            double settle = arrived < 0 ? Double.NaN : Math.max(0, arrived - t0) / 1e6;
            settles.add(settle);
            if (printTable) {
                out.printf(" %d  %d  %d  %-3s  %9s%s%n", x, y, z, ledOn == 1 ? "on" : "off",
                        arrived < 0 ? "timeout" : String.format("%.2f", settle), right ? "" : "   WRONG: expected " + expected);
            }
            Thread.sleep(pause.toMillis());
        }
        if (report == Report.SUMMARY) {
            Collections.sort(settles);
            out.printf("pass %d: %s, settle median %.2f ms, max %.2f ms%n", number,
                    allRight ? "LED = z = XOR(x, y) at every step" : "WRONG", settles.get(settles.size() / 2),
                    settles.get(settles.size() - 1));
        } else if (printTable) {
            out.println(allRight ? "LED = z = XOR(x, y) at every step (settle: button press -> LED on n3)"
                    : "the LED was WRONG at some step");
        }
        out.flush();
        return allRight;
    }

    /** Presses (1) or releases (0) a simulated button: a request over MQTT to the button's node. */
    private void press(int pin, int value) {
        Optional<String> refused = fleet.gpioSet(BUTTON_NODE, pin, value == 1, Duration.ofSeconds(5));
        if (refused.isPresent()) {
            throw new CommandFailedException("pressing the button on pin " + pin + ": " + refused.get());
        }
    }

    /** Simulated buttons do not bounce: the demo drops the example's 20 ms debounce, meant for real buttons. */
    private static Topology withoutDebounce(Topology t) {
        List<SensorSpec> sensors = t.sensors().stream().map(s -> s.isVirtual() ? s : new SensorSpec(s.id(),
                new GpioInput(s.gpio().node(), s.gpio().pin(), s.gpio().pull(), Duration.ZERO, s.gpio().activeLow()),
                s.value())).toList();
        return new Topology(t.rev(), t.name(), t.defaults(), t.nodes(), sensors, t.neurons(), t.synapses(),
                t.actuators(), t.tick());
    }

    private static byte[] example() throws IOException {
        try (InputStream in = XorDemo.class.getResourceAsStream("/examples/xor-gpio.json")) {
            if (in == null) {
                throw new IOException("examples/xor-gpio.json is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                out.println("while stopping: " + e.getMessage());
            }
        }
        resources.clear();
    }
}
