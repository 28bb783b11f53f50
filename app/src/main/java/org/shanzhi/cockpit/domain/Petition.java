package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A 信访 matter. {@code people} ≥ 5 makes it a collective visit (集体访). Its limits are calendar days, as DOMAIN.md
 * §3.2 gives them: acceptance within 15 days of receipt, the reply within 60 days of acceptance ({@code acceptedAt}),
 * which an approved 延期 ({@link Event.ExtensionApproved}) moves by at most {@link #MAX_EXTENSION}.
 */
public record Petition(String id, Form form, int people, String subject, PetitionState state, String communityCode,
                       Instant registeredAt, Instant acceptDeadline, Instant acceptedAt, Instant replyDeadline,
                       Instant updatedAt) {

    public static final Duration ACCEPT_LIMIT = Duration.ofDays(15);
    public static final Duration REPLY_LIMIT = Duration.ofDays(60);
    public static final Duration MAX_EXTENSION = Duration.ofDays(30);

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

    /** Still before its written reply, with a reply deadline running (受理 or 办理中). */
    public boolean replying() {
        return state == PetitionState.ACCEPTED || state == PetitionState.HANDLING;
    }

    public Petition moved(PetitionState to, Instant at) {
        boolean accepted = to == PetitionState.ACCEPTED;
        return new Petition(id, form, people, subject, to, communityCode, registeredAt, acceptDeadline,
                accepted ? at : acceptedAt, accepted ? at.plus(REPLY_LIMIT) : replyDeadline, at);
    }

    public Petition extendedTo(Instant reply, Instant at) {
        return new Petition(id, form, people, subject, state, communityCode, registeredAt, acceptDeadline, acceptedAt,
                reply, at);
    }
}
