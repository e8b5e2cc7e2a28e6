package io.neuromesh.flows.demo;

import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.Route;
import io.neuromesh.flows.TaskCall;
import io.neuromesh.flows.TaskResult;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crawl demo: each URL is one {@value #TASK} task that fetches it with a timeout and returns its status, size
 * and HTML title; a URL that cannot be fetched gets an error result of its own.
 *
 * @since 0.1
 */
public final class Crawl {

    /** The task: {@code {"url":"https://...","timeoutMs":5000,"maxBytes":1048576}} in, {@link Page} out. */
    public static final String TASK = "http.fetch";
    /** Fetch timeout when none is given. */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(10);
    /** Largest body a fetch reads when the arguments name no {@code maxBytes}: 1 MiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;
    /** Largest {@code maxBytes} a submitter may ask for: 8 MiB (each running fetch holds its body in memory). */
    public static final long MAX_BYTES_LIMIT = 8L << 20;
    /** Connect timeout of every fetch (the fetch timeout bounds it too, when shorter). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Redirects followed at most, each within the same origin (or from http to https on the same host). */
    public static final int MAX_REDIRECTS = 5;
    /** How much longer than the fetch timeout the task may run, so the fetch's own timeout is what reports. */
    public static final Duration TASK_MARGIN = Duration.ofSeconds(5);

    private Crawl() {
    }

    /**
     * Arguments of {@value #TASK}.
     *
     * @param url       an absolute http or https URL
     * @param timeoutMs the fetch timeout in milliseconds (connect, headers, body and redirects together)
     * @param maxBytes  largest body read, in bytes: 0 (or absent in JSON) for {@link #DEFAULT_MAX_BYTES}, at most
     *                  {@link #MAX_BYTES_LIMIT}; a longer body fails the fetch
     */
    public record Request(String url, long timeoutMs, long maxBytes) {
        /** Validates the URL and the timeout. */
        public Request {
            URI uri;
            try {
                uri = url == null ? null : URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("url: not a URL: " + url);
            }
            if (uri == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("url: must be an absolute http or https URL, got " + url);
            }
            if (timeoutMs <= 0) {
                throw new IllegalArgumentException("timeoutMs: must be a positive number of milliseconds, got "
                        + timeoutMs);
            }
            if (maxBytes < 0 || maxBytes > MAX_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxBytes: must be 1-" + MAX_BYTES_LIMIT + " bytes (0 for "
                        + DEFAULT_MAX_BYTES + "), got " + maxBytes);
            }
            maxBytes = maxBytes == 0 ? DEFAULT_MAX_BYTES : maxBytes;
        }
    }

    /**
     * What {@value #TASK} returns for a URL that answered (any HTTP status).
     *
     * @param url    the URL fetched
     * @param status the HTTP status
     * @param bytes  size of the body in bytes
     * @param title  the HTML {@code <title>}, or null when there is none
     */
    public record Page(String url, int status, long bytes, String title) {
    }

    /**
     * One URL's outcome.
     *
     * @param url    the URL
     * @param page   what it returned, or null when it failed
     * @param error  why it failed ({@code timed out after 500 ms}, {@code connection refused}, ...), or null
     * @param worker the worker that fetched it, or null
     */
    public record Outcome(String url, Page page, String error, String worker) {
    }

    /**
     * The result of a crawl.
     *
     * @param outcomes  one per URL, in the order of the URLs
     * @param perWorker URLs fetched per worker
     * @param wallTime  from the first submit to the last result
     */
    public record Report(List<Outcome> outcomes, Map<String, Integer> perWorker, Duration wallTime) {
        /** Copies the collections. */
        public Report {
            outcomes = List.copyOf(outcomes);
            perWorker = Map.copyOf(perWorker);
        }
    }

    /** The URLs in the lines of a URL file: blank lines and lines starting with {@code #} are skipped. */
    public static List<String> urls(List<String> lines) {
        List<String> urls = new ArrayList<>();
        for (String line : lines) {
            String url = line.strip();
            if (!url.isEmpty() && !url.startsWith("#")) {
                urls.add(url);
            }
        }
        return urls;
    }

    /**
     * Fetches every URL on the fleet, one task each, in parallel. Blocks until all have answered.
     *
     * @param client       a started client
     * @param urls         the URLs
     * @param fetchTimeout timeout of each fetch
     * @param route        where the tasks go, or null for the client's default queue
     */
    public static Report run(FlowClient client, List<String> urls, Duration fetchTimeout, Route route) {
        long start = System.nanoTime();
        List<TaskCall> calls = new ArrayList<>(urls.size());
        for (String url : urls) {
            calls.add(TaskCall.of(TASK, Map.of("url", url, "timeoutMs", fetchTimeout.toMillis())).route(route)
                    .timeout(fetchTimeout.plus(TASK_MARGIN)).retries(0));
        }
        List<TaskResult> results = client.group(calls).join();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<Outcome> outcomes = new ArrayList<>(results.size());
        Map<String, Integer> perWorker = new TreeMap<>();
        for (int i = 0; i < results.size(); i++) {
            TaskResult result = results.get(i);
            if (result.worker() != null) {
                perWorker.merge(result.worker(), 1, Integer::sum);
            }
            outcomes.add(result.ok()
                    ? new Outcome(urls.get(i), result.value(Page.class), null, result.worker())
                    : new Outcome(urls.get(i), null, result.error(), result.worker()));
        }
        return new Report(outcomes, perWorker, wall);
    }
}
