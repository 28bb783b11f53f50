package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A 12345 接诉即办 work order (诉求) and its 回访 result; {@code gridCode} the 综治网格 of its place
 * ({@link Situation#gridAt}); {@code incidentId} the case it joined (并案), or null.
 */
public record Complaint(String orderNo, Channel channel, Type type, String category, Priority priority,
                        ComplaintState state, GeoPoint at, String communityCode, String gridCode, String summary,
                        Instant acceptedAt, Instant deadline, Instant contactedAt, Instant repliedAt, Instant closedAt,
                        Revisit revisit, boolean repeat, String incidentId) {

    public enum Channel { PHONE, WEB, MINI_PROGRAM }

    public enum Type {
        CONSULT("咨询"), HELP("求助"), COMPLAINT("投诉"), REPORT("举报"), SUGGESTION("建议"), PRAISE("表扬");

        public final String zh;

        Type(String zh) {
            this.zh = zh;
        }
    }

    /** Feedback deadline classes (DOMAIN.md §2.1). */
    public enum Priority {
        URGENT(Duration.ofHours(2)), TIMELY(Duration.ofHours(24)), NORMAL(Duration.ofDays(7)), COMPLEX(Duration.ofDays(15));

        public final Duration limit;

        Priority(Duration limit) {
            this.limit = limit;
        }
    }

    public enum Resolution { YES, PARTIAL, NO }

    public enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }

    /** What the 诉求人 said when called back. */
    public record Revisit(boolean responded, Resolution resolved, Satisfaction satisfaction, Instant at) {
    }

    public boolean open() {
        return !state.terminal();
    }

    public boolean overdue(Instant now) {
        return open() && repliedAt == null && deadline != null && now.isAfter(deadline);
    }

    public Complaint moved(ComplaintState to, Instant at) {
        return new Complaint(orderNo, channel, type, category, priority, to, this.at, communityCode, gridCode,
                summary, acceptedAt, deadline,
                to == ComplaintState.CONTACTED ? at : contactedAt,
                to == ComplaintState.REPLIED ? at : repliedAt,
                to.terminal() ? at : closedAt,
                revisit, repeat, incidentId);
    }

    public Complaint revisited(Revisit r) {
        return new Complaint(orderNo, channel, type, category, priority, ComplaintState.REVISITED, at, communityCode,
                gridCode, summary, acceptedAt, deadline, contactedAt, repliedAt, closedAt, r, repeat, incidentId);
    }

    public Complaint linkedTo(String incident) {
        return new Complaint(orderNo, channel, type, category, priority, state, at, communityCode, gridCode, summary,
                acceptedAt, deadline, contactedAt, repliedAt, closedAt, revisit, repeat, incident);
    }
}
