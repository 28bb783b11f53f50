package org.shanzhi.cockpit.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * An order's (指令) life from the seat to the unit and back. The way round is SENT → DELIVERED →
 * ACCEPTED → EN_ROUTE → ON_SITE → WORKING → REPORTED; an order can also end declined, reassigned to
 * another unit, cancelled by the seat, or timed out before the unit took it. A seat may send an order again (重发,
 * SENT → SENT) while its phone has not confirmed it.
 */
public enum OrderState {
    SENT("已派"),
    DELIVERED("已送达"),
    ACCEPTED("已签收"),
    EN_ROUTE("在途"),
    ON_SITE("到场"),
    WORKING("处置中"),
    REPORTED("已反馈"),
    DECLINED("拒收"),
    REASSIGNED("改派"),
    CANCELLED("撤回"),
    TIMED_OUT("超时");

    public final String zh;

    OrderState(String zh) {
        this.zh = zh;
    }

    public Set<OrderState> next() {
        return switch (this) {
            // an accept implies the order reached the phone, whether or not its receipt came first
            case SENT -> EnumSet.of(SENT, DELIVERED, ACCEPTED, DECLINED, REASSIGNED, CANCELLED, TIMED_OUT);
            case DELIVERED -> EnumSet.of(ACCEPTED, DECLINED, REASSIGNED, CANCELLED, TIMED_OUT);
            case ACCEPTED -> EnumSet.of(EN_ROUTE, REASSIGNED, CANCELLED);
            case EN_ROUTE -> EnumSet.of(ON_SITE, REASSIGNED, CANCELLED);
            case ON_SITE -> EnumSet.of(WORKING, CANCELLED);
            case WORKING -> EnumSet.of(REPORTED, CANCELLED);
            case REPORTED, DECLINED, REASSIGNED, CANCELLED, TIMED_OUT -> EnumSet.noneOf(OrderState.class);
        };
    }

    public boolean terminal() {
        return next().isEmpty();
    }

    /** Not yet taken by the unit: the seat waits for the phone. */
    public boolean awaitingUnit() {
        return this == SENT || this == DELIVERED;
    }

    /**
     * The unit status (DOMAIN.md §5) the unit reaches with this order state, or null where the
     * order's step leaves the unit where it is (sent, delivered) or frees it (the endings).
     */
    public UnitStatus unitStatus() {
        return switch (this) {
            case ACCEPTED -> UnitStatus.ACK;
            case EN_ROUTE -> UnitStatus.ENR;
            case ON_SITE -> UnitStatus.ONS;
            case WORKING -> UnitStatus.WRK;
            default -> null;
        };
    }
}
