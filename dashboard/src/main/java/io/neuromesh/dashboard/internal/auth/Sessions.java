package io.neuromesh.dashboard.internal.auth;

import io.neuromesh.dashboard.DashboardConfig;
import io.neuromesh.dashboard.internal.act.Actor;
import io.neuromesh.dashboard.internal.server.ApiError;
import io.neuromesh.mqtt.Credentials;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.LoginRefusedException;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import org.tinylog.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logged-in browsers of a dashboard on a broker with users. A login is checked by the broker itself: the
 * dashboard connects to it as that user; the connection stays open for the session and carries its actions, so the
 * broker's ACL decides each one. Sessions end on logout, after {@link DashboardConfig#sessionIdle()} without a
 * request, or when the dashboard closes. Thread-safe.
 */
public final class Sessions implements AutoCloseable {

    /** Most sessions at once: each holds a broker connection. */
    static final int MAX_SESSIONS = 64;
    private static final int TOKEN_BYTES = 32;

    private final DashboardConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    public Sessions(DashboardConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Logs a user in by connecting to the broker as that user. Blocks up to the connect timeout.
     *
     * @return the new session's token (for the cookie)
     * @throws ApiError 401 when the broker refuses the user or password, 400 when they are malformed, 503 when the
     *                  broker cannot be reached or too many sessions are open
     */
    public String login(String user, char[] password) {
        expireIdle();
        if (byToken.size() >= MAX_SESSIONS) {
            throw new ApiError(503, "too many browsers are logged in (" + MAX_SESSIONS + "); log out elsewhere or"
                    + " wait " + config.sessionIdle().toMinutes() + " minutes for idle ones to end");
        }
        Credentials credentials;
        try {
            credentials = Credentials.of(user, password);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        LinkConfig.Builder builder = MqttLink.builder();
        config.configure(builder, Optional.of(credentials));
        MqttLink link = builder.clientId("dashboard-web-" + HexFormat.of().formatHex(bytes(6))).build();
        try {
            link.start();
        } catch (LoginRefusedException e) {
            link.close();
            throw new ApiError(401, "wrong user name or password (" + e.getMessage() + ")");
        } catch (MqttLinkException e) {
            link.close();
            throw new ApiError(503, "cannot check the login: the broker at " + config.broker() + " did not answer ("
                    + e.getMessage() + ")");
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(TOKEN_BYTES));
        byToken.put(token, new Session(user, new Actor("user '" + user + "'", link, config.connectTimeout()),
                clock.instant()));
        Logger.info("dashboard: {} logged in", user);
        return token;
    }

    /** @return the live session of a token (and marks it used), empty when unknown or expired */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session session = byToken.get(token);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (idle(session, now)) {
            end(token);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** Ends a session and closes its broker connection; nothing when unknown. */
    public void end(String token) {
        if (token == null) {
            return;
        }
        Session session = byToken.remove(token);
        if (session != null) {
            session.close();
        }
    }

    /** Ends every session idle for longer than {@link DashboardConfig#sessionIdle()}. */
    public void expireIdle() {
        Instant now = clock.instant();
        byToken.forEach((token, session) -> {
            if (idle(session, now)) {
                end(token);
            }
        });
    }

    private boolean idle(Session session, Instant now) {
        return session.lastUsed().plus(config.sessionIdle()).isBefore(now);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Ends every session; idempotent. */
    @Override
    public void close() {
        byToken.keySet().forEach(this::end);
    }
}
