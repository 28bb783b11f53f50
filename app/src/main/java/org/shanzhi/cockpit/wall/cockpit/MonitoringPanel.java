package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Rankings;
import org.shanzhi.cockpit.domain.Ratio;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.TimeWindows;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.kpi.GaugeKpi;
import org.shanzhi.cockpit.wall.kpi.NumberKpi;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;
import org.shanzhi.cockpit.wall.kpi.StatusList;
import org.shanzhi.cockpit.wall.kpi.TrendKpi;

/**
 * 监测预警: AI video alerts today, by hour and waiting for review, the algorithms with the most false alarms (误报率),
 * cameras online, warnings in force and sensor alarms (one list for the two: each is a row or two on most days), and
 * today's alerts by algorithm.
 */
public final class MonitoringPanel extends CockpitPanel {

    final NumberKpi alerts = new NumberKpi(I18n.t("cockpit.monitoring.alerts"), I18n.t("unit.alerts"));
    final TrendKpi trend = new TrendKpi(I18n.t("cockpit.monitoring.trend"));
    final GaugeKpi cameras = new GaugeKpi(I18n.t("cockpit.monitoring.cameras"));
    /** The warnings in force, then the sensors in alarm: a row or two each on most days, so one list for both. */
    final StatusList warningsAndAlarms = new StatusList(title(0, 0), 5);
    final StatusList falseAlarms = new StatusList(I18n.t("cockpit.monitoring.falseAlarms", CockpitFigures.RATE_DAYS), 3);
    final RankingKpi kindsToday = new RankingKpi(I18n.t("cockpit.monitoring.kindsToday"), 4, "%.0f");

    public MonitoringPanel() {
        super("cockpit.monitoring.title");
        place(alerts, 0, 0, 1);
        place(trend, 1, 0, 1);
        // the alerts waiting for review share the trend's cell (its caption), so the 误报率 has a cell of its own
        place(falseAlarms, 2, 0, 1);
        place(cameras, 3, 0, 1);
        place(warningsAndAlarms, 0, 1, 2);
        place(kindsToday, 2, 1, 2);
    }

    @Override
    LargeForm largeForm() {
        return new MonitoringLarge(this);
    }

    @Override
    void render(CockpitFigures f) {
        CockpitFigures.Monitoring m = f.monitoring();
        alerts.show(m.alerts().today(), null);
        alerts.setCaption(I18n.t("common.vsYesterday", Formats.change(m.alerts().change())), null);
        trend.show(hourLabels(m.alertsHourly()), m.alertsHourly().counts(), Theme.INFO);
        trend.setCaption(I18n.t("cockpit.monitoring.trend.caption", m.alertsHourly().total(), m.alertsPending()),
                m.alertsPending() > 0 ? Theme.WARNING : null);

        Ratio online = m.camerasOnline();
        cameras.show(online.percent(), States.rate(online.value(), 0.95, 0.9));
        cameras.setCaption(I18n.t("cockpit.monitoring.cameras.caption", online.part(), online.whole()), null);

        List<StatusList.Row> w = new ArrayList<>();
        for (WeatherWarning x : m.warnings()) {
            String until = x.validTo() == null ? I18n.t("cockpit.monitoring.warning.untilLifted")
                    : I18n.t("cockpit.monitoring.warning.until", Formats.when(x.validTo(), f.time()));
            String text = I18n.t("warning.signal", I18n.t("hazard", x.hazard()), I18n.t("signal", x.level()));
            w.add(new StatusList.Row(x.id(), f.drill("warnings", x.id()) ? DrillMark.text(text) : text, until,
                    States.signal(x.level())));
        }
        List<StatusList.Row> s = new ArrayList<>();
        for (Sensor x : m.sensorAlarms()) {
            String text = I18n.t("cockpit.monitoring.sensor.row", I18n.t("sensor", x.kind()), x.id());
            s.add(new StatusList.Row(x.id(), f.drill("sensorAlarms", x.id()) ? DrillMark.text(text) : text,
                    I18n.t("cockpit.monitoring.sensor.value", x.value(), x.kind().unit), Theme.CRITICAL));
        }
        warningsAndAlarms.setTitle(title(w.size(), s.size()));
        List<StatusList.Row> both = new ArrayList<>(w);
        both.addAll(s);
        warningsAndAlarms.show(both);

        List<StatusList.Row> fa = new ArrayList<>();
        // the rates that rest on enough reviews, worst first; then the algorithms with too few to say (one rejected
        // alert of one reviewed would read a red 100 %): "仅 1 条", short enough to leave the name readable
        List<StatusList.Row> tooFew = new ArrayList<>();
        for (Rankings.FalseAlarms x : m.falseAlarms()) {
            Ratio r = x.rate();
            if (!f.minimum().enoughReviewedAlerts(r)) {
                tooFew.add(new StatusList.Row(x.name(), x.name(), I18n.t("kpi.tooFew.alerts", r.whole()), null));
                continue;
            }
            fa.add(new StatusList.Row(x.name(), x.name(),
                    // the rate alone: a column is too narrow for the counts too (they are in /kpis)
                    I18n.t("cockpit.monitoring.falseAlarm.rate", r.percent()),
                    // the share the algorithm got right: nine in ten is good, two in three fair
                    States.rate(1 - r.value(), 0.9, 2.0 / 3)));
        }
        fa.addAll(tooFew);
        falseAlarms.show(fa);
        kindsToday.show(SentimentPanel.entries(m.kindsToday()));
    }

    private static String title(int warnings, int alarms) {
        return I18n.t("cockpit.monitoring.warnings", warnings) + " · " + I18n.t("cockpit.monitoring.sensors", alarms);
    }

    static List<String> hourLabels(TimeWindows.Hourly h) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < h.counts().size(); i++) {
            labels.add(Formats.clock(h.firstHour().plusSeconds(3600L * i)));
        }
        return labels;
    }
}
