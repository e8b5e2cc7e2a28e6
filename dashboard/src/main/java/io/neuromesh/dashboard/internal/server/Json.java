package io.neuromesh.dashboard.internal.server;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;

/** JSON in and out of the API: one Gson, bodies as objects, errors as {@code {"error": ...}}. */
public final class Json {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }

    /** Sends {@code body} as the response, status 200 unless set. */
    public static void send(Context ctx, JsonElement body) {
        ctx.contentType("application/json; charset=utf-8").result(GSON.toJson(body));
    }

    /** Sends {@code {"error": message, "errors": [details]}} with the error's status. */
    public static void error(Context ctx, ApiError error) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error.getMessage());
        if (!error.details().isEmpty()) {
            JsonArray details = new JsonArray();
            error.details().forEach(details::add);
            body.add("errors", details);
        }
        ctx.status(error.status());
        send(ctx, body);
    }

    /** @return the text of a JSON value */
    public static String text(JsonElement element) {
        return GSON.toJson(element);
    }

    /** @return a wire payload (UTF-8 JSON) as a JSON tree */
    public static JsonElement parse(byte[] utf8) {
        return JsonParser.parseString(new String(utf8, StandardCharsets.UTF_8));
    }

    /**
     * @return the request body as a JSON object
     * @throws ApiError 400 when it is not one, saying so
     */
    public static JsonObject body(Context ctx) {
        try {
            JsonElement body = JsonParser.parseString(ctx.body());
            if (!body.isJsonObject()) {
                throw ApiError.badRequest("the request body must be a JSON object, got " + shorten(ctx.body()));
            }
            return body.getAsJsonObject();
        } catch (JsonParseException e) {
            throw ApiError.badRequest("the request body is not JSON: " + e.getMessage());
        }
    }

    /**
     * @return the number {@code field} of {@code body}
     * @throws ApiError 400 naming the field when it is missing or not a finite number
     */
    public static double number(JsonObject body, String field) {
        JsonElement value = body.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || !Double.isFinite(value.getAsDouble())) {
            throw ApiError.badRequest(field + ": must be a number, got " + (value == null ? "nothing" : value));
        }
        return value.getAsDouble();
    }

    /**
     * @return the string {@code field} of {@code body}
     * @throws ApiError 400 naming the field when it is missing or not a string
     */
    public static String string(JsonObject body, String field) {
        JsonElement value = body.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw ApiError.badRequest(field + ": must be a string, got " + (value == null ? "nothing" : value));
        }
        return value.getAsString();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
