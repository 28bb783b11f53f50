package org.shanzhi.cockpit.hub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.OrderState;

/**
 * Marks an order timed out (超时, by {@code hub}) once it has waited {@code HubLimits.orderTiming().expireAfter()} on the
 * hub's clock for its unit to take it (still SENT or DELIVERED). Looks once a second of real time, but not while the
 * scenario is still living the time before the clock (the morning's orders would all look late); an order the unit
 * took meanwhile no longer folds as timed out and is left alone.
 */
final class OrderTimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTimer.class);

    private final Hub hub;
    private final Duration expiry;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "order-timer");
        t.setDaemon(true);
        return t;
    });

    OrderTimer(Hub hub, Duration expiry) {
        this.hub = hub;
        this.expiry = expiry;
    }

    OrderTimer start() {
        timer.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /** Times out every order that has waited too long; returns how many. */
    int expire() {
        if (!hub.writing() || hub.catchingUp()) {
            return 0; // the writing hub times its orders out, once its situation has reached its clock
        }
        try {
            Instant now = hub.clock().now();
            List<Hub.Pending> late = new ArrayList<>();
            for (DispatchOrder o : hub.situation().orders().values()) {
                if (o.state().awaitingUnit() && !o.issuedAt().plus(expiry).isAfter(now)) {
                    late.add(new Hub.Pending(null, new Event.OrderAdvanced(o.id(), OrderState.TIMED_OUT, "hub",
                            null, null, List.of())));
                }
            }
            return late.isEmpty() ? 0 : hub.appendEach(late, "hub");
        } catch (RuntimeException e) {
            LOG.warn("the order timer failed this time: {}", e.toString()); // the next second tries again
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
