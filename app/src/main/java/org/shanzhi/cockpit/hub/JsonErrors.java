package org.shanzhi.cockpit.hub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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

    private static ByteBuffer json(int status) {
        String reason = HttpStatus.getMessage(status);
        return ByteBuffer.wrap(Json.write(Answers.error(status, null, "the request was refused: " + reason))
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
