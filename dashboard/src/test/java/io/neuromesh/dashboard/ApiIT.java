package io.neuromesh.dashboard;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.UserFile;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.mqtt.Credentials;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API over HTTP: answers, clear 4xx errors for bad input, and the broker deciding who may act. */
@Timeout(120)
class ApiIT {

    private static final String XOR = new String(TestFleet.example("xor.json"), java.nio.charset.StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private record Answer(int status, String body, Optional<String> cookie) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String error() {
            return json().get("error").getAsString();
        }
    }

    private Answer get(Dashboard d, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(d.uri().resolve(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET().build());
    }

    private Answer post(Dashboard d, String path, String type, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(d.uri().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Set-Cookie"));
    }

    @Test
    void onAnOpenBrokerTheApiAnswersAndBadInputGetsAClear4xx() throws Exception {
        try (TestFleet<AutoCloseable> fleet = TestFleet.builder((name, broker) -> () -> { }).start();
             Dashboard dashboard = Dashboard.builder().broker(fleet.uri()).port(0).build()) {
            dashboard.start();
            assertEquals("open", get(dashboard, "/api/session", null).json().get("access").getAsString());
            Answer fleetNow = get(dashboard, "/api/fleet", null);
            assertEquals(200, fleetNow.status(), fleetNow.body());
            assertTrue(fleetNow.json().getAsJsonObject("broker").get("connected").getAsBoolean(), fleetNow.body());

            Answer malformed = post(dashboard, "/api/topology", "application/json", "{\"rev\": 1, \"neurons\": [", null);
            assertEquals(400, malformed.status(), malformed.body());
            assertTrue(malformed.error().startsWith("the topology is not valid: "), malformed.body());

            Answer applied = post(dashboard, "/api/topology", "application/json", XOR, null);
            assertEquals(202, applied.status(), applied.body());
            assertEquals("published rev 1", applied.json().get("message").getAsString());

            Answer stale = post(dashboard, "/api/topology", "application/json", XOR, null);
            assertEquals(409, stale.status(), stale.body());
            assertTrue(stale.error().contains("not newer than the fleet's rev 1"), stale.body());

            Answer notJson = post(dashboard, "/api/neurons/x/fire", "text/plain", "fire", null);
            assertEquals(415, notJson.status(), notJson.body());
            assertTrue(notJson.error().contains("Content-Type must be application/json"), notJson.body());

            Answer badRev = get(dashboard, "/api/topology/diff?from=one&to=2", null);
            assertEquals(400, badRev.status(), badRev.body());
            assertTrue(badRev.error().startsWith("from: must be a rev from 1 to"), badRev.body());

            Answer noApi = get(dashboard, "/api/nothing-here", null);
            assertEquals(404, noApi.status(), noApi.body());
            assertTrue(noApi.error().contains("no API at GET /api/nothing-here"), noApi.body());

            // The fleet's metrics come from the node statuses the dashboard watches: a retained one for n9.
            fleet.publish(Topics.nodeStatus("n9"), NodeStatusCodec.encode(NodeStatus.offline("n9", "stopped",
                    Instant.now())), true);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Answer metrics = get(dashboard, "/metrics", null);
                assertEquals(200, metrics.status(), metrics.body());
                assertTrue(metrics.body().contains("neuromesh_node_online{node=\"n9\"} 0"), metrics.body());
            });

            Answer page = get(dashboard, "/", null);
            assertEquals(200, page.status());
            assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\">"), page.body());
        }
    }

    @Test
    void anActionBeforeAnyTopologyRunsIsRefusedWithA409() throws Exception {
        try (TestFleet<AutoCloseable> fleet = TestFleet.builder((name, broker) -> () -> { }).start();
             Dashboard dashboard = Dashboard.builder().broker(fleet.uri()).port(0).build()) {
            dashboard.start();
            Answer noTopology = post(dashboard, "/api/neurons/x/fire", "application/json", "{}", null);
            assertEquals(409, noTopology.status(), noTopology.body());
            assertTrue(noTopology.error().startsWith("the fleet runs no topology yet"), noTopology.body());
        }
    }

    @Test
    void withUsersAViewerMayLookButNotActAndAnOperatorMayAct() throws Exception {
        UserFile users = UserFile.in(data);
        users.add("dash", Role.VIEWER, "dash-password".toCharArray());
        users.add("eve", Role.VIEWER, "eve-password".toCharArray());
        users.add("alice", Role.OPERATOR, "alice-password".toCharArray());
        int port = FreePorts.next();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(port).userFile(users.path())
                .persistence(Persistence.IN_MEMORY).build()) {
            broker.start();
            try (Dashboard dashboard = Dashboard.builder().broker(URI.create(broker.uri()))
                    .credentials(Credentials.of("dash", "dash-password".toCharArray())).port(0).build()) {
                dashboard.start();
                assertEquals("login", get(dashboard, "/api/session", null).json().get("access").getAsString());
                Answer anonymous = get(dashboard, "/api/fleet", null);
                assertEquals(401, anonymous.status(), anonymous.body());
                assertTrue(anonymous.error().startsWith("log in with your Neuromesh user"), anonymous.body());

                Answer wrong = post(dashboard, "/api/login", "application/json",
                        "{\"user\":\"eve\",\"password\":\"not-hers\"}", null);
                assertEquals(401, wrong.status(), wrong.body());
                assertTrue(wrong.error().startsWith("wrong user name or password"), wrong.body());

                String eve = login(dashboard, "eve", "eve-password");
                assertEquals(200, get(dashboard, "/api/fleet", eve).status());
                assertEquals("eve", get(dashboard, "/api/session", eve).json().get("user").getAsString());
                Answer refused = post(dashboard, "/api/topology", "application/json", XOR, eve);
                assertEquals(403, refused.status(), refused.body());
                assertTrue(refused.error().startsWith("user 'eve' may not do this: "), refused.body());
                assertTrue(refused.error().contains("log in as an operator"), refused.body());

                String alice = login(dashboard, "alice", "alice-password");
                Answer applied = post(dashboard, "/api/topology", "application/json", XOR, alice);
                assertEquals(202, applied.status(), applied.body());

                assertEquals(200, post(dashboard, "/api/logout", "application/json", "{}", eve).status());
                assertEquals(401, get(dashboard, "/api/fleet", eve).status(), "a logged-out session is gone");
            }
        }
    }

    /** @return the session cookie ("name=value"), after checking its attributes */
    private String login(Dashboard dashboard, String user, String password) throws Exception {
        Answer login = post(dashboard, "/api/login", "application/json",
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        assertEquals(200, login.status(), login.body());
        String cookie = login.cookie().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }
}
