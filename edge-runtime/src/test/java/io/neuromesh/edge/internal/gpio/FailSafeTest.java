package io.neuromesh.edge.internal.gpio;

import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.gpio.Gpio;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fail-safe decision over Pi4J's mock plugin (the same pin path as on a Pi), with a manual scheduler standing in
 * for the brain thread's: which actuator goes where, when, and what follows the return of the broker.
 */
@Timeout(10)
class FailSafeTest {

    private record Timer(long dueMicros, long seq, Runnable task) {
    }

    /** The brain thread's scheduler, run by hand: tasks due by {@link #advance} run in order. */
    private static final class ManualScheduler implements Scheduler {
        private final PriorityQueue<Timer> timers = new PriorityQueue<>(
                Comparator.comparingLong(Timer::dueMicros).thenComparingLong(Timer::seq));
        private long nowMicros;
        private long seq;

        @Override
        public void schedule(Runnable task, long delayMicros) {
            timers.add(new Timer(nowMicros + Math.max(0, delayMicros), seq++, task));
        }

        void advance(Duration d) {
            long until = nowMicros + d.toNanos() / 1000;
            while (!timers.isEmpty() && timers.peek().dueMicros() <= until) {
                Timer next = timers.poll();
                nowMicros = next.dueMicros();
                next.task().run();
            }
            nowMicros = until;
        }
    }

    private static final Pattern STATE = Pattern.compile("\"id\":\"(\\w+)\".*?(\"active\":\\w+)(?:,\"level\":\"\\w+\")?"
            + "(?:,\"duty\":([\\d.]+))?");

    private final ManualScheduler scheduler = new ManualScheduler();
    /** "id active" or "id duty N" per published pin state, in order. */
    private final List<String> reports = new ArrayList<>();
    private final GpioBinding binding = new GpioBinding("n1", GpioSetting.MOCK, (s, p, a) -> { },
            (pin, payload) -> reports.add(shown(new String(payload, StandardCharsets.UTF_8))), scheduler,
            () -> Gpio.open(GpioMode.MOCK));

    private static String shown(String json) {
        Matcher m = STATE.matcher(json);
        if (!m.find()) {
            return "cleared";
        }
        return m.group(1) + (m.group(3) == null ? " " + m.group(2).replace("\"active\":", "") : " duty " + m.group(3));
    }

    @BeforeEach
    void open() {
        binding.reconcile(Topology.parse(("""
                {"rev":1,"neurons":[{"id":"a","node":"n1","threshold":1}],
                 "actuators":[{"id":"led","node":"n1","pin":22,"neuron":"a","failSafeAfterMs":1000},
                              {"id":"relay","node":"n1","pin":23,"neuron":"a","activeLow":true,
                               "failSafe":"high","failSafeAfterMs":3000},
                              {"id":"dim","node":"n1","pin":18,"neuron":"a","kind":"pwm","dutyPercent":40,
                               "failSafe":"high","failSafeAfterMs":1000},
                              {"id":"keep","node":"n1","pin":24,"neuron":"a","failSafe":"hold"},
                              {"id":"slow","node":"n1","pin":25,"neuron":"a"}]}""")
                .getBytes(StandardCharsets.UTF_8)));
        binding.neuronOutput("a", 1);
        binding.neuronOutput("a", 0);
        reports.clear();
    }

    @AfterEach
    void close() {
        binding.close();
    }

    @Test
    void eachActuatorGoesToItsLevelOnceItsOwnTimeoutHasPassed() {
        binding.brokerLost();
        scheduler.advance(Duration.ofMillis(999));
        assertEquals(List.of(), reports, "nothing before the first timeout");

        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("led false", "dim duty 100.0"), reports,
                "led goes low (it was low already), the PWM high is a steady 100 %, not its 40 % signal");

        scheduler.advance(Duration.ofMillis(2000));
        assertEquals(List.of("led false", "dim duty 100.0", "relay true"), reports,
                "relay goes high (on) at 3 s: logical, so its active-low pin is driven low");

        scheduler.advance(Duration.ofMillis(2000));
        assertEquals(List.of("led false", "dim duty 100.0", "relay true", "slow false"), reports,
                "the default is low after 5 s; the hold actuator is never touched");
    }

    @Test
    void outputsWhileAwayAreNotedAndFollowedWhenTheBrokerIsBack() {
        binding.neuronOutput("a", 1);
        reports.clear();
        binding.brokerLost();
        scheduler.advance(Duration.ofSeconds(5));
        reports.clear();

        binding.neuronOutput("a", 0);
        binding.neuronOutput("a", 1);
        assertEquals(List.of("keep false", "keep true"), reports,
                "only the hold actuator follows; the others keep their fail-safe level");

        binding.brokerBack();
        assertEquals(List.of("keep false", "keep true", "led true", "relay true", "dim duty 40.0", "slow true"),
                reports, "back: each follows the latest output again");

        reports.clear();
        binding.neuronOutput("a", 0);
        assertEquals(List.of("led false", "relay false", "dim duty 0.0", "keep false", "slow false"), reports);
    }

    @Test
    void aBrokerBackBeforeTheTimeoutCancelsIt() {
        binding.neuronOutput("a", 1);
        reports.clear();
        binding.brokerLost();
        scheduler.advance(Duration.ofMillis(500));
        binding.brokerBack();
        binding.brokerLost();
        scheduler.advance(Duration.ofMillis(900));
        assertEquals(List.of(), reports, "the first loss's 1 s timer found a newer loss and did nothing");

        scheduler.advance(Duration.ofMillis(100));
        assertEquals(List.of("led false", "dim duty 100.0"), reports, "the second loss counts from its own start");

        binding.brokerBack();
        reports.clear();
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), reports, "timers of a loss that ended do nothing");
    }

    @Test
    void aChangedFailSafeAloneKeepsThePinAsItIs() {
        binding.neuronOutput("a", 1);
        reports.clear();
        binding.reconcile(Topology.parse(("""
                {"rev":2,"neurons":[{"id":"a","node":"n1","threshold":1}],
                 "actuators":[{"id":"led","node":"n1","pin":22,"neuron":"a","failSafe":"hold"}]}""")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("cleared", "cleared", "cleared", "cleared"), reports,
                "the four removed actuators are closed; the led is not reopened");

        reports.clear();
        binding.brokerLost();
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), reports, "led now holds its level");
    }
}
