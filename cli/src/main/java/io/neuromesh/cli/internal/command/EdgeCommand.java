package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.BuildVersion;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Home;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.command.flow.TaskOptions;
import io.neuromesh.cli.internal.options.FleetOptions;
import io.neuromesh.cli.internal.options.HostNodeId;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.HomeAssistant;
import io.neuromesh.flows.ClientConfig;
import io.neuromesh.metrics.EdgeHttp;
import io.neuromesh.metrics.EdgeMetrics;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerConfig;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Qos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code neuromesh edge --node <id>}: one edge runtime until SIGTERM / Ctrl-C. */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "run an edge runtime: host the neurons the topology places on this node")
public final class EdgeCommand implements Callable<Integer> {

    @Mixin
    private FleetOptions fleet;
    @Option(names = "--node", paramLabel = "ID", converter = IdConverter.class,
            description = "this node's id (1-64 of A-Z a-z 0-9 _ -); default: this host's name made to fit that rule"
                    + " (e.g. raspberrypi.local -> raspberrypi-local), printed at start")
    private String node;
    @Option(names = "--gpio", paramLabel = "MODE",
            description = "auto (gpiod on a Pi, simulated elsewhere), mock, gpiod or off (default: ${DEFAULT-VALUE})")
    private GpioSetting gpio = GpioSetting.DEFAULT;
    @Option(names = "--heartbeat", paramLabel = "DURATION", description = "status heartbeat interval, times nodes / 5"
            + " in a fleet of more than 5 online nodes (default: ${DEFAULT-VALUE})")
    private Duration heartbeat = EdgeConfig.DEFAULT_HEARTBEAT;
    @Option(names = "--offline-after", paramLabel = "DURATION", description = "a peer silent this long (scaled"
            + " with its heartbeat interval) counts as offline; its movable neurons move (default: ${DEFAULT-VALUE})")
    private Duration offlineAfter = EdgeConfig.DEFAULT_OFFLINE_AFTER;
    @Option(names = "--will-hold", paramLabel = "DURATION", description = "a peer's Last Will counts this long after it"
            + " arrives, unless this node loses the broker too (a stopping broker publishes every Will); 0 for the"
            + " fastest failover (default: ${DEFAULT-VALUE})")
    private Duration willHold = EdgeConfig.DEFAULT_WILL_HOLD;
    @Option(names = "--handover", paramLabel = "DURATION", description = "on SIGTERM, how long to wait for peers to"
            + " take over movable neurons (default: ${DEFAULT-VALUE})")
    private Duration handover = EdgeConfig.DEFAULT_HANDOVER;
    @Option(names = "--qos", paramLabel = "0|1", description = "QoS of neuron traffic (inputs, outputs): 1 survives"
            + " broker restarts, 0 is faster (default: ${DEFAULT-VALUE})")
    private int qos = EdgeConfig.DEFAULT_NEURON_QOS.level();
    @Option(names = "--input-filters-per-connection", paramLabel = "N", description = "exact input subscriptions"
            + " (neuron/<id>) per MQTT connection; a node hosting more neurons opens more connections"
            + " (neuromesh-node-<node>.in1, ...); at most the broker's subscriptions-per-client limit, if it has one"
            + " (default: ${DEFAULT-VALUE})")
    private int inputFiltersPerConnection = EdgeConfig.DEFAULT_INPUT_FILTERS_PER_CONNECTION;
    @Option(names = "--input-wildcard-share", paramLabel = "S", description = "a node hosting at least this share of"
            + " the topology's neurons (and at least " + EdgeConfig.WILDCARD_MIN_NEURONS + ") subscribes one neuron/+"
            + " instead of a filter per neuron, receiving its peers' inputs too; 1: only when it hosts every neuron"
            + " (default: ${DEFAULT-VALUE})")
    private double inputWildcardShare = EdgeConfig.DEFAULT_INPUT_WILDCARD_SHARE;
    @Option(names = "--no-worker", description = "do not also run a task-flow worker (by default every edge node is"
            + " one, on queue " + ClientConfig.DEFAULT_QUEUE + ", running only the tasks --tasks enables)")
    private boolean noWorker;
    @Mixin
    private TaskOptions tasks;
    @Option(names = "--keep-alive", paramLabel = "DURATION", description = "MQTT keep-alive; the broker marks the"
            + " node offline after 1.5x (default: ${DEFAULT-VALUE})")
    private Duration keepAlive = LinkConfig.DEFAULT_KEEP_ALIVE;
    @Option(names = "--http-port", paramLabel = "P", description = "serve /metrics (Prometheus) and /health on this"
            + " port (default: off)")
    private Integer httpPort;
    @Option(names = "--http-bind", paramLabel = "ADDRESS", description = "address of --http-port; 0.0.0.0 for every"
            + " interface (default: ${DEFAULT-VALUE})")
    private String httpBind = EdgeHttp.DEFAULT_BIND;
    @Option(names = "--ha-discovery", arity = "0..1", paramLabel = "PREFIX", fallbackValue = HomeAssistant.DEFAULT_PREFIX,
            description = "announce this node's output neurons, actuators and virtual sensors to Home Assistant (MQTT"
            + " discovery, retained) under its discovery prefix (default when given without one: "
            + HomeAssistant.DEFAULT_PREFIX + "; default: off)")
    private String haDiscovery;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = fleet.out();
        if (node == null) {
            node = HostNodeId.get().orElseThrow(() -> new UsageException("cannot make a node id of this host's name"
                    + " (" + HostNodeId.hostName().orElse("unknown") + "); give one with --node"));
            out.println("node id " + node + " (from the host name; --node to choose another)");
        }
        EdgeConfig config;
        try {
            EdgeConfig.Builder builder = EdgeRuntime.builder();
            if (haDiscovery != null) {
                builder.homeAssistant(new HomeAssistant(haDiscovery, BuildVersion.version()));
            }
            config = builder
                    .node(node)
                    .link(fleet.broker()::configure)
                    .keepAlive(keepAlive)
                    .gpio(gpio)
                    .neuronQos(qos(qos))
                    .heartbeat(heartbeat, offlineAfter)
                    .willHold(willHold)
                    .handover(handover)
                    .inputFiltersPerConnection(inputFiltersPerConnection)
                    .inputWildcardShare(inputWildcardShare)
                    // A service keeps trying: start() returns once connected, saying why not on every attempt.
                    .link(link -> link.startTimeout(LinkConfig.START_UNTIL_CLOSED))
                    // Its last applied topology survives a restart there ($NEUROMESH_HOME/nodes/<node>).
                    .stateDir(Home.current().node(node))
                    .config();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        WorkerConfig workerConfig = tasks.apply(Worker.builder().link(fleet.broker()::configure).name(config.node()).queues(ClientConfig.DEFAULT_QUEUE)).config();
        if (!noWorker) {
            // Loads the tasks once now, so a bad --tasks or task folder fails before the node joins the fleet.
            TaskOptions.create(workerConfig).close();
        }
        EdgeRuntime runtime = EdgeRuntime.create(config);
        EdgeMetrics metrics = httpPort == null ? null : EdgeMetrics.bind(runtime);
        // Before the runtime starts: /health says why the node is not working yet while it waits for the broker.
        EdgeHttp http = metrics == null ? null : http(runtime, metrics);
        BrokerWait<Worker> workers = new BrokerWait<>("edge", config.broker(), config.link().reconnect(),
                Worker::start, Worker::close);
        UntilShutdown shutdown = UntilShutdown.register("edge", () -> {
            workers.stop();
            runtime.close();
            if (http != null) {
                http.close();
                metrics.close();
            }
        });
        PrintStream err = fleet.err();
        try {
            runtime.start();
        } catch (MqttLinkException e) {
            // Closed by Ctrl-C / SIGTERM while it waited for the broker, or another process took the node id.
            runtime.close();
            if (shutdown.requested()) {
                return 0;
            }
            throw new CommandFailedException("node " + config.node() + ": " + e.getMessage());
        }
        runtime.failure().thenAccept(reason -> {
            System.err.println("neuromesh edge: " + reason);
            // Exit from a thread of its own: System.exit runs the shutdown hook, which closes the runtime whose
            // thread completed this future.
            new Thread(() -> System.exit(1), "neuromesh-edge-exit").start();
        });
        Worker worker = noWorker ? null : workers.start(() -> TaskOptions.create(workerConfig), err);
        if (!noWorker && worker == null) {
            return 0;
        }
        out.println("node " + config.node() + " connected to " + config.broker() + "; running" + (noWorker ? ""
                : " (also a worker on queue " + ClientConfig.DEFAULT_QUEUE + ")"));
        if (worker != null) {
            TaskOptions.print(out, worker);
        }
        out.flush();
        shutdown.await();
        return 0;
    }

    private EdgeHttp http(EdgeRuntime runtime, EdgeMetrics metrics) {
        try {
            EdgeHttp http = EdgeHttp.start(runtime, metrics, httpBind, httpPort);
            fleet.out().println("node " + runtime.config().node() + ": /metrics and /health on http://" + httpBind + ":"
                    + http.port());
            return http;
        } catch (IllegalArgumentException e) {
            metrics.close();
            throw new UsageException(e.getMessage());
        } catch (IllegalStateException e) {
            metrics.close();
            throw new CommandFailedException(e.getMessage());
        }
    }

    private static Qos qos(int level) {
        if (level != 0 && level != 1) {
            throw new UsageException("--qos must be 0 or 1, got " + level);
        }
        return Qos.of(level);
    }
}
