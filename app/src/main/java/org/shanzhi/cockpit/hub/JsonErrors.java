package org.shanzhi.cockpit.hub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import org.shanzhi.cockpit.json.Json;

/**
 * The hub's error answer, {@code {"error", "field", "message"}}, for the requests Jetty refuses
 * before they reach a route (a malformed URI, an over-long URI or header): JSON like every other
 * answer of the hub, never an HTML page, never a stack.
 */
final class JsonErrors extends ErrorHandler {

    static Map<String, Object> body(int status, String field, String message) {
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
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 422 -> "rejected";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    private static ByteBuffer json(int status) {
        String reason = HttpStatus.getMessage(status);
        return ByteBuffer.wrap(Json.write(body(status, null, "the request was refused: " + reason))
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, json(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return json(status);
    }
}
