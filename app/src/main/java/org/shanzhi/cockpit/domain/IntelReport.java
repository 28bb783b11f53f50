package org.shanzhi.cockpit.domain;

import java.time.Instant;

/**
 * A report by one of the 120 情报信息员 on something touching safety and stability; {@code gridCode} the 综治网格 the
 * officer reports from (null in reports from before grids were carried).
 */
public record IntelReport(String id, String officerId, String category, Incident.Severity severity,
                          String communityCode, String gridCode, String summary, Instant reportedAt) {

    /** The category an officer gives a dispute in the making, which the screening flow turns into a dispute. */
    public static final String DISPUTE_SIGN = "矛盾纠纷苗头";
}
