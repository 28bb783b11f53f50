package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Buildings;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.domain.Whistle;

/**
 * The 5月30日 storm of the source document, as the script of DOMAIN.md §4.2, on one day (times
 * are local):
 *
 * <pre>
 * 13:30          大风黄色 and 暴雨蓝色 warnings, valid 12 h                     {@link #issueWarnings}
 * 16:30–17:30    10–14 trees down in six communities: on video (25 %, an AI alert
 *                accepted at once), by 12345 (30 %: the call joins the case, 并案)
 *                or by grid workers                                                 {@link #fallenTree}
 * 16:30–22:30    12345 intake ×2.5; rain peaks at 17:00 and drains by 19:30
 * 16:35          a tree on the 10 kV line: a CRITICAL case near the switch station  {@link #lineDown}
 * 16:30          应急响应: the 120 网格员 stay on shift (not off at 18:00) until the storm is over and
 *                every building is back                                             {@link #responding}
 * 16:40          东三 outage: part of the community, its 27 buildings nearest the downed line's switch
 *                station (of 30), with their households; no power or network       {@link #outage}
 * 16:40–18:40    outage calls to 12345, about one per 30 households (≈57), each joined to the line case
 *                (并案: one matter, 办结 with its 结案)                                {@link #outageCalls}
 * 16:50          吹哨 to 供电公司, 园林, 通信运营商, 派出所, 物业 for the line case
 * 17:10          the 东三 secretary's first report to the street (情报信息上报, 应急处置进展)
 * from 18:10     buildings restored one by one, nearest the station first, on a logistic curve: ~50 % at
 *                3 h, ~90 % at 5 h, all by 6–8 h; each building's network 0.5–2 h behind its power; the
 *                secretary reports at 30, 50, 70, 90 % 供电供网 and when all is back; the whistle
 *                resolved then                                                      {@link #restore}
 * 20:00, 21:00   the gale, then the rain warning lifted
 * </pre>
 *
 * A simulator started during a storm day (a restarted hub) joins it: what the script has done is found
 * in the situation and carried on, what is still to come is planned.
 */
final class Storm implements Devices.Weather {

    private static final Logger log = LoggerFactory.getLogger(Storm.class);

    static final Duration WARNINGS_AT = Duration.ofHours(13).plusMinutes(30);
    static final Duration HITS_AT = Duration.ofHours(16).plusMinutes(30);
    static final String COMMUNITY = "110106016008"; // 和义东里第三社区, the source's 东三社区
    /** The source: "东三社区部分区域断电断网" — part of the community, not all of it. */
    static final int OUTAGE_BUILDINGS = 27;
    /** Who reports the community's progress to the street (the source's 东三社区书记). */
    static final String SECRETARY = "东三社区书记";
    static final String PROGRESS = "应急处置进展";
    /** Shares of buildings with power and network back at which the secretary reports, in %. */
    static final List<Integer> MILESTONES = List.of(30, 50, 70, 90, 100);
    /** Logistic restoration (§4.2): nothing before crews arrive, ~50 % at 3 h, ~90 % at 5 h, all by 6–8 h. */
    static final double RESTORE_START_H = 1.5;
    static final double RESTORE_MID_H = 2.8;
    static final double RESTORE_SCALE_H = 0.91;
    static final List<String> DEPARTMENTS = List.of("供电公司", "园林绿化队", "通信运营商", "和义派出所", "物业");
    static final String ISSUER = "北京市气象台";
    static final String WHISTLE_REASON = "东三社区断电断网、树木倒伏压线";
    private static final List<String> TREE_COMMUNITIES = List.of("110106016001", "110106016002", "110106016003",
            "110106016006", "110106016007", "110106016008");
    private static final String OUTAGE_PREFIX = Ids.OUTAGE;
    private static final String WARNING_PREFIX = Ids.WARNING;

    private final SimContext ctx;
    private final Cases cases;
    private final AiAlerts alerts;
    private final Whistles whistles;
    private final Complaints complaints;
    private final Crews crews;

    // the day's script, once planned
    private Instant warningsAt;
    private Instant hitsAt;
    private Instant lineAt;
    private Instant outageAt;
    private Instant whistleAt;
    private double powerFullH;
    private double networkLagH;
    private double surgePerTick;
    private int households;

