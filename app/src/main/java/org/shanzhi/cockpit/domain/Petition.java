package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A 信访 matter. {@code people} ≥ 5 makes it a collective visit (集体访). {@code decidedAt} is when it was accepted,
 * refused with notice or transferred (the 15-day decision); {@code repliedAt} when its written reply went out (the
 * end of the 60-day handling, {@code extendedDays} more when an extension was approved).
 */
public record Petition(String id, Form form, int people, String subject, PetitionState state, String communityCode,
                       Instant registeredAt, Instant acceptDeadline, Instant replyDeadline, Instant updatedAt,
                       Instant decidedAt, Instant repliedAt, int extendedDays) {

    public static final Duration ACCEPT_LIMIT = Duration.ofDays(15);
    public static final Duration REPLY_LIMIT = Duration.ofDays(60);
    /** 《信访工作条例》: the handling may be extended once approved, by no more than 30 days in all. */
    public static final int MAX_EXTENSION_DAYS = 30;

    public enum Form { LETTER, VISIT, ONLINE, PHONE }

    public static Petition registered(String id, Form form, int people, String subject, String communityCode,
                                      Instant at) {
        return new Petition(id, form, people, subject, PetitionState.REGISTERED, communityCode, at,
                at.plus(ACCEPT_LIMIT), null, at, null, null, 0);
    }

    public boolean collective() {
        return people >= 5;
    }

    public boolean open() {
        return !state.terminal();
    }

    /** Waiting for its written reply: accepted, not yet answered, not ended. */
    public boolean awaitingReply() {
        return open() && state != PetitionState.REGISTERED && state.ordinal() < PetitionState.REPLIED.ordinal();
    }

    public boolean overdue(Instant now) {
        if (state == PetitionState.REGISTERED) {
            return now.isAfter(acceptDeadline);
        }
        return awaitingReply() && replyDeadline != null && now.isAfter(replyDeadline);
    }

    public Petition moved(PetitionState to, Instant at) {
        boolean decision = state == PetitionState.REGISTERED;
        Instant reply = to == PetitionState.ACCEPTED ? at.plus(REPLY_LIMIT) : replyDeadline;
        return new Petition(id, form, people, subject, to, communityCode, registeredAt, acceptDeadline, reply, at,
                decision ? at : decidedAt, to == PetitionState.REPLIED ? at : repliedAt, extendedDays);
    }

    /** The reply deadline moved by an approved extension of {@code days}. */
    public Petition extended(int days, Instant at) {
        return new Petition(id, form, people, subject, state, communityCode, registeredAt, acceptDeadline,
                replyDeadline.plus(Duration.ofDays(days)), at, decidedAt, repliedAt, extendedDays + days);
    }
}
