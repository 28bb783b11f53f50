package org.shanzhi.cockpit.domain;

import java.util.EnumSet;
import java.util.Set;

/** Field-unit (单兵) status (DOMAIN.md §5). SOS is an overlay flag on the unit, not a status. */
public enum UnitStatus {
    OFF("不在岗"),
    AVL("在岗待命"),
    PAT("巡查中"),
    ASG("已派单"),
    ACK("已签收"),
    ENR("在途"),
    ONS("到场"),
    WRK("处置中"),
    RPT("反馈中"),
    RET("返回"),
    UNA("暂离");

    public final String zh;

    UnitStatus(String zh) {
        this.zh = zh;
    }

    public Set<UnitStatus> next() {
        return switch (this) {
            case OFF -> EnumSet.of(AVL);
            case AVL -> EnumSet.of(PAT, ASG, UNA, OFF);
            case PAT -> EnumSet.of(AVL, ASG, ONS);
            case ASG -> EnumSet.of(ACK, AVL);
            case ACK -> EnumSet.of(ENR);
            case ENR -> EnumSet.of(ONS, AVL);
            case ONS -> EnumSet.of(WRK);
            case WRK -> EnumSet.of(RPT, ONS);
            case RPT -> EnumSet.of(RET, AVL);
            case RET -> EnumSet.of(AVL);
            case UNA -> EnumSet.of(AVL);
        };
    }

    /** Free to take a new order. */
    public boolean dispatchable() {
        return this == AVL || this == PAT;
    }

    /** How the duty desk counts its units: free to go, on an order, or not at work. */
    public enum Availability { FREE, BUSY, AWAY }

    public Availability availability() {
        return switch (this) {
            case AVL, PAT -> Availability.FREE;
            case ASG, ACK, ENR, ONS, WRK, RPT, RET -> Availability.BUSY;
            case OFF, UNA -> Availability.AWAY;
        };
    }
}
