package io.neuromesh.dashboard.internal.auth;

import com.google.gson.JsonObject;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.neuromesh.dashboard.Access;
import io.neuromesh.dashboard.internal.act.Actor;
import io.neuromesh.dashboard.internal.server.ApiError;
import io.neuromesh.dashboard.internal.server.Json;

import java.util.Arrays;
import java.util.Set;

/**
 * Who may use the API: on an open broker everyone, acting through the dashboard's own connection; on a broker with
 * users only a logged-in browser (session cookie: HttpOnly, SameSite=Strict), acting through its own connection.
 * Every POST must carry JSON, which a cross-site form cannot send.
 */
public final class Gate {

    /** The session cookie. */
    public static final String COOKIE = "neuromesh_session";
    private static final String SESSION = "neuromesh.session";
    /** What a browser may reach before it logs in. */
    private static final Set<String> PUBLIC = Set.of("/api/session", "/api/login", "/api/logout");

    private final Access access;
    private final Sessions sessions;
    private final Actor dashboard;

    /**
     * @param dashboard what acts on an open broker: the dashboard's own connection
     */
    public Gate(Access access, Sessions sessions, Actor dashboard) {
        this.access = access;
        this.sessions = sessions;
        this.dashboard = dashboard;
    }

    /** Before every {@code /api} request: refuses what this browser may not reach. */
    public void check(Context ctx) {
        if (ctx.method() == HandlerType.POST && !String.valueOf(ctx.contentType()).startsWith("application/json")) {
            throw new ApiError(415, "send JSON: Content-Type must be application/json, got " + ctx.contentType());
        }
        if (access == Access.OPEN || PUBLIC.contains(ctx.path())) {
            return;
        }
        Session session = sessions.find(ctx.cookie(COOKIE)).orElseThrow(() -> new ApiError(401,
                "log in with your Neuromesh user to see the fleet"));
        ctx.attribute(SESSION, session);
    }

    /** @return who acts for this (checked) request */
    public Actor actor(Context ctx) {
        if (access == Access.OPEN) {
            return dashboard;
        }
        Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new ApiError(401, "log in with your Neuromesh user to act on the fleet");
        }
        return session.actor();
    }

    /** {@code GET /api/session}: whether a login is needed, and who is logged in. */
    public void session(Context ctx) {
        JsonObject body = new JsonObject();
        body.addProperty("access", access.name().toLowerCase(java.util.Locale.ROOT));
        body.addProperty("user", access == Access.OPEN ? null
                : sessions.find(ctx.cookie(COOKIE)).map(Session::user).orElse(null));
        Json.send(ctx, body);
    }

    /** {@code POST /api/login {"user": ..., "password": ...}}: checked by the broker, as that user. */
    public void login(Context ctx) {
        if (access == Access.OPEN) {
            throw ApiError.badRequest("this dashboard's broker has no users: there is nothing to log in to");
        }
        JsonObject body = Json.body(ctx);
        String user = Json.string(body, "user");
        char[] password = Json.string(body, "password").toCharArray();
        try {
            String token = sessions.login(user, password);
            sessions.end(ctx.cookie(COOKIE));
            ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        } finally {
            Arrays.fill(password, '\0');
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("user", user);
        Json.send(ctx, answer);
    }

    /** {@code POST /api/logout}: ends the session and its broker connection. */
    public void logout(Context ctx) {
        sessions.end(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        Json.send(ctx, new JsonObject());
    }
}
