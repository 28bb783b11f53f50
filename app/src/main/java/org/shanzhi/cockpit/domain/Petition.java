package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;

/** A 信访 matter. {@code people} ≥ 5 makes it a collective visit (集体访). */
public record Petition(String id, Form form, int people, String subject, PetitionState state, String communityCode,
                       Instant registeredAt, Instant acceptDeadline, Instant replyDeadline, Instant updatedAt) {

    public static final Duration ACCEPT_LIMIT = Duration.ofDays(15);
    public static final Duration REPLY_LIMIT = Duration.ofDays(60);

    public enum Form { LETTER, VISIT, ONLINE, PHONE }

    public boolean collective() {
        return people >= 5;
    }

    public boolean open() {
        return !state.terminal();
    }

    public boolean overdue(Instant now) {
        if (state == PetitionState.REGISTERED) {
            return now.isAfter(acceptDeadline);
        }
        return open() && replyDeadline != null && state.ordinal() < PetitionState.REPLIED.ordinal()
                && now.isAfter(replyDeadline);
    }

    public Petition moved(PetitionState to, Instant at) {
        Instant reply = to == PetitionState.ACCEPTED ? at.plus(REPLY_LIMIT) : replyDeadline;
        return new Petition(id, form, people, subject, to, communityCode, registeredAt, acceptDeadline, reply, at);
    }
}
