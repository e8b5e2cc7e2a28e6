package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.flows.ClientConfig;
import io.neuromesh.flows.Worker;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.cli.internal.UsageException;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code neuromesh edge --node <id>}: one edge runtime until SIGTERM / Ctrl-C. */
public final class EdgeCommand implements Command {

    @Override
    public String name() {
        return "edge";
    }

    @Override
    public String synopsis() {
        return "--node <id> [--broker URL] [--gpio auto|mock|gpiod|off]";
    }

    @Override
    public String summary() {
        return "run an edge runtime: host the neurons the topology places on this node";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("node", "ID", "this node's id (1-64 of A-Z a-z 0-9 _ -)"),
                Option.value("gpio", "MODE", "auto (gpiod on a Pi, simulated elsewhere), mock, gpiod or off (default auto)"),
                Option.value("heartbeat", "DURATION", "status heartbeat interval (default 1s)"),
                Option.value("offline-after", "DURATION", "a peer silent this long counts as offline; its movable neurons move (default 3.5s)"),
                Option.value("handover", "DURATION", "on SIGTERM, how long to wait for peers to take over movable neurons (default 5s)"),
                Option.value("qos", "0|1", "QoS of neuron traffic (inputs, outputs): 1 survives broker restarts, 0 is faster (default 1)"),
                Option.flag("no-worker", "do not also run a task-flow worker (by default every edge node is one, on queue default)"),
                Option.value("keep-alive", "DURATION", "MQTT keep-alive; the broker marks the node offline after 1.5x (default 10s)"),
                BROKER);
    }

    private static GpioSetting gpio(String text) {
        try {
            return GpioSetting.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gpio must be auto, mock, gpiod or off, got '" + text + "'");
        }
    }

    @Override
    public int run(Args args, PrintStream out) throws InterruptedException {
        args.maxPositional(0);
        EdgeConfig config;
        try {
            config = EdgeRuntime.builder()
                    .node(SendCommand.requireId(args.required("node"), "--node"))
                    .broker(args.broker())
                    .keepAlive(args.duration("keep-alive", LinkConfig.DEFAULT_KEEP_ALIVE))
                    .gpio(gpio(args.value("gpio", "auto")))
                    .neuronQos(io.neuromesh.mqtt.Qos.of(args.intValue("qos", 1, 0, 1)))
                    .heartbeat(args.duration("heartbeat", EdgeConfig.DEFAULT_HEARTBEAT),
                            args.duration("offline-after", EdgeConfig.DEFAULT_OFFLINE_AFTER))
                    .handover(args.duration("handover", EdgeConfig.DEFAULT_HANDOVER))
                    .config();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        EdgeRuntime runtime = EdgeRuntime.create(config);
        Worker worker = args.flag("no-worker") ? null
                : Worker.builder().broker(config.broker()).name(config.node()).queues(ClientConfig.DEFAULT_QUEUE).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (worker != null) {
                worker.close();
            }
            runtime.close();
            stopped.countDown();
        }, "neuromesh-edge-shutdown"));
        runtime.failure().thenAccept(reason -> {
            System.err.println("neuromesh edge: " + reason);
            // Exit from a thread of its own: System.exit runs the shutdown hook, which closes the runtime whose
            // thread completed this future.
            new Thread(() -> System.exit(1), "neuromesh-edge-exit").start();
        });
        runtime.start();
        if (worker != null) {
            worker.start();
        }
        out.println("node " + config.node() + " running" + (worker == null ? "" : " (also a worker on queue "
                + ClientConfig.DEFAULT_QUEUE + ")") + "; broker " + config.broker()
                + " (it connects when the broker is up)");
        out.flush();
        stopped.await();
        return 0;
    }
}