    // what the script has made so far
    private String outageId;
    private String lineCase;
    private String whistleId;
    private int buildings;
    private int power;
    private int network;
    /** The highest share (%) the secretary has reported. */
    private int reported;

    Storm(SimContext ctx, Cases cases, AiAlerts alerts, Whistles whistles, Complaints complaints, Crews crews) {
        this.ctx = ctx;
        this.cases = cases;
        this.alerts = alerts;
        this.whistles = whistles;
        this.complaints = complaints;
        this.crews = crews;
    }

    /**
     * Plans the storm day beginning at {@code dayMidnight} from now on. On a fresh situation that is the
     * whole script still to come; on {@code s} of a day under way, what the script has done is found and
     * carried on as well.
     */
    void plan(Instant dayMidnight, Situation s) {
        warningsAt = dayMidnight.plus(WARNINGS_AT);
        hitsAt = dayMidnight.plus(HITS_AT);
        lineAt = hitsAt.plus(Duration.ofMinutes(5));
        outageAt = hitsAt.plus(Duration.ofMinutes(10));
        whistleAt = hitsAt.plus(Duration.ofMinutes(20));
        powerFullH = 6 + ctx.uniform() * 2;
        networkLagH = 0.5 + ctx.uniform() * 1.5;
        households = outageHouseholds();
        surgePerTick = households / 30.0 / 720; // roughly 1 call per 30 households in the first 2 h (§4.2)
        crews.calledOutWhile(this::responding);

        Instant from = ctx.now();
        if (!warningsAt.isBefore(from)) {
            ctx.at(warningsAt, this::issueWarnings);
        } else {
            findWarnings(s);
        }
        if (!hitsAt.isBefore(from)) {
            planTrees(from);
            ctx.at(lineAt, this::lineDown);
            ctx.at(outageAt, this::outage);
            ctx.at(whistleAt, this::whistle);
            ctx.at(outageAt.plus(Duration.ofMinutes(30)), this::firstReport);
        } else if (underWay(s)) {
            joinHit(s, from);
        } // else a day begun after the hit, with no storm in it
    }

    /**
     * A simulator started on the day after a storm whose work is still open (an outage not restored,
     * a warning not lifted) joins that storm to finish it.
     */
    void joinUnfinished(Situation s) {
        Optional<Instant> began = s.outages().values().stream().filter(o -> ours(o) && o.open())
                .map(Outage::startedAt).findFirst()
                .or(() -> s.warnings().values().stream().filter(w -> ours(w) && !w.lifted())
                        .map(WeatherWarning::validFrom).findFirst());
        if (began.isPresent()) {
            LocalDate day = began.get().atZone(SimContext.ZONE).toLocalDate();
            plan(day.atStartOfDay(SimContext.ZONE).toInstant(), s);
        }
    }

    /** The storm's whistle, once blown (resolved here, not by {@link Whistles}). */
    String whistleId() {
        return whistleId;
    }

    // --- the script ----------------------------------------------------------------------------------

    private void issueWarnings() {
        String gale = ctx.nextId(WARNING_PREFIX, ctx.situation().warnings());
        ctx.emit(new Event.WarningIssued(gale, WeatherWarning.Hazard.GALE, WeatherWarning.Level.YELLOW, ISSUER,
                ctx.now().plus(Duration.ofHours(12))));
        String rain = ctx.nextId(WARNING_PREFIX, ctx.situation().warnings());
        ctx.emit(new Event.WarningIssued(rain, WeatherWarning.Hazard.RAINSTORM, WeatherWarning.Level.BLUE, ISSUER,
                ctx.now().plus(Duration.ofHours(12))));
        ctx.at(liftAt(WeatherWarning.Hazard.GALE), () -> lift(gale));
        ctx.at(liftAt(WeatherWarning.Hazard.RAINSTORM), () -> lift(rain));
        log.debug("storm warnings issued: {} 大风黄色预警, {} 暴雨蓝色预警", gale, rain);
    }

    private Instant liftAt(WeatherWarning.Hazard hazard) {
        return hitsAt.plus(Duration.ofMinutes(hazard == WeatherWarning.Hazard.GALE ? 210 : 270));
    }

    private void lift(String warningId) {
        WeatherWarning w = ctx.situation().warnings().get(warningId);
        if (w != null && !w.lifted()) {
            ctx.emit(new Event.WarningLifted(warningId));
        }
    }

