package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.wall.dispatch.InstructionsWidget;
import org.shanzhi.cockpit.wall.dispatch.OrdersWidget;

/**
 * The street's duty desk and the district's seat on one real hub, each with its own feed and token: an order the
 * district issues shows on both walls with the same state as the unit answers, and a 批示 written on the district's
 * wall reaches the street's as a notification.
 */
class TwoSeatsOnOneHubTest {

    @TempDir
    static Path data;
    static HubRuntime hub;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        I18n.setLocale(I18n.DEFAULT);
        hub = HubRuntime.start(HubRuntime.Config.local(data));
        List<Event> events = new ArrayList<>(Fixtures.inventory());
        events.add(new Event.IncidentOpened("INC-1", "占道经营", "占道经营", Incident.Source.GRID_WORKER,
                Incident.Severity.HIGH, IncidentState.REPORTED, Fixtures.WEST, null, null));
        events.add(new Event.IncidentAdvanced("INC-1", IncidentState.REGISTERED, null));
        events.add(new Event.IncidentAdvanced("INC-1", IncidentState.PENDING_DISPATCH, null));
        append(events);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static void append(List<Event> events) {
        List<Hub.Pending> batch = new ArrayList<>();
        events.forEach(e -> batch.add(new Hub.Pending(null, e)));
        hub.hub().append(batch, Hub.Origin.system("test"));
    }

    /** One seat: its feed, its commands and its widgets. */
    record Seat(HubFeed feed, WallContext context, OrdersWidget orders, InstructionsWidget instructions)
            implements AutoCloseable {

        static Seat open(Role role) throws Exception {
            String token = hub.tokens().tokenOf(role);
            HubFeed feed = new HubFeed(hub.baseUrl(), token).start();
            WallContext context = new WallContext(feed::status, hub.baseUrl(), token, role.key(), new WallLinks(),
                    new HubCommands(hub.baseUrl(), token));
            OrdersWidget orders = WidgetHarness.fx(() -> new OrdersWidget(null, context));
            InstructionsWidget instructions = WidgetHarness.fx(() -> new InstructionsWidget(null, context));
            return new Seat(feed, context, orders, instructions);
        }

        /** Waits for the hub's head, shows it, and answers what the orders board says. */
        List<String> ordersAt(long seq) throws Exception {
            await().atMost(Duration.ofSeconds(20)).until(() -> feed.latest() != null && feed.latest().seq() >= seq);
            Situation s = feed.latest();
            WidgetHarness.show(orders, s);
            WidgetHarness.show(instructions, s);
            return WidgetHarness.fx(() -> WidgetHarness.texts(orders.node()));
        }

        @Override
        public void close() {
            context.commands().close();
            feed.close();
        }
    }

    @Test
    void bothSeatsSeeTheDistrictsOrderGoRoundAndTheStreetIsToldOfItsInstruction() throws Exception {
        try (Seat street = Seat.open(Role.OPERATOR); Seat district = Seat.open(Role.DISTRICT)) {
            // the two walls side by side in one window
            FxToolkit.setupStage(stage -> {
                stage.setScene(new Scene(new HBox(street.orders().node(), street.instructions().node(),
                        district.orders().node(), district.instructions().node()), 1920, 800));
                stage.show();
            });
            HubCommands.Outcome issued = district.context().commands()
                    .issueOrder("INC-1", "U-1", "清理占道摊位", null).get(20, TimeUnit.SECONDS);
            assertThat(issued).isInstanceOf(HubCommands.Outcome.Done.class);
            DispatchOrder order = hub.hub().situation().orders().values().iterator().next();
            assertThat(order.issuer()).isEqualTo(DispatchOrder.Issuer.DISTRICT);

            long head = hub.hub().head();
            List<String> onStreet = street.ordersAt(head);
            assertThat(onStreet).anyMatch(t -> t.contains("区指挥中心 · 网格员一 · 占道经营")).contains("已派");
            assertThat(district.ordersAt(head)).isEqualTo(onStreet);

            append(List.of(new Event.OrderAdvanced(order.id(), OrderState.DELIVERED, "U-1", null, null, List.of()),
                    new Event.OrderAdvanced(order.id(), OrderState.ACCEPTED, "U-1", null, null, List.of())));
            head = hub.hub().head();
            onStreet = street.ordersAt(head);
            assertThat(onStreet).contains("已签收").doesNotContain("已派");
            assertThat(district.ordersAt(head)).isEqualTo(onStreet);

            // the district writes a 批示 on the case from its own wall
            Situation shownOnStreet = street.feed().latest();
            WidgetHarness.fx(() -> {
                ((TextField) district.instructions().node().lookup(".instructions-text")).setText("注意安全，半小时内反馈");
                return null;
            });
            WidgetHarness.fx(() -> {
                ((Button) district.instructions().node().lookup(".instructions-send")).fire();
                return null;
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> !hub.hub().situation().instructions().isEmpty());
            head = hub.hub().head();
            street.ordersAt(head);
            List<String> told = Alarms.newAlarms(shownOnStreet, street.feed().latest(), street.feed().orderTiming()).stream()
                    .map(Alarms.Alarm::text).toList();
            assertThat(told).contains("批示（区指挥中心）：注意安全，半小时内反馈");
            // pictures of the street's boards to look at
            WidgetHarness.png(street.orders(), Path.of("target", "seat", "orders.png"));
            WidgetHarness.png(street.instructions(), Path.of("target", "seat", "instructions.png"));
            assertThat(WidgetHarness.fx(() -> Vocabulary.offencesShown(street.orders().node()))).isEmpty();
            assertThat(WidgetHarness.fx(() -> WidgetHarness.texts(street.instructions().node())))
                    .contains("注意安全，半小时内反馈");
        }
    }
}
