package org.shanzhi.cockpit.domain.debrief;

import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.debrief.Debrief.ActionResult;
import org.shanzhi.cockpit.domain.debrief.Debrief.Outcome;

/**
 * An objective's rating from the expected actions that serve it: 完成 when every one was met in time; 基本完成 when
 * every one was done and none took more than half as long again as its limit (on a surge: at least
 * {@link #MOSTLY} of its orders in time); 未完成 otherwise; no grade when no expected action names the objective, or
 * when none of its injects fired (a drill ended early): nothing was asked of the trainees there.
 * The reason names each action that fell short, or says all were in time.
 */
public record Rating(Plan.Objective objective, Grade grade, String reason) {

    public enum Grade {
        DONE("完成"), MOSTLY_DONE("基本完成"), NOT_DONE("未完成");

        public final String zh;

        Grade(String zh) {
            this.zh = zh;
        }
    }

    /** The share of a surge's orders handled in time that still counts as 基本完成. */
    public static final double MOSTLY = 0.8;

    static List<Rating> of(Plan plan, List<ActionResult> actions) {
        List<Rating> out = new ArrayList<>();
        for (Plan.Objective o : plan.objectives()) {
            List<ActionResult> mine = actions.stream().filter(a -> o.id().equals(a.expected().objective())).toList();
            out.add(rate(o, mine));
        }
        return out;
    }

    private static Rating rate(Plan.Objective o, List<ActionResult> mine) {
        if (mine.isEmpty()) {
            return new Rating(o, null, "未评定：脚本中没有预期动作对应此目标");
        }
        if (mine.stream().allMatch(a -> a.outcome() == Outcome.NOT_FIRED)) {
            return new Rating(o, null, "未演练：对应的注入未触发（演练提前结束或未到）");
        }
        Grade grade = Grade.DONE;
        List<String> short_ = new ArrayList<>();
        for (ActionResult a : mine) {
            if (a.outcome() == Outcome.MET) {
                continue;
            }
            short_.add(Words.what(a) + "：" + Words.outcome(a));
            grade = worse(grade, a.outcome() == Outcome.LATE && nearly(a) ? Grade.MOSTLY_DONE : Grade.NOT_DONE);
        }
        String reason = short_.isEmpty() ? mine.size() + "项预期动作全部按时完成" : String.join("；", short_);
        return new Rating(o, grade, reason);
    }

    /** Late, but by no more than half the limit again; on a surge, most of its orders in time. */
    private static boolean nearly(ActionResult a) {
        if (a.of() > 1) {
            return a.inTime() >= MOSTLY * a.of();
        }
        return a.took().toMillis() <= a.expected().within().toMillis() * 3 / 2;
    }

    private static Grade worse(Grade a, Grade b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