    private void planTrees(Instant from) {
        int trees = 10 + ctx.nextInt(5);
        for (int i = 0; i < trees; i++) {
            Duration when = Duration.ofSeconds(ctx.nextInt(3600));
            String code = ctx.any(TREE_COMMUNITIES);
            double source = ctx.uniform();
            if (!hitsAt.plus(when).isBefore(from)) {
                ctx.at(hitsAt.plus(when), () -> fallenTree(code, source));
            }
        }
    }

    private void fallenTree(String communityCode, double source) {
        Community c = ctx.community(communityCode);
        if (c == null) {
            return;
        }
        GeoPoint at = ctx.randomPointIn(c);
        if (source < 0.25) {
            // spotted on video in a quiet corner (the source document), confirmed by the operator
            Camera camera = alerts.nearestOnline(at);
            if (camera != null && alerts.spotted(camera, Catalogue.TREE_ON_VIDEO, Catalogue.FALLEN_TREE)) {
                return;
            }
        }
        if (source < 0.55) {
            // the caller's 12345 order joins the case it opens (并案): its 办结 and 回访 follow the case's 结案
            String orderNo = complaints.report(at, "园林绿化", "树木倒伏堵路");
            String id = cases.open(Catalogue.FALLEN_TREE, Incident.Source.HOTLINE, IncidentState.REGISTERED, at, null,
                    null);
            if (orderNo != null && id != null) {
                ctx.emit(new Event.ComplaintLinked(orderNo, id));
            }
            return;
        }
        cases.open(Catalogue.FALLEN_TREE, Incident.Source.GRID_WORKER, IncidentState.REGISTERED, at, null, null);
    }

    private void lineDown() {
        Community c = ctx.community(COMMUNITY);
        GeoPoint at = switchStation().orElse(c == null ? ctx.scenario().district().bounds().centre()
                : c.boundary().centroid());
        lineCase = cases.open(Catalogue.LINE_DOWN, Incident.Source.GRID_WORKER, IncidentState.REGISTERED,
                ctx.near(at, 60), null, null);
    }

    private Optional<GeoPoint> switchStation() {
        return ctx.scenario().pois().stream().filter(p -> "switch_station".equals(p.kind()))
                .filter(p -> COMMUNITY.equals(ctx.situation().communityAt(p.at()))).map(HeyiScenario.Poi::at)
                .findFirst();
    }

    /** The 东三 buildings the downed line feeds: the community's buildings nearest its switch station. */
    private List<String> outageBuildings() {
        Community c = ctx.community(COMMUNITY);
        if (c == null) {
            return List.of();
        }
        GeoPoint station = switchStation().orElse(c.boundary().centroid());
        return Buildings.of(c, ctx.scenario().buildings(COMMUNITY), ctx.now()).stream()
                .sorted(Comparator.comparingDouble(b -> b.at().metresTo(station)))
                .limit(OUTAGE_BUILDINGS).map(Outage.Building::id).toList();
    }

    /** The households of the buildings out, at the community's households per building. */
    private int outageHouseholds() {
        Community c = ctx.community(COMMUNITY);
        int all = ctx.scenario().buildings(COMMUNITY);
        return c == null || all == 0 ? 0 : Math.round((float) c.households() * Math.min(OUTAGE_BUILDINGS, all) / all);
    }

    private void outage() {
        List<String> ids = outageBuildings();
        if (ids.isEmpty()) {
            return;
        }
        buildings = ids.size();
        outageId = ctx.nextId(OUTAGE_PREFIX, ctx.situation().outages());
        if (!ctx.emit(new Event.OutageReported(outageId, COMMUNITY, "大风致树木倒伏压断10kV架空线,断电断网", buildings,
                households, ids))) {
            outageId = null;
        }
    }

    /** The secretary's first word to the street, half an hour into the outage. */
    private void firstReport() {
        if (outageId != null) {
            progress(Incident.Severity.HIGH, "东三社区" + buildings + "栋楼断电断网,社区已启动应急预案,配合供电抢修,"
                    + "网格员入户走访老人,居民情绪稳定。");
        }
    }

    private void progress(Incident.Severity severity, String summary) {
        ctx.emit(new Event.IntelReported(ctx.nextId(Intel.PREFIX, ctx.situation().intel()), SECRETARY, PROGRESS,
                severity, COMMUNITY, summary, null));
    }

