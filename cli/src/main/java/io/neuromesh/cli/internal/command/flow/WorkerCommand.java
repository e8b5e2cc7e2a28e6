package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.flows.ClientConfig;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerConfig;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code neuromesh worker --broker URL --queue Q}: a task worker on this machine until SIGTERM / Ctrl-C. Needs no
 * GPIO and no topology: any machine that reaches the broker joins the fleet's task queue.
 */
public final class WorkerCommand implements Command {

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public String synopsis() {
        return "[--broker URL] [--queue Q[,Q2...]] [--name ID] [--concurrency N] [--prefetch N] [--tasks DIR]";
    }

    @Override
    public String summary() {
        return "run a task worker: join queues, run tasks (built-ins and task jars) for the fleet";
    }

    @Override
    public List<Option> options() {
        return List.of(BROKER,
                Option.value("queue", "Q", "queues to serve, comma separated (default " + ClientConfig.DEFAULT_QUEUE + ")"),
                Option.value("name", "ID", "worker name, unique in the fleet (default <hostname>-<pid>)"),
                Option.value("concurrency", "N", "tasks run at once (default: number of CPUs)"),
                Option.value("prefetch", "N", "tasks held at once, running or waiting (default 2 per concurrency slot)"),
                Option.value("tasks", "DIR", "folder of task jars (default ~/.neuromesh/tasks)"),
                Option.value("heartbeat", "DURATION", "status heartbeat interval (default 2s)"));
    }

    @Override
    public int run(Args args, PrintStream out) throws InterruptedException {
        args.maxPositional(0);
        WorkerConfig.Builder builder = Worker.builder()
                .broker(args.broker())
                .name(args.value("name", defaultName()))
                .queues(Arrays.stream(args.value("queue", ClientConfig.DEFAULT_QUEUE).split(","))
                        .map(String::strip).toList())
                .taskDir(Path.of(args.value("tasks", WorkerConfig.DEFAULT_TASK_DIR.toString())))
                .heartbeat(args.duration("heartbeat", WorkerConfig.DEFAULT_HEARTBEAT));
        int concurrency = args.intValue("concurrency", Runtime.getRuntime().availableProcessors(), 1,
                WorkerConfig.MAX_CONCURRENCY);
        builder.concurrency(concurrency);
        if (args.flag("prefetch")) {
            builder.prefetch(args.intValue("prefetch", concurrency, 1, Integer.MAX_VALUE));
        }
        WorkerConfig config;
        try {
            config = builder.config();
        } catch (IllegalArgumentException e) {
            // The settings name their fields as the builder does; say it in option terms.
            throw new UsageException("--" + e.getMessage().replaceFirst("^queues\\[\\d+]", "queue"));
        }
        Worker worker;
        try {
            worker = Worker.create(config);
        } catch (IllegalStateException e) {
            throw new CommandFailedException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "neuromesh-worker-shutdown"));
        worker.start();
        out.println("worker " + config.name() + " running: queues " + String.join(", ", config.queues())
                + "; concurrency " + config.concurrency() + ", prefetch " + config.prefetch() + "; broker "
                + config.broker() + " (it connects when the broker is up)");
        out.println("tasks: " + String.join(", ", worker.taskNames()));
        out.flush();
        stopped.await();
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
        return clean.substring(0, Math.min(clean.length(), 64 - suffix.length())) + suffix;
    }
}
