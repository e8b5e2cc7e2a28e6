package io.neuromesh.flows.testing;

import io.neuromesh.testkit.process.ManagedProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Workers as separate JVMs ({@link WorkerMain} on the test class path), stopped on close. */
public final class WorkerProcesses implements AutoCloseable {

    private final Path logs;
    private final List<ManagedProcess> processes = new ArrayList<>();

    public WorkerProcesses() throws IOException {
        this.logs = Files.createTempDirectory("flows-workers");
    }

    /** Starts one worker JVM; call {@link #awaitReady} before using it. */
    public ManagedProcess start(String broker, String name, String queue, int concurrency, int prefetch,
                                Duration heartbeat) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                broker, name, queue, Integer.toString(concurrency), Integer.toString(prefetch),
                Long.toString(heartbeat.toMillis()));
        ManagedProcess process = ManagedProcess.start(name, command, Path.of("").toAbsolutePath(),
                logs.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    public void awaitReady(ManagedProcess process, String name) throws InterruptedException {
        process.awaitOutput("READY " + name, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        processes.forEach(ManagedProcess::stop);
        processes.clear();
    }
}
