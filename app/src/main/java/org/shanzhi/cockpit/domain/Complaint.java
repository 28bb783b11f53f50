package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A 12345 接诉即办 work order (诉求) and its 回访 results, every one, oldest first (a 重办 brings another);
 * {@code incidentId} the case it joined (并案), or null. After a 重办, {@code deadline} is the new handling limit
 * from the reopening and {@code repliedAt} waits for the second 办结.
 */
public record Complaint(String orderNo, Channel channel, Type type, String category, Priority priority,
                        ComplaintState state, GeoPoint at, String communityCode, String summary, Instant acceptedAt,
                        Instant deadline, Instant contactedAt, Instant repliedAt, Instant closedAt,
                        List<Revisit> revisits, boolean repeat, String incidentId) {

    public Complaint {
        revisits = List.copyOf(revisits);
    }

    public enum Channel { PHONE, WEB, MINI_PROGRAM }

    public enum Type {
        CONSULT("咨询"), HELP("求助"), COMPLAINT("投诉"), REPORT("举报"), SUGGESTION("建议"), PRAISE("表扬");

        public final String zh;

        Type(String zh) {
            this.zh = zh;
        }
    }

    /** Feedback deadline classes (DOMAIN.md §2.1), in natural time: the source gives hours and days, not 工作日. */
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

    /** The latest 回访, or null before the first. */
    public Revisit revisit() {
        return revisits.isEmpty() ? null : revisits.get(revisits.size() - 1);
    }

    public boolean open() {
        return !state.terminal();
    }

    public boolean overdue(Instant now) {
        return open() && repliedAt == null && deadline != null && now.isAfter(deadline);
    }

    /** Moves to {@code to}; a 重办 starts the handling limit again from {@code at} and waits for a new 办结. */
    public Complaint moved(ComplaintState to, Instant at) {
        boolean reopened = to == ComplaintState.REOPENED;
        return new Complaint(orderNo, channel, type, category, priority, to, this.at, communityCode, summary,
                acceptedAt, reopened ? at.plus(priority.limit) : deadline,
                to == ComplaintState.CONTACTED ? at : contactedAt,
                to == ComplaintState.REPLIED ? at : reopened ? null : repliedAt,
                to.terminal() ? at : closedAt,
                revisits, repeat, incidentId);
    }

    /** An approved 延期: back to 办理中 with the new deadline. */
    public Complaint extendedTo(Instant newDeadline) {
        return new Complaint(orderNo, channel, type, category, priority, ComplaintState.IN_PROGRESS, at, communityCode,
                summary, acceptedAt, newDeadline, contactedAt, repliedAt, closedAt, revisits, repeat, incidentId);
    }

    public Complaint revisited(Revisit r) {
        List<Revisit> all = new ArrayList<>(revisits);
        all.add(r);
        return new Complaint(orderNo, channel, type, category, priority, ComplaintState.REVISITED, at, communityCode,
                summary, acceptedAt, deadline, contactedAt, repliedAt, closedAt, all, repeat, incidentId);
    }

    public Complaint linkedTo(String incident) {
        return new Complaint(orderNo, channel, type, category, priority, state, at, communityCode, summary, acceptedAt,
                deadline, contactedAt, repliedAt, closedAt, revisits, repeat, incident);
    }
}
