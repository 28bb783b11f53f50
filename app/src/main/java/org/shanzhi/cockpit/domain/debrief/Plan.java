package org.shanzhi.cockpit.domain.debrief;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a drill set out to do, as its script says and its record shows: the drill's id (its things are named
 * {@code <drill id>:name}), its objectives, and each expected action with its subject (as the drill named it), its
 * limit, and when its inject fired ({@code from}, null when it never fired in the range).
 */
public record Plan(String drillId, String name, List<Objective> objectives, List<Expectation> expectations) {

    public record Objective(String id, String text, String target) {
    }

    /**
     * One expected action. On a surge ({@code complaintHandled} whose subject is the surge's id) each of its orders is
     * timed from its own arrival, not from the inject.
     */
    public record Expectation(String injectId, String injectTitle, Action action, String subject, Duration within,
                              String text, String objective, Instant from) {
    }

    /** A range with no drill: no objectives, no expectations; everything that starts in it counts. */
    public static Plan none() {
        return new Plan(null, null, List.of(), List.of());
    }
}
