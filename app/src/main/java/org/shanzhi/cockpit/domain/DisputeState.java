package org.shanzhi.cockpit.domain;

import java.util.EnumSet;
import java.util.Set;

/** One-stop dispute mediation (矛盾纠纷多元化解, DOMAIN.md §3.1). */
public enum DisputeState {
    REGISTERED("登记受理"),
    TRIAGED("研判分级"),
    WHISTLE("吹哨"),
    ASSIGNED("已分派"),
    MEDIATING("调解中"),
    AGREED("达成协议"),
    JUDICIAL_CONFIRMATION("司法确认"),
    FULFILLMENT("履行跟踪"),
    TERMINATED("调解终止"),
    REFERRED("已转办"),
    FOLLOW_UP("回访"),
    ARCHIVED("归档");

    public final String zh;

    DisputeState(String zh) {
        this.zh = zh;
    }

    public Set<DisputeState> next() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(TRIAGED);
            case TRIAGED -> EnumSet.of(ASSIGNED, WHISTLE);
            case WHISTLE -> EnumSet.of(ASSIGNED);
            case ASSIGNED -> EnumSet.of(MEDIATING);
            case MEDIATING -> EnumSet.of(AGREED, TERMINATED);
            case AGREED -> EnumSet.of(JUDICIAL_CONFIRMATION, FULFILLMENT);
            case JUDICIAL_CONFIRMATION -> EnumSet.of(FULFILLMENT);
            case TERMINATED -> EnumSet.of(REFERRED);
            case REFERRED, FULFILLMENT -> EnumSet.of(FOLLOW_UP);
            case FOLLOW_UP -> EnumSet.of(ARCHIVED, MEDIATING);
            case ARCHIVED -> EnumSet.noneOf(DisputeState.class);
        };
    }

    public boolean terminal() {
        return this == ARCHIVED;
    }
}
