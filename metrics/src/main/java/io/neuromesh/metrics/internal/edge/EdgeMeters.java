package io.neuromesh.metrics.internal.edge;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.HopListener;
import io.neuromesh.edge.RuntimeStats;
import io.neuromesh.metrics.EdgeMetrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/** {@link EdgeMetrics} on a Prometheus registry of its own. */
public final class EdgeMeters implements EdgeMetrics {

    private final EdgeRuntime runtime;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public EdgeMeters(EdgeRuntime runtime) {
        this.runtime = runtime;
        registry.config().commonTags("node", runtime.config().node());
        counter("neuromesh.inputs", "inputs processed by hosted neurons", RuntimeStats::inputs);
        counter("neuromesh.fires", "neuron fires", RuntimeStats::fires);
        counter("neuromesh.output.changes", "output changes published", RuntimeStats::outputs);
        counter("neuromesh.inputs.malformed", "inputs dropped because they were not valid", RuntimeStats::malformed);
        counter("neuromesh.inputs.dropped", "inputs dropped because an inbox was full", RuntimeStats::dropped);
        counter("neuromesh.inputs.unknown", "inputs for an id that is no neuron of the running topology (removed, or "
                + "a topic nobody hosts, under neuron/+)", RuntimeStats::unknownNeuron);
        counter("neuromesh.inputs.elsewhere", "inputs for a neuron another node hosts (a peer's under neuron/+, or one "
                + "that just moved); dropped", RuntimeStats::elsewhere);
        counter("neuromesh.topology.applied", "topologies applied", RuntimeStats::topologyApplied);
        counter("neuromesh.topology.rejected", "topology messages rejected", RuntimeStats::topologyRejected);
        Gauge.builder("neuromesh.inbox.depth", runtime, EdgeRuntime::queue)
                .description("inputs waiting in the hosted neurons' inboxes").register(registry);
        Gauge.builder("neuromesh.topology.rev", runtime, EdgeRuntime::rev)
                .description("rev of the topology running here (0: none)").register(registry);
        FunctionCounter.builder("neuromesh.mqtt.reconnects", runtime, r -> Math.max(0, r.linkStats().connects() - 1))
                .description("MQTT reconnections after the first connect").register(registry);
        Timer hops = Timer.builder("neuromesh.hop.latency")
                .description("from an input's arrival to the output it changed being published, on this node")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(20_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        runtime.onHop(nanos -> hops.record(nanos, TimeUnit.NANOSECONDS));
    }

    private void counter(String name, String description, ToLongFunction<RuntimeStats> value) {
        FunctionCounter.builder(name, runtime, r -> value.applyAsLong(r.stats())).description(description)
                .register(registry);
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        runtime.onHop(HopListener.NONE);
        gc.close();
        registry.close();
    }
}
