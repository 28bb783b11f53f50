package org.shanzhi.cockpit.domain;

/**
 * A grid cell. {@code code} is the 15-digit Beijing format: 6 district + 3 street + 3 community +
 * 3 serial, numbered west→east, north→south within the community.
 */
public record Grid(String code, Kind kind, String communityCode, Polygon boundary) {

    public enum Kind {
        /** 综治网格: the social-governance grid a team of 信息员 covers. */
        GOVERNANCE,
        /** 万米单元网格: the city-management unit grid. */
        UNIT
    }

    public Grid {
        if (code == null || !code.matches("\\d{15}")) {
            throw new Rejection("code", "grid code must be 15 digits, got " + code);
        }
    }
}
