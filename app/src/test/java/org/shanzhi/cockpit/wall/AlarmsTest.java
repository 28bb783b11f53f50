package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;

/** The street wall hears of a 批示 and of an order its unit keeps waiting, declines or lets time out. */
class AlarmsTest {

    @BeforeAll
    static void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    /** Case INC-1 with U-1's order ZL-1 just sent by the district (Fixtures fold events one minute apart). */
    static Situation orderSent() {
        return with(district(),
                new Event.IncidentOpened("INC-1", "占道经营", "占道经营", Incident.Source.GRID_WORKER, Incident.Severity.HIGH,
                        IncidentState.REGISTERED, WEST, null, null),
                new Event.OrderIssued("ZL-1", "INC-1", "U-1", "清理占道摊位", null, DispatchOrder.Issuer.DISTRICT, false));
    }

    static Event tick() {
        return new Event.SensorReported("S-1", 3);
    }

    static List<String> said(Situation before, Situation now) {
        return Alarms.newAlarms(before, now, DispatchOrder.Timing.defaults()).stream().map(Alarms.Alarm::text).toList();
    }

    @Test
    void aNewInstructionIsSaidWithItsSeatAndCase() {
        Situation s = orderSent();
        Situation next = with(s, new Event.InstructionIssued("PS-1", "INC-1", DispatchOrder.Issuer.DISTRICT, "注意安全，半小时内反馈"),
                new Event.InstructionIssued("PS-2", null, DispatchOrder.Issuer.CENTER, "全街道加强巡查"));
        assertThat(said(s, next)).contains("批示（区指挥中心）：注意安全，半小时内反馈 · 案件：占道经营",
                "批示（街道指挥中心）：全街道加强巡查");
        assertThat(said(next, with(next, tick()))).noneMatch(t -> t.startsWith("批示"));
    }

    @Test
    void anOrderNotDeliveredThenNotAcceptedIsSaidOnceEachWithItsUnitAndCase() {
        Situation sent = orderSent();
        Situation minute = with(sent, tick()); // one minute on the hub's clock: past 30 s, not yet 2 min
        assertThat(said(sent, minute)).containsExactly("指令 ZL-1 未送达：网格员一 超过 30 秒未收到 · 案件：占道经营");
        Situation delivered = with(minute, new Event.OrderAdvanced("ZL-1", OrderState.DELIVERED, "U-1", null, null,
                List.of()));
        // delivered two minutes after it was sent: not yet accepted
        assertThat(said(minute, delivered)).containsExactly("指令 ZL-1 未签收：网格员一 超过 2 分钟未签收 · 案件：占道经营");
        assertThat(said(delivered, with(delivered, tick()))).isEmpty();

        Situation declined = with(delivered, new Event.OrderAdvanced("ZL-1", OrderState.DECLINED, "U-1", "不在辖区",
                null, List.of()));
        assertThat(said(delivered, declined)).containsExactly("指令 ZL-1 被拒收：网格员一 · 案件：占道经营 · 原因：不在辖区");
    }

    @Test
    void anOrderAcceptedInTimeRaisesNothing() {
        Situation sent = orderSent();
        Situation accepted = with(sent, new Event.OrderAdvanced("ZL-1", OrderState.DELIVERED, "U-1", null, null, List.of()));
        // delivered a minute after: no longer waiting for delivery, not yet late for acceptance
        assertThat(said(sent, accepted)).isEmpty();
    }

    /** Folds one event as made by {@code drill} (null: live), a minute after the last. */
    static Situation by(Situation s, String drill, Event e) {
        return s.apply(new Recorded(s.seq() + 1, s.time().plusSeconds(60), e, drill));
    }

    @Test
    void whatADrillRaisedCarriesTheDrillMarkAndALiveAlarmNone() {
        Situation s = by(district(), "YL-1", new Event.DrillStarted("YL-1", "内涝演练", null));
        Situation next = by(s, "YL-1", new Event.IncidentOpened("YL-1:case", "地道积水", "积水", Incident.Source.SENSOR,
                Incident.Severity.CRITICAL, null, WEST, null, null));
        next = by(next, "YL-1", new Event.UnitSos("U-1", true));
        next = by(next, null, new Event.IncidentOpened("INC-2", "燃气泄漏", "燃气", Incident.Source.SENSOR,
                Incident.Severity.CRITICAL, null, WEST, null, null));
        List<Alarms.Alarm> alarms = Alarms.newAlarms(s, next, DispatchOrder.Timing.defaults());
        assertThat(alarms).contains(new Alarms.Alarm("〔演练〕特急事件：地道积水", "YL-1", "incidents/YL-1:case"),
                new Alarms.Alarm("〔演练〕单兵紧急求助：网格员一", "YL-1", "unitSos/U-1"),
                new Alarms.Alarm("特急事件：燃气泄漏", null, "incidents/INC-2"));
    }

    @Test
    void endingADrillTakesItsAlarmsOffTheBarAndALiftedWarningWaitsForNobody() throws Exception {
        WidgetHarness.start();
        Situation s = by(district(), "YL-1", new Event.DrillStarted("YL-1", "大风演练", null));
        Situation drill = by(s, "YL-1", new Event.WarningIssued("YL-1:w1", WeatherWarning.Hazard.GALE,
                WeatherWarning.Level.YELLOW, "气象台", null));
        drill = by(drill, "YL-1", new Event.UnitSos("U-1", true));
        drill = by(drill, null, new Event.WarningIssued("W-2", WeatherWarning.Hazard.RAINSTORM,
                WeatherWarning.Level.BLUE, "气象台", null));
        drill = by(drill, null, new Event.WarningIssued("W-3", WeatherWarning.Hazard.HEAT,
                WeatherWarning.Level.BLUE, "气象台", null));
        Situation before = s;
        Situation during = drill;
        Alarms alarms = WaitForAsyncUtils.asyncFx(() -> {
            Alarms a = new Alarms();
            a.check(before, DispatchOrder.Timing.defaults());
            a.check(during, DispatchOrder.Timing.defaults());
            return a;
        }).get(30, TimeUnit.SECONDS);
        assertThat(alarms.waiting()).extracting(Alarms.Alarm::subject)
                .containsExactlyInAnyOrder("warnings/YL-1:w1", "unitSos/U-1", "warnings/W-2", "warnings/W-3");

        Situation lifted = by(by(during, null, new Event.WarningLifted("W-2")), "YL-1",
                new Event.WarningLifted("YL-1:w1"));
        Situation ended = by(lifted, "YL-1", new Event.DrillEnded("YL-1", "stopped"));
        String shown = WaitForAsyncUtils.asyncFx(() -> {
            alarms.check(lifted, DispatchOrder.Timing.defaults());
            alarms.check(ended, DispatchOrder.Timing.defaults());
            return ((Label) alarms.node().getChildren().get(0)).getText();
        }).get(30, TimeUnit.SECONDS);
        assertThat(alarms.waiting()).extracting(Alarms.Alarm::subject).containsExactly("warnings/W-3");
        assertThat(shown).isEqualTo("气象预警：高温蓝色预警");
    }
}
