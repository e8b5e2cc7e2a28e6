package io.neuromesh.flows.testing;

import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.TestFolders;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Workers as separate JVMs ({@link WorkerMain} on the test class path), for a {@code TestFleet<ManagedProcess>}. */
public final class WorkerProcesses {

    private WorkerProcesses() {
    }

    /** Starts worker JVMs on {@code queue} and returns each once it printed that it is ready. */
    public static NodeStarter<ManagedProcess> starter(String queue, int concurrency, int prefetch,
                                                      Duration heartbeat) {
        Path logs = TestFolders.create("flows-workers");
        return (name, broker) -> {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx128m",
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                    broker, name, queue, Integer.toString(concurrency), Integer.toString(prefetch),
                    Long.toString(heartbeat.toMillis()));
            ManagedProcess process = ManagedProcess.start(name, command, Path.of("").toAbsolutePath(),
                    logs.resolve(name + ".log"));
            try {
                process.awaitOutput("READY " + name, Duration.ofSeconds(60));
                return process;
            } catch (InterruptedException | RuntimeException | Error e) {
                process.stop();
                throw e;
            }
        };
    }
}