    private void whistle() {
        whistleId = whistles.blow(Whistle.Kind.EMERGENCY, WHISTLE_REASON, DEPARTMENTS, lineCase, null);
    }

    /** While the storm rages (six hours from the hit): 12345 intake runs at 2.5×. */
    boolean active() {
        Instant t = ctx.now();
        return hitsAt != null && !t.isBefore(hitsAt) && t.isBefore(hitsAt.plus(Duration.ofHours(6)));
    }

    /**
     * 应急响应: from the hit until the storm is over (six hours) and every building of the outage is back, the
     * grid workers stay on shift.
     */
    boolean responding() {
        Instant t = ctx.now();
        if (hitsAt == null || t.isBefore(hitsAt)) {
            return false;
        }
        return active() || (outageId != null && (power < buildings || network < buildings));
    }

    /**
     * One tick: in the two hours after the outage, the calls from the community without power, each joined to
     * the line case (并案): one matter, its orders 办结 with the case's 结案.
     */
    void outageCalls() {
        Instant t = ctx.now();
        if (outageAt != null && !t.isBefore(outageAt) && t.isBefore(outageAt.plus(Duration.ofHours(2)))
                && ctx.chance(surgePerTick)) {
            String orderNo = complaints.receive(ctx.community(COMMUNITY), true, true);
            Incident line = lineCase == null ? null : ctx.situation().incidents().get(lineCase);
            if (orderNo != null && line != null && line.open()) {
                ctx.emit(new Event.ComplaintLinked(orderNo, lineCase));
            }
        }
    }

    /** Rain intensity 0..1: builds from the hit, peaks at +30 min, drains by +3 h. */
    @Override
    public double rain(Instant t) {
        if (hitsAt == null) {
            return 0;
        }
        double h = Duration.between(hitsAt, t).getSeconds() / 3600.0;
        if (h < 0 || h > 3) {
            return 0;
        }
        return h < 0.5 ? h / 0.5 : Math.max(0, 1 - (h - 0.5) / 2.5);
    }

    @Override
    public double powerFraction(String communityCode, Instant t) {
        if (outageId == null || !COMMUNITY.equals(communityCode) || t.isBefore(outageAt)) {
            return 1;
        }
        // the monitored switch station feeds the outage's buildings and the rest of the community, which kept power
        int all = Math.max(buildings, ctx.scenario().buildings(COMMUNITY));
        return 1 - 0.95 * (buildings - power) / (double) all;
    }

    /**
     * One tick: the buildings back on by the restoration curve, one by one in the outage's order (nearest the
     * station first), each building's network after its power; the secretary's report at each milestone; the
     * whistle resolved when all are back.
     */
    void restore() {
        if (outageId == null || (power == buildings && network == buildings)) {
            return;
        }
        double h = Duration.between(outageAt, ctx.now()).getSeconds() / 3600.0;
        int p = Math.max(power, (int) Math.floor(buildings * restored(h, powerFullH) + 1e-9));
        int n = Math.min(Math.max(network, (int) Math.floor(buildings * restored(h - networkLagH, powerFullH) + 1e-9)),
                p);
        if (p > power) {
            resupply(p - power, Outage.Supply.DARK, Outage.Supply.POWER);
        }
        if (n > network) {
            resupply(n - network, Outage.Supply.POWER, Outage.Supply.POWER_AND_NETWORK);
        }
        report();
        if (power == buildings && network == buildings && whistleId != null) {
            whistles.resolve(whistleId);
        }
    }

    /** The next {@code count} buildings at {@code from} get {@code to}. */
    private void resupply(int count, Outage.Supply from, Outage.Supply to) {
        Outage o = ctx.situation().outages().get(outageId);
        if (o == null) {
            return;
        }
        List<String> ids = o.affected().stream().filter(b -> b.supply() == from).limit(count)
                .map(Outage.Building::id).toList();
        if (!ids.isEmpty() && ctx.emit(new Event.OutageRestored(outageId, ids, to, null, null))) {
            Outage now = ctx.situation().outages().get(outageId);
            power = now.powerRestored();
            network = now.networkRestored();
        }
    }

