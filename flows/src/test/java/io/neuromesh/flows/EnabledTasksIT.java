package io.neuromesh.flows;

import com.sun.net.httpserver.HttpServer;
import io.neuromesh.flows.demo.Crawl;
import io.neuromesh.flows.testing.TaskJars;
import io.neuromesh.flows.testing.WebServer;
import io.neuromesh.flows.testing.Workers;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An edge-like worker with the default enable list answers {@code http.fetch} and a task jar's task with an error
 * result saying how to enable them; a worker whose operator enabled them runs them. Real broker, real web server.
 */
@Timeout(60)
class EnabledTasksIT {

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aTaskThatIsNotEnabledGetsAnErrorResultAndAnEnabledOneRuns(BrokerKind broker, @TempDir Path dir)
            throws Exception {
        TaskJars.shoutJar(dir);
        HttpServer web = WebServer.loopback();
        web.createContext("/", exchange -> WebServer.reply(exchange, 200, "<title>local</title>"));
        web.start();
        String url = WebServer.base(web) + "/";
        try (TestFleet<Worker> fleet = TestFleet.builder(Workers.inProcess()).broker(broker).start()) {
            Worker edge = fleet.start("edge1", Workers.inProcess(b -> b.taskDir(dir)));
            Worker crawler = fleet.start("crawler", Workers.inProcess(
                    b -> b.taskDir(dir).enableTasks("safe", "http.fetch", "shout")));
            try (FlowClient client = Workers.client(fleet)) {
                Workers.awaitOnline(client, "edge1", "crawler");
                Map<String, Object> fetch = Map.of("url", url, "timeoutMs", 5000);

                TaskResult refused = client.submit(TaskCall.of(Crawl.TASK, fetch).onWorker("edge1")).join();
                TaskResult refusedJar = client.submit(TaskCall.of("shout", "hi").onWorker("edge1")).join();
                TaskResult safe = client.submit(TaskCall.of("echo", "hi").onWorker("edge1")).join();
                TaskResult fetched = client.submit(TaskCall.of(Crawl.TASK, fetch).onWorker("crawler")).join();
                TaskResult shouted = client.submit(TaskCall.of("shout", "hi").onWorker("crawler")).join();

                assertEquals(ErrorKind.NOT_ENABLED, refused.errorKind(), refused::toString);
                assertEquals("task 'http.fetch' is not enabled on worker edge1; start it with --tasks safe,http.fetch",
                        refused.error());
                assertEquals("edge1", refused.worker());
                assertEquals(ErrorKind.NOT_ENABLED, refusedJar.errorKind(), refusedJar::toString);
                assertEquals("task 'shout' is not enabled on worker edge1; start it with --tasks safe,shout",
                        refusedJar.error());
                assertEquals("\"hi\"", safe.value().toString());
                assertEquals(new Crawl.Page(url, 200, 20, "local"), fetched.value(Crawl.Page.class));
                assertEquals("\"HI!\"", shouted.value().toString());

                assertFalse(edge.taskNames().contains("http.fetch"));
                assertTrue(edge.disabledTaskNames().containsAll(List.of("http.fetch", "shout")));
                assertEquals(List.of("shout"), edge.taskJars().values().iterator().next());
                WorkerStatus status = client.workers().stream().filter(s -> s.worker().equals("edge1")).findFirst()
                        .orElseThrow();
                assertFalse(status.tasks().contains("http.fetch"), "the heartbeat lists only what it runs: "
                        + status.tasks());
                assertTrue(crawler.taskNames().containsAll(List.of("http.fetch", "shout", "echo")));
            }
        } finally {
            web.stop(0);
        }
    }
}
