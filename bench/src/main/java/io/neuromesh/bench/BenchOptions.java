package io.neuromesh.bench;

import io.neuromesh.mqtt.LinkConfig;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Bench#run} measures and where, validated on construction. Build it with {@link #builder()}.
 *
 * @param brokers       where the scenarios run, in order: {@value #EMBEDDED} (HiveMQ CE in this JVM),
 *                      {@value #MOSQUITTO} (a {@code mosquitto} process) or a broker URL {@code tcp://host:port}.
 *                      The floor is measured on both local brokers in any case, and on each URL given
 * @param mode          samples, rounds and sizes
 * @param only          the scenarios to run (names from {@link Bench#SCENARIOS}); empty for all
 * @param edgeMainClass the main class the edge-start scenario launches in a new JVM with
 *                      {@code edge --node <id> --broker <url> --no-worker --handover 0s}; it must be on this JVM's
 *                      class path, otherwise that scenario is skipped
 * @param gaps          the pauses between two inputs of the {@value Bench#SPARSE} scenario, one measurement per gap
 *                      (each positive, at most {@link #MAX_GAP})
 * @param idleNeurons   when positive, the {@value Bench#SPARSE} scenario also measures the chain of 10 on one node,
 *                      alone and then with this many idle neurons hosted beside it (0 to {@link #MAX_IDLE_NEURONS})
 * @since 0.1
 */
public record BenchOptions(List<String> brokers, BenchMode mode, Set<String> only, String edgeMainClass,
                           List<Duration> gaps, int idleNeurons) {

    /** The embedded HiveMQ CE broker, started by the benchmark in its own JVM. */
    public static final String EMBEDDED = "embedded";
    /** A mosquitto process started by the benchmark (skipped with a note when mosquitto is not installed). */
    public static final String MOSQUITTO = "mosquitto";
    /** Brokers used when none are given. */
    public static final List<String> DEFAULT_BROKERS = List.of(EMBEDDED);
    /** The launcher's main class: the edge-start scenario times a real {@code neuromesh edge}. */
    public static final String DEFAULT_EDGE_MAIN_CLASS = "io.neuromesh.cli.Main";
    /** The sparse scenario's gap between inputs when none is given: a sensor that changes every 2 ms. */
    public static final List<Duration> DEFAULT_GAPS = List.of(Duration.ofMillis(2));
    /** The longest gap accepted: longer ones would only make the run longer, not the numbers different. */
    public static final Duration MAX_GAP = Duration.ofSeconds(10);
    /** The most idle neurons the sparse scenario hosts beside its chain. */
    public static final int MAX_IDLE_NEURONS = 1_000_000;

    /** Validates and copies; messages name the field and the accepted values. */
    public BenchOptions {
        if (brokers == null || brokers.isEmpty()) {
            throw new IllegalArgumentException("brokers: must name at least one broker (embedded, mosquitto or "
                    + "tcp://host:port)");
        }
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < brokers.size(); i++) {
            String broker = brokers.get(i);
            if (broker == null || broker.isBlank()) {
                throw new IllegalArgumentException("brokers[" + i + "]: must not be blank");
            }
            String spec = broker.equals(EMBEDDED) || broker.equals(MOSQUITTO) ? broker : url(i, broker);
            if (normalised.contains(spec)) {
                throw new IllegalArgumentException("brokers[" + i + "]: '" + broker + "' is listed twice");
            }
            normalised.add(spec);
        }
        brokers = List.copyOf(normalised);
        if (mode == null) {
            throw new IllegalArgumentException("mode: must not be null");
        }
        only = only == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(only));
        for (String name : only) {
            if (!Bench.SCENARIOS.contains(name) && !Bench.SPARSE.equals(name)) {
                throw new IllegalArgumentException("only: unknown scenario '" + name + "'; known: "
                        + String.join(", ", Bench.SCENARIOS) + ", " + Bench.SPARSE);
            }
        }
        if (edgeMainClass == null || edgeMainClass.isBlank()) {
            throw new IllegalArgumentException("edgeMainClass: must name a class, e.g. " + DEFAULT_EDGE_MAIN_CLASS);
        }
        if (gaps == null || gaps.isEmpty()) {
            throw new IllegalArgumentException("gaps: must name at least one gap, e.g. 2ms");
        }
        for (int i = 0; i < gaps.size(); i++) {
            Duration gap = gaps.get(i);
            if (gap == null || gap.isNegative() || gap.isZero() || gap.compareTo(MAX_GAP) > 0) {
                throw new IllegalArgumentException("gaps[" + i + "]: must be more than 0 and at most "
                        + MAX_GAP.toSeconds() + " s, got " + gap);
            }
        }
        gaps = List.copyOf(gaps);
        if (idleNeurons < 0 || idleNeurons > MAX_IDLE_NEURONS) {
            throw new IllegalArgumentException("idleNeurons: must be 0 to " + MAX_IDLE_NEURONS + ", got " + idleNeurons);
        }
    }

    private static String url(int index, String text) {
        URI uri;
        try {
            uri = LinkConfig.brokerUri(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("brokers[" + index + "]: must be embedded, mosquitto or "
                    + "tcp://host:port, got '" + text + "'");
        }
        return uri.toString();
    }

    /**
     * Whether the scenario {@code name} is selected. {@value Bench#SPARSE} runs only when named: it starts edge
     * processes and takes minutes.
     */
    public boolean runs(String name) {
        return only.isEmpty() ? !Bench.SPARSE.equals(name) : only.contains(name);
    }

    /** A builder with the defaults: the embedded broker, {@link BenchMode#DEFAULT}, every scenario. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link BenchOptions}; not thread-safe. */
    public static final class Builder {
        private List<String> brokers = DEFAULT_BROKERS;
        private BenchMode mode = BenchMode.DEFAULT;
        private Set<String> only = Set.of();
        private String edgeMainClass = DEFAULT_EDGE_MAIN_CLASS;
        private List<Duration> gaps = DEFAULT_GAPS;
        private int idleNeurons;

        private Builder() {
        }

        /** Where the scenarios run: {@value BenchOptions#EMBEDDED}, {@value BenchOptions#MOSQUITTO} or {@code tcp://host:port}. */
        public Builder brokers(List<String> brokers) {
            this.brokers = brokers;
            return this;
        }

        /** Samples, rounds and sizes. */
        public Builder mode(BenchMode mode) {
            this.mode = mode;
            return this;
        }

        /** Only these scenarios (names from {@link Bench#SCENARIOS}); empty for all. */
        public Builder only(Set<String> only) {
            this.only = only;
            return this;
        }

        /** The main class the edge-start scenario launches. */
        public Builder edgeMainClass(String className) {
            this.edgeMainClass = className;
            return this;
        }

        /** The sparse scenario's gaps between inputs, one measurement per gap. */
        public Builder gaps(List<Duration> gaps) {
            this.gaps = gaps;
            return this;
        }

        /** Idle neurons hosted beside the sparse scenario's one-node chain (0: that comparison is not made). */
        public Builder idleNeurons(int idleNeurons) {
            this.idleNeurons = idleNeurons;
            return this;
        }

        /** The validated options. */
        public BenchOptions build() {
            return new BenchOptions(brokers, mode, only, edgeMainClass, gaps, idleNeurons);
        }
    }
}
