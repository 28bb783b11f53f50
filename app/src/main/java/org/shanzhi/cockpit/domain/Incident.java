package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A case / work order (案卷, 工单) moving through the closed loop of {@link IncidentState}. {@code unitId}
 * is the first unit sent; {@code orderIds} every {@link DispatchOrder} issued on it, oldest first.
 */
public record Incident(String id, String title, String category, Source source, Severity severity,
                       IncidentState state, GeoPoint at, String communityCode, Instant openedAt, Instant deadline,
                       Instant updatedAt, Instant closedAt, String unitId, String alertId, boolean proactive,
                       List<String> orderIds) {

    public enum Source {
        INSPECTOR("监督员"),
        GRID_WORKER("网格员"),
        AI("视频AI"),
        HOTLINE("12345"),
        LEADER("领导交办"),
        SENSOR("物联感知");

        public final String zh;

        Source(String zh) {
            this.zh = zh;
        }
    }

    public enum Severity {
        LOW, MEDIUM, HIGH, CRITICAL;

        /** 紧急 / 突发 work, whose time limits run in natural time rather than 工作时 (DOMAIN.md §1.2). */
        public boolean urgent() {
            return this == HIGH || this == CRITICAL;
        }
    }

    public boolean open() {
        return !state.terminal();
    }

    public boolean overdue(Instant now) {
        return open() && deadline != null && now.isAfter(deadline);
    }

    public Incident moved(IncidentState to, Instant at) {
        return new Incident(id, title, category, source, severity, to, this.at, communityCode, openedAt, deadline, at,
                to.terminal() ? at : null, unitId, alertId, proactive, orderIds);
    }

    /** An approved 延期: back to work (处置中) with the new deadline. */
    public Incident extendedTo(Instant newDeadline, Instant at) {
        return new Incident(id, title, category, source, severity, IncidentState.IN_PROGRESS, this.at, communityCode,
                openedAt, newDeadline, at, null, unitId, alertId, proactive, orderIds);
    }

    public Incident returnedToDispatch(Instant at) {
        return new Incident(id, title, category, source, severity, IncidentState.PENDING_DISPATCH, this.at,
                communityCode, openedAt, deadline, at, null, null, alertId, proactive, orderIds);
    }

    public Incident assigned(String unit, Instant at) {
        return new Incident(id, title, category, source, severity, IncidentState.DISPATCHED, this.at, communityCode,
                openedAt, deadline, at, null, unit, alertId, proactive, orderIds);
    }

    public Incident withOrder(String orderId) {
        List<String> more = new ArrayList<>(orderIds);
        more.add(orderId);
        return new Incident(id, title, category, source, severity, state, at, communityCode, openedAt, deadline,
                updatedAt, closedAt, unitId, alertId, proactive, List.copyOf(more));
    }
}
