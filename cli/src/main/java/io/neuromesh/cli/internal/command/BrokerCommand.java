package io.neuromesh.cli.internal.command;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code neuromesh broker}: the embedded HiveMQ CE broker until Ctrl-C. */
public final class BrokerCommand implements Command {

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public String synopsis() {
        return "[--port 1883] [--bind 127.0.0.1] [--data DIR | --in-memory]";
    }

    @Override
    public String summary() {
        return "run the embedded MQTT 5 broker (HiveMQ CE) until Ctrl-C";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("port", "PORT", "TCP port (default 1883)"),
                Option.value("bind", "ADDRESS", "address to listen on (default 127.0.0.1; 0.0.0.0 for a fleet)"),
                Option.value("data", "DIR", "persistence folder (default ~/.neuromesh/broker)"),
                Option.flag("in-memory", "keep nothing on disk (retained messages die with the broker)"));
    }

    @Override
    public int run(Args args, PrintStream out) throws InterruptedException {
        args.maxPositional(0);
        var builder = EmbeddedBroker.builder()
                .port(args.intValue("port", EmbeddedBroker.DEFAULT_PORT, 1, 65_535))
                .bind(args.value("bind", EmbeddedBroker.DEFAULT_BIND));
        if (args.flag("in-memory")) {
            builder.persistence(Persistence.IN_MEMORY);
        } else {
            builder.persistence(Persistence.FILE)
                    .dataDir(Path.of(args.value("data", EmbeddedBroker.defaultDataDir().toString())));
        }
        EmbeddedBroker broker = builder.build();
        try {
            broker.start();
        } catch (BrokerException e) {
            throw new CommandFailedException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "neuromesh-broker-shutdown"));
        // The broker logs where it listens; this thread only waits for Ctrl-C / SIGTERM.
        stopped.await();
        return 0;
    }
}
