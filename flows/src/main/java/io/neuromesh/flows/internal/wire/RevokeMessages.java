package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Revocations on {@code neuromesh/revoke}: {@code {"v":1,"ids":["c-1","c-2"]}}. */
public final class RevokeMessages {

    private RevokeMessages() {
    }

    public static String encode(Collection<String> ids) {
        JsonObject json = new JsonObject();
        json.addProperty("v", TaskEnvelopes.VERSION);
        JsonArray array = new JsonArray();
        ids.forEach(array::add);
        json.add("ids", array);
        return Json.GSON.toJson(json);
    }

    /** The ids in a revocation; an unreadable message yields none. */
    public static List<String> decode(String text) {
        List<String> ids = new ArrayList<>();
        try {
            JsonElement root = JsonParser.parseString(text);
            if (root.isJsonObject() && root.getAsJsonObject().get("ids") instanceof JsonArray array) {
                for (JsonElement id : array) {
                    if (id.isJsonPrimitive()) {
                        ids.add(id.getAsString());
                    }
                }
            }
        } catch (JsonParseException e) {
            return List.of();
        }
        return ids;
    }
}
