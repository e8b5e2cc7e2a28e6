package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;

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
        return "--node <id> [--broker URL]";
    }

    @Override
    public String summary() {
        return "run an edge runtime: host the neurons the topology places on this node";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("node", "ID", "this node's id (1-64 of A-Z a-z 0-9 _ -)"),
                Option.value("keep-alive", "DURATION", "MQTT keep-alive; the broker marks the node offline after 1.5x (default 10s)"),
                BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) throws InterruptedException {
        args.maxPositional(0);
        EdgeConfig config = EdgeRuntime.builder()
                .node(SendCommand.requireId(args.required("node"), "--node"))
                .broker(args.broker())
                .keepAlive(args.duration("keep-alive", io.neuromesh.mqtt.LinkConfig.DEFAULT_KEEP_ALIVE))
                .config();
        EdgeRuntime runtime = EdgeRuntime.create(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "neuromesh-edge-shutdown"));
        runtime.start();
        out.println("node " + config.node() + " running; broker " + config.broker() + " (it connects when the broker is up)");
        out.flush();
        stopped.await();
        return 0;
    }
}
