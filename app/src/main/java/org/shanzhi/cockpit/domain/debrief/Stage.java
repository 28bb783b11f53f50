package org.shanzhi.cockpit.domain.debrief;

/** The steps of a case a debrief times, in order: 报警 → 确认 → 派遣 → 签收 → 到场 → 结案. */
public enum Stage {
    /** The case opened, or the AI alert it came from was raised. */
    ALARM("报警"),
    /** The alert accepted (or merged) by a seat; a case reported by a person, registered (立案). */
    CONFIRMED("确认"),
    /** The case first dispatched. */
    DISPATCHED("派遣"),
    /** The first order on it accepted by its unit. */
    ACCEPTED("签收"),
    /** A unit first on site (or the case in progress). */
    ON_SITE("到场"),
    /** The case closed, normally or not. */
    CLOSED("结案");

    public final String zh;

    Stage(String zh) {
        this.zh = zh;
    }
}
