package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.command.BrokerWait;
import io.neuromesh.cli.internal.command.UntilShutdown;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.flows.ClientConfig;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerConfig;
import io.neuromesh.topology.Ids;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh worker --broker URL --queue Q}: a task worker on this machine until SIGTERM / Ctrl-C. Needs no
 * GPIO and no topology: any machine that reaches the broker joins the fleet's task queue.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "run a task worker: join queues, run the enabled tasks (--tasks; by default the built-ins that"
                + " only compute) for the fleet")
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Option(names = "--queue", paramLabel = "Q", split = ",", defaultValue = ClientConfig.DEFAULT_QUEUE,
            description = "queues to serve, comma separated (default: ${DEFAULT-VALUE})")
    private List<String> queues;
    @Option(names = "--name", paramLabel = "ID", description = "worker name, unique in the fleet (default:"
            + " <hostname>-<pid>)")
    private String name;
    @Option(names = "--concurrency", paramLabel = "N", description = "tasks run at once (default: number of CPUs)")
    private Integer concurrency;
    @Option(names = "--prefetch", paramLabel = "N", description = "tasks held at once, running or waiting (default: "
            + WorkerConfig.DEFAULT_PREFETCH_PER_SLOT + " per concurrency slot)")
    private Integer prefetch;
    @Mixin
    private TaskOptions tasks;
    @Option(names = "--heartbeat", paramLabel = "DURATION", description = "status heartbeat interval (default:"
            + " ${DEFAULT-VALUE})")
    private Duration heartbeat = WorkerConfig.DEFAULT_HEARTBEAT;

    @Override
    public Integer call() throws InterruptedException {
        int slots = concurrency == null ? Runtime.getRuntime().availableProcessors() : concurrency;
        if (slots < 1 || slots > WorkerConfig.MAX_CONCURRENCY) {
            throw new UsageException("--concurrency must be between 1 and " + WorkerConfig.MAX_CONCURRENCY
                    + ", got " + slots);
        }
        if (prefetch != null && prefetch < 1) {
            throw new UsageException("--prefetch must be at least 1, got " + prefetch);
        }
        WorkerConfig.Builder builder = Worker.builder()
                .link(broker::configure)
                .name(name == null ? defaultName() : name)
                .queues(queues.stream().map(String::strip).toList())
                .heartbeat(heartbeat)
                .concurrency(slots);
        if (prefetch != null) {
            builder.prefetch(prefetch);
        }
        tasks.apply(builder);
        WorkerConfig config;
        try {
            config = builder.config();
        } catch (IllegalArgumentException e) {
            // The settings name their fields as the builder does; say it in option terms.
            throw new UsageException("--" + e.getMessage().replaceFirst("^queues\\[\\d+]", "queue"));
        }
        BrokerWait<Worker> workers = new BrokerWait<>("worker", config.broker(), config.link().reconnect(),
                Worker::start, Worker::close);
        UntilShutdown shutdown = UntilShutdown.register("worker", workers::stop);
        // The first build loads the tasks at once, so a bad --tasks or task folder fails before any broker wait.
        Worker worker = workers.start(() -> TaskOptions.create(config), NeuromeshCommand.err(spec));
        if (worker == null) {
            return 0;
        }
        PrintStream out = NeuromeshCommand.out(spec);
        out.println("worker " + config.name() + " running: queues " + String.join(", ", config.queues())
                + "; concurrency " + config.concurrency() + ", prefetch " + config.prefetch() + "; broker "
                + config.broker());
        TaskOptions.print(out, worker);
        out.flush();
        shutdown.await();
        return 0;
    }

    /** {@code <hostname>-<pid>}, reduced to the characters a worker name may have. */
    static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        String clean = host.replaceAll("[^A-Za-z0-9_-]", "-");
        String suffix = "-" + ProcessHandle.current().pid();
        return clean.substring(0, Math.min(clean.length(), Ids.MAX_LENGTH - suffix.length())) + suffix;
    }
}
