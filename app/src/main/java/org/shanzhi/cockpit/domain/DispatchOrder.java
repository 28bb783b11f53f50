package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order (指令): one case, one unit, a task and a priority, issued by the street's seat or the
 * district's. {@code steps} is its timeline: every state it reached, when, and who moved it there.
 * {@code override} records that a leader sent a unit that was not free. Priority uses the one
 * severity scale of the wall ({@link Incident.Severity}: 一般, 较急, 紧急, 特急).
 */
public record DispatchOrder(String id, String incidentId, String unitId, String task, Incident.Severity priority,
                    Issuer issuer, OrderState state, Instant issuedAt, Instant updatedAt, boolean override,
                    String reason, String note, List<String> photos, List<Step> steps) {

    /** Which seat issued it. */
    public enum Issuer {
        CENTER("街道指挥中心"),
        DISTRICT("区指挥中心");

        public final String zh;

        Issuer(String zh) {
            this.zh = zh;
        }
    }

    /** One step of the order's timeline; {@code by} names who took it (a seat, a unit id, the hub). */
    public record Step(OrderState state, Instant at, String by) {
    }

    /** How long the seat waits for the phone before it is told (all configurable). */
    public record Timing(Duration deliverWithin, Duration acceptWithin, Duration expireAfter) {

        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
        }
    }

    /** Where an order stands against its {@link Timing} at {@code now}. */
    public enum Lateness { ON_TIME, NOT_DELIVERED, NOT_ACCEPTED, EXPIRED }

    public boolean open() {
        return !state.terminal();
    }

    public Lateness lateness(Instant now, Timing timing) {
        if (!state.awaitingUnit()) {
            return Lateness.ON_TIME;
        }
        Duration waited = Duration.between(issuedAt, now);
        if (waited.compareTo(timing.expireAfter()) >= 0) {
            return Lateness.EXPIRED;
        }
        if (waited.compareTo(timing.acceptWithin()) >= 0) {
            return Lateness.NOT_ACCEPTED;
        }
        // the phone's receipt is awaited from the last sending: a resend (重发) gives it its time again
        if (state == OrderState.SENT && Duration.between(lastSent(), now).compareTo(timing.deliverWithin()) >= 0) {
            return Lateness.NOT_DELIVERED;
        }
        return Lateness.ON_TIME;
    }

    /** When the order was last sent: issued, or sent again (重发). */
    public Instant lastSent() {
        Instant last = issuedAt;
        for (Step step : steps) {
            if (step.state() == OrderState.SENT) {
                last = step.at();
            }
        }
        return last;
    }

    /** When the order first reached {@code s}, or null. */
    public Instant reached(OrderState s) {
        for (Step step : steps) {
            if (step.state() == s) {
                return step.at();
            }
        }
        return null;
    }

    DispatchOrder moved(OrderState to, Instant at, String by, String newReason, String newNote, List<String> newPhotos) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(to, at, by));
        return new DispatchOrder(id, incidentId, unitId, task, priority, issuer, to, issuedAt, at, override,
                newReason != null ? newReason : reason, newNote != null ? newNote : note,
                newPhotos != null && !newPhotos.isEmpty() ? List.copyOf(newPhotos) : photos, List.copyOf(more));
    }
}
