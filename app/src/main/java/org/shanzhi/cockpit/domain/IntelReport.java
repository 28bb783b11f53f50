package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** A report by one of the 120 情报信息员 on something touching safety and stability. */
public record IntelReport(String id, String officerId, String category, Incident.Severity severity,
                          String communityCode, String summary, Instant reportedAt) {
}
