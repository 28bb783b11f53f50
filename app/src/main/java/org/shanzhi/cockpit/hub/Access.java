package org.shanzhi.cockpit.hub;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Who may call what: the bearer token's role against the roles a route allows; and what the hub
 * refuses before any route runs (an oversized body, HEAD round a route's checks).
 */
final class Access {

    private static final String ROLE = "role";
    private static final String HEALTH = "/api/v1/health";

    private final Tokens tokens;

    Access(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The role {@link #authorize} found for this request. */
    static Role role(Context ctx) {
        return ctx.attribute(ROLE);
    }

    void limitBody(Context ctx) {
        long length = ctx.contentLength();
        if (length > HubServer.MAX_BODY) {
            throw new BadRequest(413, "body", "the body is " + length + " bytes; the limit is " + HubServer.MAX_BODY);
        }
    }

    /** Jetty answers HEAD from the GET route without the checks the route runs: only health takes it. */
    void refuseHead(Context ctx) {
        if (ctx.method() == HandlerType.HEAD && !ctx.path().equals(HEALTH)) {
            ctx.header("Allow", "GET");
            throw new BadRequest(405, null, "HEAD is not served on " + ctx.path() + "; use GET");
        }
    }

    void authorize(Context ctx) {
        if (ctx.path().equals(HEALTH) || ctx.routeRoles().isEmpty()) {
            return;
        }
        Role role = roleOf(ctx);
        if (!ctx.routeRoles().contains(role)) {
            throw new BadRequest(403, "token", "role " + role.key() + " may not " + ctx.method() + " " + ctx.path());
        }
        ctx.attribute(ROLE, role);
    }

    Role roleOf(Context ctx) {
        String header = ctx.header("Authorization");
        // browsers cannot set headers on a WebSocket, nor players on a video: only these take the token in the query
        boolean queryToken = ctx.path().equals("/api/v1/stream") || ctx.path().startsWith("/video/");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim()
                : queryToken ? ctx.queryParam("token") : null;
        if (token == null || token.isEmpty()) {
            throw new BadRequest(401, "Authorization", "a bearer token is required (Authorization: Bearer …)");
        }
        return tokens.roleOf(token).orElseThrow(() ->
                new BadRequest(401, "Authorization", "the token is not known to this hub"));
    }
}
