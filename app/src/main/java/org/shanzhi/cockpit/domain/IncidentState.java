package org.shanzhi.cockpit.domain;

import java.util.EnumSet;
import java.util.Set;

/** The closed-loop case lifecycle of 数字城管 (DOMAIN.md §1.2). */
public enum IncidentState {
    REPORTED("上报"),
    VERIFYING("待核实"),
    INVALID("核实无效"),
    REGISTERED("已立案"),
    PENDING_DISPATCH("待派遣"),
    DISPATCHED("已派遣"),
    ADJUST_REQUESTED("申请调整"),
    IN_PROGRESS("处置中"),
    POSTPONE_REQUESTED("申请延期"),
    ABNORMAL_CLOSE_REQUESTED("申请非正常结案"),
    DISPOSED("处置完毕"),
    CHECKING("待核查"),
    REWORK("返工"),
    CLOSED("结案"),
    CLOSED_ABNORMAL("非正常结案");

    public final String zh;

    IncidentState(String zh) {
        this.zh = zh;
    }

    public Set<IncidentState> next() {
        return switch (this) {
            case REPORTED -> EnumSet.of(VERIFYING, REGISTERED);
            case VERIFYING -> EnumSet.of(REGISTERED, INVALID);
            case REGISTERED -> EnumSet.of(PENDING_DISPATCH);
            case PENDING_DISPATCH -> EnumSet.of(DISPATCHED);
            case DISPATCHED -> EnumSet.of(IN_PROGRESS, ADJUST_REQUESTED);
            case ADJUST_REQUESTED -> EnumSet.of(PENDING_DISPATCH);
            case IN_PROGRESS -> EnumSet.of(DISPOSED, POSTPONE_REQUESTED, ABNORMAL_CLOSE_REQUESTED);
            case POSTPONE_REQUESTED -> EnumSet.of(IN_PROGRESS);
            case ABNORMAL_CLOSE_REQUESTED -> EnumSet.of(CLOSED_ABNORMAL, IN_PROGRESS);
            case DISPOSED -> EnumSet.of(CHECKING);
            case CHECKING -> EnumSet.of(CLOSED, REWORK);
            case REWORK -> EnumSet.of(IN_PROGRESS);
            case INVALID, CLOSED, CLOSED_ABNORMAL -> EnumSet.noneOf(IncidentState.class);
        };
    }

    public boolean terminal() {
        return this == INVALID || this == CLOSED || this == CLOSED_ABNORMAL;
    }
}
