package org.shanzhi.cockpit.domain.debrief;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.shanzhi.cockpit.domain.DispatchOrder;

/**
 * The standing target for each step of a case, as the time from the step before it (null: no target); in a drill, a
 * case whose script sets a limit for a step is held to that limit instead ({@code Debrief.CaseTimes#limits}). Defaults:
 * 确认 2 min (an AI alert reviewed, the storm drill's O1), 派遣 30 min after 立案 (DOMAIN.md §1.2), 签收 as the
 * platform's order timing ({@link DispatchOrder.Timing}, 2 min), 到场 15 min after 签收 (DOMAIN.md §5: 5–15 min
 * on the way inside 和义), 结案 none (a case's own deadline rules it).
 */
public record Targets(Map<Stage, Duration> toStage) {

    public static Targets defaults() {
        Map<Stage, Duration> m = new EnumMap<>(Stage.class);
        m.put(Stage.CONFIRMED, Duration.ofMinutes(2));
        m.put(Stage.DISPATCHED, Duration.ofMinutes(30));
        m.put(Stage.ACCEPTED, DispatchOrder.Timing.defaults().acceptWithin());
        m.put(Stage.ON_SITE, Duration.ofMinutes(15));
        return new Targets(Map.copyOf(m));
    }

    /** The target from the step before {@code stage} to it, or null. */
    public Duration to(Stage stage) {
        return toStage.get(stage);
    }
}