    /** The secretary's report when the share with power and network back first reaches a milestone. */
    private void report() {
        int pct = buildings == 0 ? 0 : 100 * network / buildings;
        int milestone = MILESTONES.stream().filter(m -> m <= pct).reduce((a, b) -> b).orElse(0);
        if (milestone <= reported) {
            return;
        }
        reported = milestone;
        if (milestone == 100) {
            progress(Incident.Severity.LOW, "东三社区停电楼栋已全部恢复供电供网(" + network + "/" + buildings
                    + "栋),居民生活恢复正常。");
        } else {
            progress(Incident.Severity.MEDIUM, "正在全力抢修,居民情绪稳定,目前已恢复" + milestone + "%楼栋供电供网("
                    + network + "/" + buildings + "栋)。");
        }
    }

    static double restored(double hoursSinceOutage, double fullAt) {
        if (hoursSinceOutage < RESTORE_START_H) {
            return 0;
        }
        if (hoursSinceOutage >= fullAt) {
            return 1;
        }
        double f0 = logistic(RESTORE_START_H);
        return Math.min(1, (logistic(hoursSinceOutage) - f0) / (1 - f0));
    }

    private static double logistic(double h) {
        return 1 / (1 + Math.exp(-(h - RESTORE_MID_H) / RESTORE_SCALE_H));
    }

    // --- finding the script's work in a situation --------------------------------------------------------

    /**
     * The hit began before {@code from}: the trees still to fall are planned; the line case, the
     * outage (with what is back already) and the whistle are found, or planned if still to come.
     */
    private void joinHit(Situation s, Instant from) {
        planTrees(from);
        lineCase = last(s.incidents().values().stream().filter(i -> SimContext.ours(Cases.PREFIX, i.id())
                && i.category().equals(Catalogue.LINE_DOWN.category()) && !i.openedAt().isBefore(hitsAt))
                .map(Incident::id));
        if (lineCase == null && !lineAt.isBefore(from)) {
            ctx.at(lineAt, this::lineDown);
        }
        Outage o = s.outages().values().stream().filter(this::ours).reduce((a, b) -> b).orElse(null);
        if (o != null) {
            outageId = o.id();
            buildings = o.buildings();
            power = o.powerRestored();
            network = o.networkRestored();
            int pct = buildings == 0 ? 0 : 100 * network / buildings;
            reported = MILESTONES.stream().filter(m -> m <= pct).reduce((a, b) -> b).orElse(0); // said already
        } else if (!outageAt.isBefore(from)) {
            ctx.at(outageAt, this::outage);
        }
        if (!outageAt.plus(Duration.ofMinutes(30)).isBefore(from)) {
            ctx.at(outageAt.plus(Duration.ofMinutes(30)), this::firstReport);
        }
        whistleId = last(s.whistles().values().stream().filter(w -> SimContext.ours(Whistles.PREFIX, w.id())
                && w.reason().equals(WHISTLE_REASON) && !w.requestedAt().isBefore(hitsAt)).map(Whistle::id));
        if (whistleId == null && !whistleAt.isBefore(from)) {
            ctx.at(whistleAt, this::whistle);
        } else if (whistleId != null && s.whistles().get(whistleId).open() && (o == null || !o.open())) {
            ctx.later(Duration.ZERO, () -> whistles.resolve(whistleId)); // everything was back already
        }
    }

    /** Whether the situation shows this storm's warnings: the script was running when it was made. */
    private boolean underWay(Situation s) {
        return s.warnings().values().stream().anyMatch(w -> ours(w) && !w.validFrom().isBefore(warningsAt));
    }

    /** Warnings issued by the script and not yet lifted: lifted when the script lifts them. */
    private void findWarnings(Situation s) {
        for (WeatherWarning w : s.warnings().values()) {
            if (ours(w) && !w.lifted() && !w.validFrom().isBefore(warningsAt)) {
                ctx.at(liftAt(w.hazard()), () -> lift(w.id()));
            }
        }
    }

    private static boolean ours(WeatherWarning w) {
        return SimContext.ours(WARNING_PREFIX, w.id()) && ISSUER.equals(w.issuer())
                && (w.hazard() == WeatherWarning.Hazard.GALE || w.hazard() == WeatherWarning.Hazard.RAINSTORM);
    }

    private boolean ours(Outage o) {
        return SimContext.ours(OUTAGE_PREFIX, o.id()) && COMMUNITY.equals(o.communityCode())
                && (outageAt == null || !o.startedAt().isBefore(outageAt));
    }

    private static String last(Stream<String> ids) {
        return ids.reduce((a, b) -> b).orElse(null);
    }
}
