package org.shanzhi.cockpit.hub;

import java.util.Locale;

import io.javalin.security.RouteRole;

/** Who a token speaks for. The names are those of tokens.json. */
public enum Role implements RouteRole {
    VIEWER, OPERATOR, LEADER, TRAINER, FIELD_UNIT, INGEST,
    /** The district command's seat (区指挥): reads like an operator, issues orders and 批示. */
    DISTRICT;

    /** Every role that may read the situation and the stream. */
    public static final Role[] READERS = {VIEWER, OPERATOR, LEADER, TRAINER, FIELD_UNIT, DISTRICT};

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role ofKey(String key) {
        for (Role r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + key + "'");
    }
}
