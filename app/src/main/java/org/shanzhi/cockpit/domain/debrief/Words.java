package org.shanzhi.cockpit.domain.debrief;

import java.time.Duration;

import org.shanzhi.cockpit.domain.debrief.Debrief.ActionResult;

/** How a debrief says its times and results, in the center's words. */
public final class Words {

    private Words() {
    }

    /** {@code 45秒}, {@code 3分12秒}, {@code 1小时05分}; a dash for none. */
    public static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return s + "秒";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + "分钟" : s / 60 + "分" + String.format("%02d", s % 60) + "秒";
        }
        long m = (s + 30) / 60;
        return m % 60 == 0 ? m / 60 + "小时" : m / 60 + "小时" + String.format("%02d", m % 60) + "分";
    }

    /** The expected action as the script says it, else its inject and action. */
    public static String what(ActionResult a) {
        Plan.Expectation x = a.expected();
        return x.text() != null && !x.text().isBlank() ? x.text()
                : x.injectTitle() + " · " + x.action().zh + "（限" + duration(x.within()) + "）";
    }

    /** What happened, against the limit. */
    public static String outcome(ActionResult a) {
        String limit = duration(a.expected().within());
        if (a.of() > 1 || a.expected().action() == Action.complaintHandled && a.of() == 0) {
            String base = a.of() + "件中" + a.inTime() + "件在" + limit + "内受理";
            return switch (a.outcome()) {
                case MET, LATE -> base + "，最长等待" + duration(a.took());
                case MISSED -> a.of() == 0 ? "记录中没有这批诉求" : base + "，尚有未受理的诉求";
                case NOT_FIRED -> "注入未触发";
            };
        }
        return switch (a.outcome()) {
            case MET -> "用时" + duration(a.took()) + "（限" + limit + "）";
            case LATE -> "用时" + duration(a.took()) + "，超过限时" + limit;
            case MISSED -> "记录内未完成（限" + limit + "）";
            case NOT_FIRED -> "注入未触发";
        };
    }
}
