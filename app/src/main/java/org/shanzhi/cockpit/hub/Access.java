package org.shanzhi.cockpit.hub;

import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Who may call what: the bearer token's role against the roles a route allows; and what the hub
 * refuses before any route runs (an oversized body, HEAD round a route's checks).
 */
final class Access {

    private static final String ROLE = "role";
    static final String UNIT = "unit";
    private static final String HEALTH = "/api/v1/health";
    private static final String PHOTOS = "/api/v1/photos";

    /** Who presents a token: a role, and for a unit's own token the unit it speaks for (else null). */
    record Caller(Role role, String unitId) {
    }

    private final Tokens tokens;
    private final UnitTokens unitTokens;

    Access(Tokens tokens, UnitTokens unitTokens) {
        this.tokens = tokens;
        this.unitTokens = unitTokens;
    }

    /** The role {@link #authorize} found for this request. */
    static Role role(Context ctx) {
        return ctx.attribute(ROLE);
    }

    /** The unit whose own token this request presents, or null for a token of tokens.json. */
    static String unit(Context ctx) {
        return ctx.attribute(UNIT);
    }

    void limitBody(Context ctx) {
        long length = ctx.contentLength();
        if (ctx.path().equals(PHOTOS)) {
            if (length > Photos.MAX_BYTES) {
                throw Photos.tooBig();
            }
        } else if (length > HubServer.MAX_BODY) {
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
        Caller caller = callerOf(ctx);
        if (!ctx.routeRoles().contains(caller.role())) {
            throw new BadRequest(403, "token", "role " + caller.role().key() + " may not " + ctx.method() + " "
                    + ctx.path());
        }
        ctx.attribute(ROLE, caller.role());
        ctx.attribute(UNIT, caller.unitId());
    }

    Caller callerOf(Context ctx) {
        String header = ctx.header("Authorization");
        // browsers cannot set headers on a WebSocket, nor players on a video: only these take the token in the query
        boolean queryToken = ctx.path().equals("/api/v1/stream") || ctx.path().startsWith("/video/");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim()
                : queryToken ? ctx.queryParam("token") : null;
        if (token == null || token.isEmpty()) {
            throw new BadRequest(401, "Authorization", "a bearer token is required (Authorization: Bearer …)");
        }
        Optional<Role> role = tokens.roleOf(token);
        if (role.isPresent()) {
            return new Caller(role.get(), null);
        }
        return unitTokens.unitOf(token).map(unit -> new Caller(Role.FIELD_UNIT, unit)).orElseThrow(() ->
                new BadRequest(401, "Authorization", "the token is not known to this hub (or was revoked)"));
    }
}
