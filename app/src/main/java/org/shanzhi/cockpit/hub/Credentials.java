package org.shanzhi.cockpit.hub;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

import org.shanzhi.cockpit.json.Json;

import static org.shanzhi.cockpit.hub.Answers.json;

/** A leader issues and revokes each unit's own token; both are kept in the audit trail (the token itself is not). */
final class Credentials {

    private final Hub hub;
    private final UnitTokens tokens;
    private final Streams streams;

    Credentials(Hub hub, UnitTokens tokens, Streams streams) {
        this.hub = hub;
        this.tokens = tokens;
        this.streams = streams;
    }

    /** 201 {unitId, token}: a new token for the unit, replacing its old one. */
    void issue(Context ctx) {
        String unitId = existingUnit(ctx);
        String token = tokens.issue(unitId);
        streams.revoked(unitId); // the old token's streams end with it
        hub.audit(new Hub.Origin("credential", Access.role(ctx), "issue-credential", "units/" + unitId, null, null),
                "a new token for unit " + unitId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", unitId);
        m.put("token", token);
        json(ctx, 201, Json.write(m));
    }

    /** 204: the unit's token answers 401 from now on. */
    void revoke(Context ctx) {
        String unitId = existingUnit(ctx);
        if (!tokens.revoke(unitId)) {
            throw new BadRequest(404, "id", "unit " + unitId + " has no token of its own to revoke");
        }
        streams.revoked(unitId);
        hub.audit(new Hub.Origin("credential", Access.role(ctx), "revoke-credential", "units/" + unitId, null, null),
                "unit " + unitId + "'s token revoked");
        ctx.status(204);
    }

    private String existingUnit(Context ctx) {
        String unitId = ctx.pathParam("id");
        if (!hub.situation().units().containsKey(unitId)) {
            throw new BadRequest(404, "id", "no units entry with id " + unitId);
        }
        return unitId;
    }
}
