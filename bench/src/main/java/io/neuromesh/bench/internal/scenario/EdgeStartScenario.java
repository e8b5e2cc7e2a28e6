package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.child.ChildJvm;
import io.neuromesh.bench.internal.child.ChildProcess;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code edge --node <id> --no-worker} in a new JVM (the same java and class path as the bench), timed from just
 * before the process starts until its online status arrives at a subscriber. Several runs, one JVM each.
 */
public final class EdgeStartScenario implements Scenario {

    private static final Duration TARGET = Duration.ofMillis(1500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "edge-start";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        String label = context.broker().label();
        String main = context.edgeMainClass();
        if (!ChildJvm.onClassPath(main)) {
            return List.of(ScenarioResult.without("edge-start", label, Verdict.SKIPPED, main
                    + " is not on the class path; run it through ./neuromesh bench"));
        }
        Samples samples = new Samples();
        String prefix = "bench-start-" + ProcessHandle.current().pid() + "-";
        LinkedBlockingQueue<Online> online = new LinkedBlockingQueue<>();
        try (MqttLink watcher = Links.connect(context.broker().uri(), "start-watch")) {
            watcher.subscribe(List.of(Subscription.of(Topics.ALL_STATUSES, Qos.AT_LEAST_ONCE)), Links.DIRECT,
                    (InboundMessage m) -> {
                        if (!m.retained() && m.payloadText().contains("\"state\":\"online\"")) {
                            online.add(new Online(Topics.nodeOf(m.topic()), System.nanoTime()));
                        }
                    });
            for (int run = 0; run < scale.edgeStarts(); run++) {
                String node = prefix + run;
                List<String> command = ChildJvm.command(List.of(), main, List.of("edge", "--node", node, "--broker",
                        context.broker().uri().toString(), "--no-worker", "--handover", "0s"));
                long start = System.nanoTime();
                try (ChildProcess child = ChildProcess.start(command)) {
                    long arrived = awaitOnline(online, node, child);
                    samples.add(arrived - start);
                    context.say("run " + (run + 1) + ": " + Durations.format(Duration.ofNanos(arrived - start)));
                }
            }
        }
        boolean met = samples.p50().compareTo(TARGET) <= 0;
        return List.of(new ScenarioResult("edge-start", label, samples.size(), samples.p50(), samples.p99(), null,
                null, "p50 <= 1.5 s", met ? Verdict.MET : Verdict.MISSED,
                "java -cp <class path> " + main + " edge --no-worker: from starting the process to its online status "
                        + "at a subscriber, JVM start included"));
    }

    /** A node's online status and when it arrived. */
    private record Online(String node, long nanos) {
    }

    private static long awaitOnline(LinkedBlockingQueue<Online> online, String node, ChildProcess child)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Online next = online.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && node.equals(next.node())) {
                return next.nanos();
            }
            if (next == null && !child.isAlive()) {
                throw new TimeoutException("edge " + node + " exited before it was online" + child.lastError());
            }
        }
        throw new TimeoutException("edge " + node + " not online within " + TIMEOUT.toSeconds() + " s"
                + child.lastError());
    }
}
