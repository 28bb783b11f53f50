package org.shanzhi.cockpit.domain;

import java.util.EnumSet;
import java.util.Set;

/** 信访 under the 2022 《信访工作条例》 (DOMAIN.md §3.2). */
public enum PetitionState {
    REGISTERED("登记"),
    ACCEPTED("受理"),
    NOT_ACCEPTED("不予受理"),
    TRANSFERRED("转送交办"),
    HANDLING("办理中"),
    REPLIED("书面答复"),
    REVIEW_REQUESTED("申请复查"),
    REVIEWED("已复查"),
    RECHECK_REQUESTED("申请复核"),
    RECHECKED("已复核"),
    CLOSED("办结");

    public final String zh;

    PetitionState(String zh) {
        this.zh = zh;
    }

    public Set<PetitionState> next() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(ACCEPTED, NOT_ACCEPTED, TRANSFERRED);
            case ACCEPTED -> EnumSet.of(HANDLING);
            case HANDLING -> EnumSet.of(REPLIED);
            case REPLIED -> EnumSet.of(REVIEW_REQUESTED, CLOSED);
            case REVIEW_REQUESTED -> EnumSet.of(REVIEWED);
            case REVIEWED -> EnumSet.of(RECHECK_REQUESTED, CLOSED);
            case RECHECK_REQUESTED -> EnumSet.of(RECHECKED);
            case RECHECKED -> EnumSet.of(CLOSED);
            case NOT_ACCEPTED, TRANSFERRED, CLOSED -> EnumSet.noneOf(PetitionState.class);
        };
    }

    public boolean terminal() {
        return this == NOT_ACCEPTED || this == TRANSFERRED || this == CLOSED;
    }
}
