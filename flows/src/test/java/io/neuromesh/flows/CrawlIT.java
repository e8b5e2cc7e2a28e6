package io.neuromesh.flows;

import com.sun.net.httpserver.HttpServer;
import io.neuromesh.flows.demo.Crawl;
import io.neuromesh.flows.testing.WebServer;
import io.neuromesh.flows.testing.Workers;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crawl demo against a local web server with fast, slow, missing and broken pages. */
@Timeout(60)
class CrawlIT {

    private static final int PAGES = 24;

    private TestFleet<Worker> fleet;
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        fleet = TestFleet.builder(Workers.inProcess(b -> b.enableTasks("safe", Crawl.TASK))).broker(BrokerKind.MOSQUITTO)
                .start();
        server = WebServer.loopback();
        server.createContext("/page/", exchange -> {
            String n = exchange.getRequestURI().getPath().substring("/page/".length());
            WebServer.reply(exchange, 200, page(n));
        });
        server.createContext("/slow", exchange -> {
            try {
                // Not a wait but the page's behaviour: it answers after the crawl's 1 s timeout.
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            WebServer.reply(exchange, 200, "<title>too late</title>");
        });
        server.createContext("/error", exchange -> WebServer.reply(exchange, 500, "<title>Server Error</title>"));
        server.createContext("/", exchange -> WebServer.reply(exchange, 404, "not here"));
        server.start();
        base = WebServer.base(server);
    }

    private static String page(String n) {
        return "<html><head><title>Page " + n + "</title></head><body>" + "word ".repeat(100) + "</body></html>";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        fleet.close();
    }

    @Test
    void everyUrlGetsAResultAndFailuresAreReportedPerUrl() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= PAGES; i++) {
            urls.add(base + "/page/" + i);
        }
        urls.add(base + "/slow");
        urls.add(base + "/missing");
        urls.add(base + "/error");
        urls.add("http://127.0.0.1:" + FreePorts.next() + "/nobody-listens");
        for (String name : List.of("crawl1", "crawl2", "crawl3", "crawl4")) {
            fleet.start(name, Workers.inProcess(b -> b.concurrency(2).enableTasks("safe", Crawl.TASK)));
        }
        try (FlowClient client = Workers.client(fleet)) {
            Workers.awaitOnline(client, "crawl1", "crawl2", "crawl3", "crawl4");

            Crawl.Report report = Crawl.run(client, urls, Duration.ofMillis(1000), null);

            System.out.println("crawl of " + urls.size() + " URLs: " + report.wallTime().toMillis() + " ms, per worker "
                    + report.perWorker());
            assertEquals(urls.size(), report.outcomes().size());
            for (int i = 0; i < PAGES; i++) {
                Crawl.Outcome outcome = report.outcomes().get(i);
                assertEquals(urls.get(i), outcome.url());
                assertNull(outcome.error(), outcome::toString);
                assertEquals(new Crawl.Page(urls.get(i), 200, page(String.valueOf(i + 1)).length(), "Page " + (i + 1)),
                        outcome.page());
            }
            assertEquals("timed out after 1000 ms", report.outcomes().get(PAGES).error());
            assertEquals(404, report.outcomes().get(PAGES + 1).page().status());
            assertNull(report.outcomes().get(PAGES + 1).page().title());
            assertEquals(new Crawl.Page(urls.get(PAGES + 2), 500, 27, "Server Error"), report.outcomes().get(PAGES + 2).page());
            assertEquals("connection refused", report.outcomes().get(PAGES + 3).error());
            assertTrue(report.perWorker().size() >= 2, "the URLs were shared: " + report.perWorker());
        }
    }

    @Test
    void aMalformedUrlIsAnErrorResultOfItsOwn() throws Exception {
        fleet.start("crawl9");
        try (FlowClient client = Workers.client(fleet)) {
            Workers.awaitOnline(client, "crawl9");

            Crawl.Report report = Crawl.run(client, List.of("ftp://example.org/x", base + "/page/1"),
                    Duration.ofSeconds(2), null);

            assertTrue(report.outcomes().get(0).error().startsWith("bad arguments for 'http.fetch': url: must be an "
                    + "absolute http or https URL, got ftp://example.org/x (got "), report.outcomes().get(0).error());
            assertEquals(200, report.outcomes().get(1).page().status());
        }
    }
}
