package org.shanzhi.cockpit.domain;

import java.util.EnumSet;
import java.util.Set;

/** The 12345 接诉即办 work-order lifecycle (DOMAIN.md §2.1). */
public enum ComplaintState {
    ACCEPTED("受理"),
    ANSWERED_DIRECT("直接答复"),
    DISPATCHED("已派单"),
    RETURN_REQUESTED("退单申请"),
    SIGNED("已签收"),
    CONTACTED("已联系"),
    IN_PROGRESS("办理中"),
    EXTENSION_REQUESTED("申请延期"),
    REPLIED("办结反馈"),
    REVISITED("已回访"),
    REOPENED("重办"),
    CLOSED("结案");

    public final String zh;

    ComplaintState(String zh) {
        this.zh = zh;
    }

    public Set<ComplaintState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(ANSWERED_DIRECT, DISPATCHED);
            case DISPATCHED -> EnumSet.of(SIGNED, RETURN_REQUESTED);
            case RETURN_REQUESTED -> EnumSet.of(DISPATCHED, SIGNED);
            case SIGNED -> EnumSet.of(CONTACTED);
            case CONTACTED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(EXTENSION_REQUESTED, REPLIED);
            case EXTENSION_REQUESTED -> EnumSet.of(IN_PROGRESS);
            case REPLIED -> EnumSet.of(REVISITED);
            case REVISITED -> EnumSet.of(CLOSED, REOPENED);
            case REOPENED -> EnumSet.of(IN_PROGRESS);
            case ANSWERED_DIRECT, CLOSED -> EnumSet.noneOf(ComplaintState.class);
        };
    }

    public boolean terminal() {
        return this == ANSWERED_DIRECT || this == CLOSED;
    }
}
