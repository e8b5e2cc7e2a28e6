package io.neuromesh.flows;

import io.neuromesh.flows.testing.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builds {@code docker/Dockerfile} and runs a worker container against a Mosquitto container, as a volunteer machine
 * would join. Skipped without a Docker engine; a worker joining a queue and answering is also covered by
 * {@link RoutingIT} and {@link FairnessIT}, which run everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(1200)
class DockerImageIT {

    private static final List<String> MODULES = List.of("topology", "mqtt", "broker", "testkit-brokers",
            "device-drivers", "edge-runtime", "flows", "testkit", "metrics", "dashboard", "bench", "cli", "packaging");

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker/Dockerfile"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker/Dockerfile above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    // withDockerfile(Path) would make docker/ the build context; the Dockerfile needs the repository root.
    @SuppressWarnings("deprecation")
    private static ImageFromDockerfile image(Path root) {
        ImageFromDockerfile image = new ImageFromDockerfile("neuromesh-flows-it", true)
                .withDockerfilePath("docker/Dockerfile")
                .withBuildArg("BUILDPLATFORM", System.getProperty("os.arch").contains("aarch64") ? "linux/arm64" : "linux/amd64")
                .withFileFromPath("docker/Dockerfile", root.resolve("docker/Dockerfile"))
                .withFileFromPath("pom.xml", root.resolve("pom.xml"))
                .withFileFromPath("examples", root.resolve("examples"))
                // The image is built from the .deb packages: their control files and the docs they carry.
                .withFileFromPath("packaging/src/deb", root.resolve("packaging/src/deb"))
                .withFileFromPath("docs/install.md", root.resolve("docs/install.md"));
        for (String module : MODULES) {
            image.withFileFromPath(module + "/pom.xml", root.resolve(module).resolve("pom.xml"));
            image.withFileFromPath(module + "/src/main", root.resolve(module).resolve("src/main"));
        }
        return image;
    }

    @Test
    void aWorkerContainerJoinsTheQueueAndAnswersTasks() throws Exception {
        try (Network network = Network.newNetwork();
             GenericContainer<?> mosquitto = new GenericContainer<>("eclipse-mosquitto:2")
                     .withNetwork(network).withNetworkAliases("broker")
                     .withCopyToContainer(Transferable.of("listener 1883\nallow_anonymous true\n"),
                             "/mosquitto/config/mosquitto.conf")
                     .withExposedPorts(1883).waitingFor(Wait.forListeningPort())) {
            mosquitto.start();
            try (GenericContainer<?> worker = new GenericContainer<>(image(repositoryRoot()))
                    .withNetwork(network)
                    .withCommand("worker", "--broker", "tcp://broker:1883", "--queue", "default", "--name", "docker1")
                    .waitingFor(Wait.forLogMessage(".*worker docker1 running.*\\n", 1)
                            .withStartupTimeout(Duration.ofMinutes(2)))) {
                worker.start();
                String broker = "tcp://" + mosquitto.getHost() + ":" + mosquitto.getMappedPort(1883);
                try (FlowClient client = FlowClient.builder().broker(broker).connect()) {
                    Workers.awaitOnline(client, "docker1");

                    TaskResult result = client.submit(TaskCall.of("wordcount.count", List.of("hello hello world"))).join();

                    assertEquals("docker1", result.worker());
                    assertEquals("{\"hello\":2,\"world\":1}", result.value().toString());
                }
            }
        }
    }
}
