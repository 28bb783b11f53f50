package org.shanzhi.cockpit.hub;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

import org.shanzhi.cockpit.json.Json;

/** How the hub answers: JSON, and one error shape {@code {"error", "field", "message"}} for every refusal. */
final class Answers {

    private Answers() {
    }

    static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(body);
    }

    static void error(Context ctx, int status, String field, String message) {
        json(ctx, status, Json.write(error(status, field, message)));
    }

    static Map<String, Object> error(int status, String field, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code(status));
        m.put("field", field);
        m.put("message", message);
        return m;
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 422 -> "rejected";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "error";
        };
    }
}
