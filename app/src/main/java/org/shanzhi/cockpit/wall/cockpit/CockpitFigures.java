package org.shanzhi.cockpit.wall.cockpit;

import java.time.Instant;
import java.util.List;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Breakdown;
import org.shanzhi.cockpit.domain.Deadlines;
import org.shanzhi.cockpit.domain.DrillThing;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Forecast;
import org.shanzhi.cockpit.domain.GridFigures;
import org.shanzhi.cockpit.domain.KeyPeriod;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.OutageFigures;
import org.shanzhi.cockpit.domain.PetitionFigures;
import org.shanzhi.cockpit.domain.Rankings;
import org.shanzhi.cockpit.domain.Ratio;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.TimeWindows;
import org.shanzhi.cockpit.domain.WeatherWarning;

/**
 * Every number the four cockpit panels show, taken from a situation at its own time through {@link Kpi} only.
 * The panels format these; they compute nothing. Pure data, no JavaFX.
 */
public record CockpitFigures(Instant time, City city, Monitoring monitoring, Sentiment sentiment, Safety safety,
                             Kpi.MinimumBase minimum, PMap<String, DrillThing> drillThings) {

    /** 按期结案率, 三率 and 调解成功率 look back this far; the category leaderboard a week. */
    public static final int RATE_DAYS = 30;
    public static final int CATEGORY_DAYS = 7;

    /** A count today (Beijing) and yesterday up to the same time of day. */
    public record DayCount(int today, int yesterday) {
        public int change() {
            return today - yesterday;
        }
    }

    /**
     * {@code closedOnTime}: 按期结案率 over the cases due in the last {@link #RATE_DAYS}; {@code grids}: 事在格中解 per
     * 综治网格 over the cases found in the last {@link #RATE_DAYS}.
     */
    public record City(DayCount opened, DayCount closed, Ratio closedOnTime, List<Deadlines.OpenCase> openCases,
                       OutageFigures outage, WeatherWarning topWarning, int sensorsInAlarm,
                       TimeWindows.Hourly openedHourly, List<Rankings.Ranked> openByCategory,
                       List<Rankings.Ranked> openByCommunity, List<GridFigures.Row> grids) {
    }

    /**
     * {@code falseAlarms}: 误报率 by algorithm over {@link #RATE_DAYS}, worst first; {@code kindsToday}: today's
     * alerts by algorithm.
     */
    public record Monitoring(DayCount alerts, TimeWindows.Hourly alertsHourly, int alertsPending, Ratio camerasOnline,
                             List<WeatherWarning> warnings, List<Sensor> sensorAlarms,
                             List<Rankings.FalseAlarms> falseAlarms, List<Rankings.Ranked> kindsToday) {
    }

    /**
     * {@code proactive}: 未诉先办占比 and {@code perThousand}: the street's 千人诉求量, both over {@link #RATE_DAYS};
     * {@code monthEnd} and {@code rising}: 和E办's 三率 forecast and 诉求趋势预警; {@code categoriesToday} and
     * {@code communitiesToday}: today's orders by category and by community.
     */
    public record Sentiment(DayCount orders, TimeWindows.Hourly ordersHourly, Kpi.ThreeRates rates, int overdue,
                            List<Rankings.Ranked> categories, List<Rankings.Ranked> communities, Ratio proactive,
                            double perThousand, Forecast.MonthEnd monthEnd, List<Forecast.Rising> rising,
                            List<Rankings.Ranked> categoriesToday, List<Rankings.Ranked> communitiesToday) {
    }

    /**
     * {@code petitionsAccepted}/{@code petitionsReplied}: 信访 受理率 and 办结率 over {@link #RATE_DAYS};
     * {@code disputeTypes}, {@code disputeCommunities}: the disputes registered in the last {@link #RATE_DAYS}.
     */
    public record Safety(List<Deadlines.DisputeDue> disputes, Ratio mediation, List<Deadlines.PetitionDue> petitions,
                         int intelToday, List<Kpi.WhistleStatus> whistles, KeyPeriod keyPeriod,
                         boolean keyPeriodActive, long daysWithoutGroupIncident, Ratio petitionsAccepted,
                         Ratio petitionsReplied, PetitionFigures.YearOnYear visitors,
                         List<Rankings.Ranked> disputeTypes, List<Rankings.Ranked> disputeCommunities) {

        public int whistlesArrived() {
            return whistles.stream().mapToInt(Kpi.WhistleStatus::arrived).sum();
        }

        public int whistlesSummoned() {
            return whistles.stream().mapToInt(Kpi.WhistleStatus::summoned).sum();
        }
    }

    public static CockpitFigures of(Situation s) {
        return of(s, FigureSettings.DEFAULT);
    }

    /** The figures, with the center's settings: the 三率's weights, the fewest a rate must rest on, and the rest. */
    public static CockpitFigures of(Situation s, FigureSettings settings) {
        Kpi.Weights weights = settings.weights();
        Instant now = s.time();
        // the live part once for every figure (each Kpi figure of it then has no drill things to leave out)
        Situation live = s.live();
        TimeWindows.Window today = TimeWindows.today(now);
        TimeWindows.Window yesterday = TimeWindows.yesterdaySoFar(now);
        TimeWindows.Window rates = TimeWindows.lastDays(now, RATE_DAYS);
        TimeWindows.Window week = TimeWindows.lastDays(now, CATEGORY_DAYS);
        List<WeatherWarning> warnings = Kpi.activeWarnings(s, now);
        List<Sensor> alarms = Kpi.sensorsInAlarm(s);

        City city = new City(
                new DayCount(Kpi.incidentsOpened(live, today.from(), today.to()),
                        Kpi.incidentsOpened(live, yesterday.from(), yesterday.to())),
                new DayCount(Kpi.incidentsClosed(live, today.from(), today.to()),
                        Kpi.incidentsClosed(live, yesterday.from(), yesterday.to())),
                Kpi.closedOnTimeRate(live, rates.from(), rates.to()),
                Deadlines.openCases(s, now),
                OutageFigures.of(live, now),
                warnings.isEmpty() ? null : warnings.get(0),
                alarms.size(),
                TimeWindows.hourly(live, now, TimeWindows.Series.INCIDENTS_OPENED),
                Breakdown.openIncidentsByCategory(live),
                Rankings.openIncidentsByCommunity(live),
                GridFigures.of(live, rates.from(), rates.to()));
        Monitoring monitoring = new Monitoring(
                new DayCount(Kpi.aiAlertsRaised(live, today.from(), today.to()),
                        Kpi.aiAlertsRaised(live, yesterday.from(), yesterday.to())),
                TimeWindows.hourly(live, now, TimeWindows.Series.AI_ALERTS_RAISED),
                Kpi.aiAlertsPending(live),
                Kpi.cameraOnlineRate(live),
                warnings, alarms,
                Rankings.falseAlarmsByKind(live, rates.from(), rates.to()),
                Breakdown.aiAlertsByKind(live, today.from(), today.to()));
        Sentiment sentiment = new Sentiment(
                new DayCount(Kpi.complaintsReceived(live, today.from(), today.to()),
                        Kpi.complaintsReceived(live, yesterday.from(), yesterday.to())),
                TimeWindows.hourly(live, now, TimeWindows.Series.COMPLAINTS_RECEIVED),
                Kpi.threeRates(live, rates.from(), rates.to(), weights),
                Kpi.overdue(live, now).complaints(),
                Rankings.complaintCategories(live, week.from(), week.to()),
                Rankings.complaintsPerThousandByCommunity(live, rates.from(), rates.to()),
                Kpi.proactiveShare(live, rates.from(), rates.to(), settings.proactive()),
                Kpi.complaintsPerThousand(live, rates.from(), rates.to()),
                Forecast.threeRatesAtMonthEnd(live, now, weights),
                Forecast.rising(live, now, Forecast.TrendRule.DEFAULT),
                Rankings.complaintCategories(live, today.from(), today.to()),
                Breakdown.complaintsByCommunity(live, today.from(), today.to()));
        KeyPeriod period = Kpi.keyPeriod(live, now).orElse(null);
        Safety safety = new Safety(
                Deadlines.disputesInMediation(s, now),
                Kpi.mediationSuccessRate(live, rates.from(), rates.to()),
                Deadlines.petitionsDue(s, now),
                Kpi.intelReports(live, today.from(), today.to()),
                Kpi.openWhistles(s),
                period, period != null && period.activeAt(now),
                // during a key period 零发生 counts its own days; otherwise since the record began
                Kpi.daysWithoutGroupIncident(live, now,
                        period != null && period.activeAt(now) ? period.from() : Kpi.recordStart(live, now)),
                PetitionFigures.acceptedInTime(live, rates.from(), rates.to()),
                PetitionFigures.repliedInTime(live, rates.from(), rates.to()),
                PetitionFigures.visitorsYearOnYear(live, rates.from(), rates.to(), settings.petitionBasis()),
                Breakdown.disputesByType(live, rates.from(), rates.to()),
                Breakdown.disputesByCommunity(live, rates.from(), rates.to()));
        return new CockpitFigures(now, city, monitoring, sentiment, safety, settings.minimum(), s.drillThings());
    }

    /** Whether a listed thing (family "incidents", "warnings", "sensorAlarms" …) is a drill's: its rows are marked. */
    public boolean drill(String family, String id) {
        return drillThings.containsKey(DrillThing.key(family, id));
    }
}
