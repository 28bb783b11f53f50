package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.pcollections.PMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.DisputeState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.FieldUnit.Role;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.PetitionState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.domain.Whistle;
import org.shanzhi.cockpit.hub.sim.Catalogue.AiKind;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;

/**
 * A deterministic day in 和义街道: 12345 orders, AI alerts and the cases they become, field units on
 * shift and on patrol, sensors, cameras, disputes, petitions, intel, 吹哨 and — on the day of the
 * source document — the 5月30日 storm with its outage.
 *
 * <p>Time moves in fixed simulated ticks of {@link #TICK}, so the output for a seed depends only on
 * the situations and the sequence of {@code to} instants, never on wall-clock pacing. Every event is
 * tried on a private copy of the situation before it is returned; one the fold would reject (because
 * someone acted through the hub in between) is dropped, and the lifecycle it belonged to is left to
 * the people. Not thread-safe: the hub calls {@link #advance} from one thread.
 */
public final class Simulator {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2026-05-30 06:00 Beijing time: the morning of the storm in the source document. */
    public static final Instant DEFAULT_START =
            OffsetDateTime.of(2026, 5, 30, 6, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    public static final Duration TICK = Duration.ofSeconds(10);
    private static final int TICKS_PER_DAY = 8640;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The rates and durations of the simulation. Defaults are DOMAIN.md estimates [E]. */
    public record Config(
            /* 450 street-owned orders per month (§2.4) */
            double complaintsPerDay,
            /* share of 咨询 answered directly without dispatch */
            double consultAnsweredDirect,
            /* raw AI alerts per day after the throttle (§4.3: 20–60) */
            double aiAlertsPerDay,
            int aiAlertsMaxPerDay,
            /* chance that an alert is followed by a duplicate that review merges */
            double aiDuplicateChance,
            /* chance that a non-duplicate alert is accepted; the rest are false positives */
            double aiAcceptChance,
            /* grid-worker patrol findings per day (§4.2) */
            double patrolFindingsPerDay,
            /* ≈45 disputes per month (§3.1) */
            double disputesPerDay,
            double disputeAgreedChance,
            /* 5–20 信访 per month (§3.2) */
            double petitionsPerDay,
            double collectivePetitionChance,
            double intelReportsPerDay,
            /* ordinary 吹哨 per day */
            double whistlesPerDay,
            /* camera faults per day and mean repair time, for ≈95–97 % online */
            double cameraFaultsPerDay,
            Duration cameraRepairMean,
            Duration sensorPeriod,
            Duration movePeriod,
            /* 三率 at 回访 */
            double respondedChance,
            double resolvedChance,
            double satisfiedChance,
            double basicallySatisfiedChance,
            /* share of replies that miss the priority limit */
            double overdueChance,
            /* null: storm on the first day only when it is DEFAULT_START's date */
            Boolean storm) {

        public static Config defaults() {
            return new Config(15, 0.4, 32, 60, 0.5, 0.45, 1.3, 1.5, 0.97, 0.5, 0.03, 3, 0.1, 20,
                    Duration.ofDays(2), Duration.ofMinutes(5), Duration.ofSeconds(60), 0.995, 0.95, 0.92, 0.05,
                    0.04, null);
        }

        public Config withStorm(Boolean value) {
            return new Config(complaintsPerDay, consultAnsweredDirect, aiAlertsPerDay, aiAlertsMaxPerDay,
                    aiDuplicateChance, aiAcceptChance, patrolFindingsPerDay, disputesPerDay, disputeAgreedChance,
                    petitionsPerDay, collectivePetitionChance, intelReportsPerDay, whistlesPerDay, cameraFaultsPerDay,
                    cameraRepairMean, sensorPeriod, movePeriod, respondedChance, resolvedChance, satisfiedChance,
                    basicallySatisfiedChance, overdueChance, value);
        }
    }

    // --- the storm script of DOMAIN.md §4.2, relative to the day's local midnight ------------------
    static final Duration STORM_WARNINGS_AT = Duration.ofHours(13).plusMinutes(30);
    static final Duration STORM_HITS_AT = Duration.ofHours(16).plusMinutes(30);
    static final String STORM_COMMUNITY = "110106016008"; // 和义东里第三社区, the source's 东三社区
    static final int STORM_OUTAGE_HOUSEHOLDS = 1800;
    /** Logistic restoration (§4.2): nothing before crews arrive, ~50 % at 3 h, ~90 % at 5 h, all by 6–8 h. */
    static final double RESTORE_START_H = 1.5;
    static final double RESTORE_MID_H = 2.8;
    static final double RESTORE_SCALE_H = 0.91;
    static final List<String> STORM_DEPARTMENTS = List.of("供电公司", "园林绿化队", "通信运营商", "和义派出所", "物业");

    private final HeyiScenario scenario;
    private final Config config;
    private final SplittableRandom rng;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long taskOrder;
    private final Map<String, Integer> counters = new HashMap<>();

    private final List<Camera> aiCameras;
    private final double[] aiCameraWeight;
    private final List<Patrol> roads;
    private final Map<String, Crew> crews = new LinkedHashMap<>();
    private final Map<String, double[]> sensorState = new HashMap<>();
    private final Map<String, Community> communityByCode = new LinkedHashMap<>();

    private Instant clock;
    private LocalDate day;
    private int aiAlertsToday;
    private int dropped;

    // the storm's live state
    private Storm storm;

    // per-advance working state
    private Situation local;
    private Instant now;
    private List<TimedEvent> out;

    public Simulator(HeyiScenario scenario, long seed) {
        this(scenario, seed, Config.defaults());
    }

    public Simulator(HeyiScenario scenario, long seed, Config config) {
        this.scenario = scenario;
        this.config = config;
        this.rng = new SplittableRandom(seed);
        scenario.communities().forEach(c -> communityByCode.put(c.code(), c));
        this.aiCameras = scenario.cameras().stream().filter(Camera::ai).toList();
        this.aiCameraWeight = new double[aiCameras.size()];
        for (int i = 0; i < aiCameraWeight.length; i++) {
            aiCameraWeight[i] = 0.5 + rng.nextDouble() * 2.5; // 0.5–3 raw alerts per camera per day (§4.3)
        }
        this.roads = scenario.roads().stream().map(Patrol::new).toList();
        for (FieldUnit u : scenario.units()) {
            crews.put(u.id(), new Crew(u, rng));
        }
        for (Sensor s : scenario.sensors()) {
            // [depth or load factor, remaining alarm ticks]
            sensorState.put(s.id(), new double[] {5 + rng.nextDouble() * 20, 0});
        }
    }

    /**
     * The Heyi day folded from its inventory at {@link #DEFAULT_START} up to {@code until}, without a
     * hub: for pictures, checks and tests. Like the hub, it drops an event the fold refuses.
     */
    public static Situation simulate(HeyiScenario heyi, long seed, Instant until) {
        Situation s = Situation.empty();
        for (Event e : heyi.inventory()) {
            s = s.apply(new Recorded(s.seq() + 1, DEFAULT_START, e));
        }
        for (TimedEvent t : new Simulator(heyi, seed).advance(s, until)) {
            try {
                s = s.apply(new Recorded(s.seq() + 1, t.time(), t.event()));
            } catch (Rejection e) {
                // a planned event the situation no longer allows
            }
        }
        return s;
    }

    /** Events dropped because the situation no longer allowed them (for logs and tests). */
    public int dropped() {
        return dropped;
    }

    /** Events with times in (last call's {@code to}, {@code to}], in time order, given the current situation. */
    public List<TimedEvent> advance(Situation current, Instant to) {
        if (clock == null) {
            Instant start = current.time() == null || current.time().equals(Situation.EPOCH) ? DEFAULT_START
                    : current.time();
            clock = Instant.ofEpochSecond(start.getEpochSecond() - Math.floorMod(start.getEpochSecond(), 10));
            startDay(clock, true);
        }
        local = current;
        out = new ArrayList<>();
        for (Instant t = clock.plus(TICK); !t.isAfter(to); t = t.plus(TICK)) {
            now = t;
            tick();
            clock = t;
        }
        List<TimedEvent> result = out;
        out = null;
        local = null;
        return result;
    }

    // --- the tick ----------------------------------------------------------------------------------

    private void tick() {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        if (!today.equals(day)) {
            startDay(now, false);
        }
        while (!tasks.isEmpty() && !tasks.peek().at.isAfter(now)) {
            tasks.poll().action.run();
        }
        ZonedDateTime z = now.atZone(ZONE);
        int hour = z.getHour();
        long second = now.getEpochSecond();

        // 12345 intake
        double complaintRate = config.complaintsPerDay() * Catalogue.seasonal(z.getMonthValue())
                * share(Catalogue.COMPLAINT_HOURS, hour) * 24 / TICKS_PER_DAY;
        if (storm != null && storm.active(now)) {
            complaintRate *= 2.5;
        }
        if (chance(complaintRate)) {
            complaint(randomCommunity(), storm != null && storm.active(now), false);
        }
        if (storm != null && storm.surge(now) && chance(storm.surgePerTick)) {
            complaint(communityByCode.get(STORM_COMMUNITY), true, true);
        }
        if (aiAlertsToday < config.aiAlertsMaxPerDay()
                && chance(config.aiAlertsPerDay() * share(Catalogue.AI_HOURS, hour) * 24 / TICKS_PER_DAY)) {
            aiAlert(null, null, null);
        }
        if (hour >= 8 && hour < 18 && chance(config.patrolFindingsPerDay() / (10 * 360.0))) {
            patrolFinding();
        }
        if (hour >= 8 && hour < 18 && chance(config.disputesPerDay() * 0.9 / 3600)) {
            dispute();
        } else if ((hour < 8 || hour >= 18) && chance(config.disputesPerDay() * 0.1 / 5040)) {
            dispute();
        }
        if (hour >= 8 && hour < 18 && chance(config.petitionsPerDay() / 3600)) {
            petition();
        }
        if (chance(config.intelReportsPerDay() / TICKS_PER_DAY)) {
            intel();
        }
        if (hour >= 9 && hour < 17 && chance(config.whistlesPerDay() / 2880)) {
            whistle();
        }
        if (second % config.movePeriod().getSeconds() == 0) {
            shiftsAndMoves(z);
        }
        if (second % 60 == 0) {
            cameraFaults();
        }
        long sensorTicks = Math.max(1, config.sensorPeriod().getSeconds() / 10);
        List<Sensor> sensors = scenario.sensors();
        for (int i = 0; i < sensors.size(); i++) {
            if (Math.floorMod(second / 10 - i, sensorTicks) == 0) {
                sensorReading(sensors.get(i), z);
            }
        }
        if (storm != null) {
            storm.restore();
        }
    }

    private void startDay(Instant at, boolean first) {
        ZonedDateTime z = at.atZone(ZONE);
        day = z.toLocalDate();
        aiAlertsToday = 0;
        boolean stormToday = first && (config.storm() != null ? config.storm()
                : day.equals(DEFAULT_START.atZone(ZONE).toLocalDate()));
        if (stormToday) {
            Instant midnight = day.atStartOfDay(ZONE).toInstant();
            storm = new Storm(midnight);
            storm.schedule(at);
        }
    }

    // --- emitting ----------------------------------------------------------------------------------

    /** Tries the event on the private situation; returns whether it was legal (and so emitted). */
    private boolean emit(Event e) {
        try {
            local = local.apply(new Recorded(local.seq() + 1, now, e));
        } catch (Rejection r) {
            dropped++;
            log.debug("simulator dropped {} at {}: {}", e.getClass().getSimpleName(), now, r.getMessage());
            return false;
        }
        out.add(new TimedEvent(now, e));
        return true;
    }

    private record Task(Instant at, long order, Runnable action) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private void later(Duration delay, Runnable action) {
        Instant at = now.plus(delay.isNegative() ? Duration.ZERO : delay);
        tasks.add(new Task(at.isAfter(now) ? at : now.plus(TICK), taskOrder++, action));
    }

    private void at(Instant at, Runnable action) {
        tasks.add(new Task(at, taskOrder++, action));
    }

    private String nextId(String prefix, PMap<String, ?> existing) {
        String date = now.atZone(ZONE).format(DAY);
        while (true) {
            int n = counters.merge(prefix, 1, Integer::sum);
            String id = prefix + "-" + date + "-" + String.format("%04d", n);
            if (!existing.containsKey(id)) {
                return id;
            }
        }
    }

    // --- randomness --------------------------------------------------------------------------------

    private boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    private Duration minutes(double from, double to) {
        return Duration.ofSeconds((long) ((from + rng.nextDouble() * (to - from)) * 60));
    }

    private Duration hours(double from, double to) {
        return Duration.ofSeconds((long) ((from + rng.nextDouble() * (to - from)) * 3600));
    }

    private static double share(double[] hourly, int hour) {
        double total = 0;
        for (double h : hourly) {
            total += h;
        }
        return hourly[hour] / total;
    }

    private Community randomCommunity() {
        double total = 0;
        for (Community c : scenario.communities()) {
            total += c.population();
        }
        double x = rng.nextDouble() * total;
        for (Community c : scenario.communities()) {
            x -= c.population();
            if (x < 0) {
                return c;
            }
        }
        return scenario.communities().get(scenario.communities().size() - 1);
    }

    private GeoPoint randomPointIn(Community c) {
        double w = 180, s = 90, e = -180, n = -90;
        for (GeoPoint p : c.boundary().ring()) {
            w = Math.min(w, p.lon());
            e = Math.max(e, p.lon());
            s = Math.min(s, p.lat());
            n = Math.max(n, p.lat());
        }
        for (int i = 0; i < 200; i++) {
            GeoPoint p = new GeoPoint(w + rng.nextDouble() * (e - w), s + rng.nextDouble() * (n - s));
            if (c.boundary().contains(p) && scenario.district().bounds().contains(p)) {
                return p;
            }
        }
        return c.boundary().centroid();
    }

    // --- 12345 -------------------------------------------------------------------------------------

    private void complaint(Community where, boolean stormy, boolean outageCall) {
        Catalogue.ComplaintCategory cat;
        Complaint.Priority priority;
        Complaint.Type type;
        String summary;
        if (outageCall) {
            cat = new Catalogue.ComplaintCategory("水电气", List.of());
            priority = chance(0.3) ? Complaint.Priority.URGENT : Complaint.Priority.TIMELY;
            type = chance(0.6) ? Complaint.Type.HELP : Complaint.Type.COMPLAINT;
            summary = chance(0.7) ? "楼栋停电,询问何时恢复" : "停电断网,家中有老人需要帮助";
        } else {
            int month = now.atZone(ZONE).getMonthValue();
            if (stormy && chance(0.6)) {
                cat = Catalogue.pick(rng, List.of(
                        Catalogue.w(new Catalogue.ComplaintCategory("园林绿化", List.of("大风刮断树枝砸到车辆",
                                "树木倒伏堵路")), 40),
                        Catalogue.w(new Catalogue.ComplaintCategory("房屋修缮", List.of("房屋漏雨", "窗户被大风损坏")), 35),
                        Catalogue.w(new Catalogue.ComplaintCategory("市政设施", List.of("道路积水", "雨水箅子堵塞")), 25)));
                priority = chance(0.4) ? Complaint.Priority.URGENT : Complaint.Priority.TIMELY;
            } else if (chance(Catalogue.heatingShare(month) / 100)) {
                cat = Catalogue.COMPLAINT_MIX.get(2).value();
                priority = Complaint.Priority.TIMELY;
            } else {
                do {
                    cat = Catalogue.pick(rng, Catalogue.COMPLAINT_MIX);
                } while (cat.name().equals("供暖"));
                priority = Catalogue.pick(rng, Catalogue.COMPLAINT_PRIORITIES);
            }
            type = Catalogue.pick(rng, Catalogue.COMPLAINT_TYPES);
            summary = Catalogue.any(rng, cat.summaries());
        }
        String orderNo = nextId("GD", local.complaints());
        boolean repeat = outageCall ? chance(0.5) : chance(0.05);
        if (!emit(new Event.ComplaintReceived(orderNo, Catalogue.pick(rng, Catalogue.COMPLAINT_CHANNELS), type,
                cat.name(), priority, randomPointIn(where), summary, repeat))) {
            return;
        }
        if (type == Complaint.Type.CONSULT && chance(config.consultAnsweredDirect())) {
            later(minutes(2, 10), () -> moveComplaint(orderNo, ComplaintState.ANSWERED_DIRECT));
            return;
        }
        // Beijing average dispatch ≈6 min [S53]; 签收 ≈2 min in Fengtai [S28]
        later(minutes(2, 12), () -> {
            if (moveComplaint(orderNo, ComplaintState.DISPATCHED)) {
                later(minutes(1, 6), () -> {
                    if (moveComplaint(orderNo, ComplaintState.SIGNED)) {
                        Duration contact = priority == Complaint.Priority.URGENT ? minutes(5, 20) : minutes(15, 120);
                        later(contact, () -> {
                            if (moveComplaint(orderNo, ComplaintState.CONTACTED)) {
                                later(minutes(1, 30), () -> {
                                    if (moveComplaint(orderNo, ComplaintState.IN_PROGRESS)) {
                                        scheduleReply(orderNo, priority, false);
                                    }
                                });
                            }
                        });
                    }
                });
            }
        });
    }

    private void scheduleReply(String orderNo, Complaint.Priority priority, boolean reopened) {
        double limitH = priority.limit.toSeconds() / 3600.0;
        double fraction = chance(config.overdueChance()) ? 1.05 + rng.nextDouble() * 0.5
                : 0.1 + rng.nextDouble() * 0.8;
        if (reopened) {
            fraction *= 0.5;
        }
        later(Duration.ofSeconds((long) (limitH * fraction * 3600)), () -> {
            if (moveComplaint(orderNo, ComplaintState.REPLIED)) {
                Duration revisit = priority == Complaint.Priority.URGENT ? hours(1, 4)
                        : priority == Complaint.Priority.TIMELY ? hours(3, 20) : hours(24, 72);
                later(revisit, () -> revisit(orderNo));
            }
        });
    }

    private void revisit(String orderNo) {
        Complaint c = local.complaints().get(orderNo);
        if (c == null || !c.state().next().contains(ComplaintState.REVISITED)) {
            return;
        }
        boolean responded = chance(config.respondedChance());
        double r = rng.nextDouble();
        Complaint.Resolution resolved = r < config.resolvedChance() ? Complaint.Resolution.YES
                : r < config.resolvedChance() + (1 - config.resolvedChance()) / 2 ? Complaint.Resolution.PARTIAL
                : Complaint.Resolution.NO;
        double s = rng.nextDouble();
        Complaint.Satisfaction satisfaction = s < config.satisfiedChance() ? Complaint.Satisfaction.SATISFIED
                : s < config.satisfiedChance() + config.basicallySatisfiedChance()
                ? Complaint.Satisfaction.BASICALLY_SATISFIED : Complaint.Satisfaction.UNSATISFIED;
        if (!emit(new Event.ComplaintRevisited(orderNo, responded, resolved, satisfaction))) {
            return;
        }
        boolean reopen = (resolved == Complaint.Resolution.NO || satisfaction == Complaint.Satisfaction.UNSATISFIED)
                && chance(0.5);
        later(minutes(5, 60), () -> {
            if (reopen) {
                if (moveComplaint(orderNo, ComplaintState.REOPENED)) {
                    later(minutes(10, 60), () -> {
                        if (moveComplaint(orderNo, ComplaintState.IN_PROGRESS)) {
                            scheduleReply(orderNo, c.priority(), true);
                        }
                    });
                }
            } else {
                moveComplaint(orderNo, ComplaintState.CLOSED);
            }
        });
    }

    private boolean moveComplaint(String orderNo, ComplaintState to) {
        Complaint c = local.complaints().get(orderNo);
        if (c == null || !c.state().next().contains(to)) {
            return false;
        }
        return emit(new Event.ComplaintAdvanced(orderNo, to));
    }

    // --- AI alerts and cases -------------------------------------------------------------------------

    /** Raises an alert; null arguments mean "draw one". Returns the alert id, or null. */
    private String aiAlert(Camera camera, AiKind kind, String duplicateOf) {
        if (camera == null) {
            camera = pickAiCamera();
            if (camera == null) {
                return null;
            }
        }
        if (kind == null) {
            kind = Catalogue.pick(rng, Catalogue.AI_KINDS);
        }
        Camera live = local.cameras().get(camera.id());
        if (live == null || !live.online() || !live.ai()) {
            return null;
        }
        String alertId = nextId("AI", local.alerts());
        double x = rng.nextDouble() * 0.6;
        double y = rng.nextDouble() * 0.6;
        List<AiAlert.Box> boxes = List.of(new AiAlert.Box(x, y, 0.1 + rng.nextDouble() * 0.3,
                0.1 + rng.nextDouble() * 0.3, kind.kind()));
        double confidence = Math.round((0.55 + rng.nextDouble() * 0.43) * 100) / 100.0;
        if (!emit(new Event.AiAlertRaised(alertId, camera.id(), kind.kind(), kind.vendorCode(), confidence, boxes))) {
            return null;
        }
        aiAlertsToday++;
        Camera cam = camera;
        AiKind k = kind;
        if (duplicateOf == null && chance(config.aiDuplicateChance())) {
            later(minutes(3, 25), () -> aiAlert(cam, k, alertId));
        }
        // the operator reviews within minutes (§4.3: a human confirms before dispatch)
        later(minutes(1, 8), () -> review(alertId, cam, k, duplicateOf));
        return alertId;
    }

    private Camera pickAiCamera() {
        double total = 0;
        for (double w : aiCameraWeight) {
            total += w;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < aiCameraWeight.length; i++) {
            x -= aiCameraWeight[i];
            if (x < 0) {
                return aiCameras.get(i);
            }
        }
        return aiCameras.isEmpty() ? null : aiCameras.get(aiCameras.size() - 1);
    }

    private void review(String alertId, Camera camera, AiKind kind, String duplicateOf) {
        AiAlert a = local.alerts().get(alertId);
        if (a == null || a.review() != AiAlert.Review.PENDING) {
            return;
        }
        if (duplicateOf != null && local.alerts().containsKey(duplicateOf)) {
            emit(new Event.AiAlertReviewed(alertId, AiAlert.Review.MERGED, null, duplicateOf));
            return;
        }
        if (!chance(config.aiAcceptChance())) {
            emit(new Event.AiAlertReviewed(alertId, AiAlert.Review.REJECTED, null, null));
            return;
        }
        String incidentId = openCase(kind.becomes(), Incident.Source.AI, IncidentState.REPORTED,
                near(camera.at(), 25), alertId, null);
        if (incidentId != null) {
            emit(new Event.AiAlertReviewed(alertId, AiAlert.Review.ACCEPTED, incidentId, null));
        }
    }

    private GeoPoint near(GeoPoint p, double metres) {
        double dx = (rng.nextDouble() * 2 - 1) * metres;
        double dy = (rng.nextDouble() * 2 - 1) * metres;
        GeoPoint q = Geo.offset(p, dx, dy);
        return scenario.district().bounds().contains(q) ? q : p;
    }

    /**
     * Opens a case and drives it: 立案, 待派遣, dispatch to the nearest free unit of the kind's roles,
     * then the unit's ride, work and report, then 核查 and 结案. Returns the case id, or null.
     */
    private String openCase(CaseKind kind, Incident.Source source, IncidentState initial, GeoPoint at,
                            String alertId, String preferredUnit) {
        String id = nextId("AJ", local.incidents());
        if (!emit(new Event.IncidentOpened(id, kind.title(), kind.category(), source, kind.severity(), initial, at,
                now.plus(kind.limit()), alertId))) {
            return null;
        }
        Runnable pending = () -> {
            if (moveCase(id, IncidentState.PENDING_DISPATCH)) {
                later(minutes(1, 5), () -> dispatch(id, kind, preferredUnit, 0));
            }
        };
        if (initial == IncidentState.REPORTED) {
            later(minutes(1, 5), () -> {
                if (moveCase(id, IncidentState.REGISTERED)) {
                    later(minutes(1, 4), pending);
                }
            });
        } else {
            later(minutes(1, 4), pending);
        }
        return id;
    }

    private boolean moveCase(String id, IncidentState to) {
        Incident i = local.incidents().get(id);
        if (i == null || !i.state().next().contains(to)) {
            return false;
        }
        return emit(new Event.IncidentAdvanced(id, to, null));
    }

    private void dispatch(String incidentId, CaseKind kind, String preferredUnit, int attempt) {
        Incident i = local.incidents().get(incidentId);
        if (i == null || i.state() != IncidentState.PENDING_DISPATCH) {
            return;
        }
        FieldUnit unit = null;
        if (preferredUnit != null) {
            FieldUnit u = local.units().get(preferredUnit);
            if (u != null && u.status().dispatchable()) {
                unit = u;
            }
        }
        List<Role> roles = new ArrayList<>(kind.roles());
        if (attempt >= 3) {
            roles.add(Role.GRID_WORKER);
            roles.add(Role.ENFORCEMENT);
        }
        for (int r = 0; unit == null && r < roles.size(); r++) {
            unit = nearestFree(roles.get(r), i.at());
        }
        if (unit == null) {
            if (attempt < 60) {
                later(Duration.ofMinutes(3), () -> dispatch(incidentId, kind, preferredUnit, attempt + 1));
            }
            return;
        }
        String unitId = unit.id();
        if (!emit(new Event.IncidentDispatched(incidentId, unitId))) {
            return;
        }
        Crew crew = crews.get(unitId);
        later(minutes(0.5, 3), () -> {
            if (unitIs(unitId, UnitStatus.ASG, incidentId) && setUnit(unitId, UnitStatus.ACK)) {
                later(minutes(0.5, 2), () -> {
                    if (setUnit(unitId, UnitStatus.ENR) && crew != null) {
                        crew.job = incidentId;
                        crew.kind = kind;
                        crew.target = i.at();
                    }
                });
            }
        });
    }

    private FieldUnit nearestFree(Role role, GeoPoint at) {
        FieldUnit best = null;
        double bestD = Double.MAX_VALUE;
        for (FieldUnit u : local.units().values()) {
            if (u.role() == role && u.status().dispatchable()) {
                double d = u.at().metresTo(at);
                if (d < bestD) {
                    bestD = d;
                    best = u;
                }
            }
        }
        return best;
    }

    private boolean unitIs(String unitId, UnitStatus status, String incidentId) {
        FieldUnit u = local.units().get(unitId);
        return u != null && u.status() == status && (incidentId == null || incidentId.equals(u.incidentId()));
    }

    private boolean setUnit(String unitId, UnitStatus to) {
        FieldUnit u = local.units().get(unitId);
        if (u == null || !u.status().next().contains(to)) {
            return false;
        }
        return emit(new Event.UnitStatusChanged(unitId, to));
    }

    /** The unit has reached the case: on scene, work, report, and return. */
    private void arrived(Crew crew) {
        String unitId = crew.id;
        String incidentId = crew.job;
        CaseKind kind = crew.kind;
        crew.target = null;
        if (!setUnit(unitId, UnitStatus.ONS)) {
            crew.job = null;
            return;
        }
        moveCase(incidentId, IncidentState.IN_PROGRESS);
        later(minutes(1, 4), () -> {
            if (!setUnit(unitId, UnitStatus.WRK)) {
                crew.job = null;
                return;
            }
            later(minutes(kind.workMinMinutes(), kind.workMaxMinutes()), () -> {
                if (setUnit(unitId, UnitStatus.RPT)) {
                    if (moveCase(incidentId, IncidentState.DISPOSED)) {
                        check(incidentId, false);
                    }
                    later(minutes(2, 8), () -> {
                        crew.job = null;
                        if (setUnit(unitId, UnitStatus.RET)) {
                            crew.target = crew.patrols() ? crew.rejoinPoint(roads) : crew.home;
                        }
                    });
                } else {
                    crew.job = null;
                }
            });
        });
    }

    /** 核查 by video or the reporting 监督员, then 结案, with an occasional 返工 (§1.2). */
    private void check(String incidentId, boolean reworked) {
        later(minutes(10, 60), () -> {
            if (!moveCase(incidentId, IncidentState.CHECKING)) {
                return;
            }
            later(minutes(5, 40), () -> {
                if (!reworked && chance(0.08)) {
                    if (moveCase(incidentId, IncidentState.REWORK)) {
                        later(minutes(5, 20), () -> {
                            if (moveCase(incidentId, IncidentState.IN_PROGRESS)) {
                                later(minutes(30, 90), () -> {
                                    if (moveCase(incidentId, IncidentState.DISPOSED)) {
                                        check(incidentId, true);
                                    }
                                });
                            }
                        });
                    }
                } else {
                    moveCase(incidentId, IncidentState.CLOSED);
                }
            });
        });
    }

    private void patrolFinding() {
        List<FieldUnit> patrolling = new ArrayList<>();
        for (FieldUnit u : local.units().values()) {
            if (u.role() == Role.GRID_WORKER && u.status() == UnitStatus.PAT) {
                patrolling.add(u);
            }
        }
        if (patrolling.isEmpty()) {
            return;
        }
        FieldUnit reporter = Catalogue.any(rng, patrolling);
        CaseKind kind = Catalogue.pick(rng, Catalogue.PATROL_FINDINGS);
        openCase(kind, Incident.Source.GRID_WORKER, IncidentState.REGISTERED, near(reporter.at(), 15), null,
                kind.roles().contains(Role.GRID_WORKER) ? reporter.id() : null);
    }

    // --- field units: shifts, patrols, rides ------------------------------------------------------------

    /** A unit's private plan: its shift, its patrol road and where it is heading. */
    private static final class Crew {
        final String id;
        final Role role;
        final GeoPoint home;
        final int shiftStart;
        final int shiftEnd;
        final double patrolSpeed;
        final double rideSpeed;
        Patrol road;
        double along;
        int dir = 1;
        boolean onRoad;
        Instant switchAt;
        GeoPoint target;
        String job;
        CaseKind kind;

        Crew(FieldUnit u, SplittableRandom rng) {
            id = u.id();
            role = u.role();
            home = u.at();
            int jitter = rng.nextInt(21);
            switch (role) {
                case GRID_WORKER:
                    shiftStart = 8 * 60 + jitter;
                    shiftEnd = 18 * 60 + jitter;
                    patrolSpeed = 1.2;
                    rideSpeed = 3.5;
                    break;
                case ENFORCEMENT:
                    shiftStart = 7 * 60 + 30 + jitter;
                    shiftEnd = 21 * 60 + 30 + jitter;
                    patrolSpeed = 3.5;
                    rideSpeed = 4.5;
                    break;
                case POLICE:
                    shiftStart = 0;
                    shiftEnd = 24 * 60;
                    patrolSpeed = 5;
                    rideSpeed = 8;
                    break;
                case PROPERTY:
                    shiftStart = 8 * 60 + jitter;
                    shiftEnd = 20 * 60 + jitter;
                    patrolSpeed = 1.2;
                    rideSpeed = 3;
                    break;
                default: // LANDSCAPING, UTILITY: on call round the clock, no patrol
                    shiftStart = 0;
                    shiftEnd = 24 * 60;
                    patrolSpeed = 0;
                    rideSpeed = 7;
                    break;
            }
        }

        boolean patrols() {
            return patrolSpeed > 0;
        }

        boolean onShift(int minuteOfDay) {
            return minuteOfDay >= shiftStart && minuteOfDay < shiftEnd;
        }

        GeoPoint rejoinPoint(List<Patrol> roads) {
            if (road == null) {
                return home;
            }
            return road.at(along);
        }
    }

    private void shiftsAndMoves(ZonedDateTime z) {
        int minute = z.getHour() * 60 + z.getMinute();
        double step = config.movePeriod().getSeconds();
        for (Crew crew : crews.values()) {
            FieldUnit u = local.units().get(crew.id);
            if (u == null) {
                continue;
            }
            UnitStatus s = u.status();
            boolean onShift = crew.onShift(minute);
            if (s == UnitStatus.ENR || s == UnitStatus.RET) {
                ride(crew, u, step);
                continue;
            }
            if (crew.job != null && s != UnitStatus.ASG && s != UnitStatus.ACK && s != UnitStatus.ONS
                    && s != UnitStatus.WRK && s != UnitStatus.RPT) {
                crew.job = null; // someone took the unit off the job through the hub
            }
            if (s == UnitStatus.OFF) {
                if (onShift) {
                    setUnit(crew.id, UnitStatus.AVL);
                    crew.switchAt = now.plus(minutes(1, 15));
                }
            } else if (s == UnitStatus.AVL) {
                if (!onShift) {
                    setUnit(crew.id, UnitStatus.OFF);
                } else if (crew.patrols() && (crew.switchAt == null || !now.isBefore(crew.switchAt))) {
                    if (setUnit(crew.id, UnitStatus.PAT)) {
                        crew.switchAt = now.plus(minutes(45, 120));
                        if (crew.road == null) {
                            crew.road = nearestRoad(crew.home);
                            crew.along = crew.road.project(crew.home);
                            crew.dir = rng.nextBoolean() ? 1 : -1;
                        }
                        crew.onRoad = false;
                    }
                }
            } else if (s == UnitStatus.PAT) {
                if (!onShift || (crew.switchAt != null && !now.isBefore(crew.switchAt))) {
                    if (setUnit(crew.id, UnitStatus.AVL)) {
                        crew.switchAt = now.plus(minutes(10, 30));
                    }
                } else {
                    patrol(crew, u, step);
                }
            }
        }
    }

    private Patrol nearestRoad(GeoPoint p) {
        Patrol best = roads.get(0);
        double bestD = Double.MAX_VALUE;
        for (Patrol r : roads) {
            double d = r.at(r.project(p)).metresTo(p);
            if (d < bestD) {
                bestD = d;
                best = r;
            }
        }
        return best;
    }

    private void patrol(Crew crew, FieldUnit u, double seconds) {
        if (crew.road == null) {
            return;
        }
        double metres = crew.patrolSpeed * seconds * (0.8 + rng.nextDouble() * 0.4);
        if (!crew.onRoad) {
            GeoPoint target = crew.road.at(crew.along);
            GeoPoint next = Geo.toward(u.at(), target, metres);
            emit(new Event.UnitMoved(crew.id, next, Geo.heading(u.at(), next)));
            crew.onRoad = next.equals(target);
            return;
        }
        double[] moved = crew.road.advance(crew.along, crew.dir, metres);
        crew.along = moved[0];
        crew.dir = (int) moved[1];
        GeoPoint next = crew.road.at(crew.along);
        emit(new Event.UnitMoved(crew.id, next, Geo.heading(u.at(), next)));
    }

    private void ride(Crew crew, FieldUnit u, double seconds) {
        if (crew.target == null) {
            crew.target = u.status() == UnitStatus.RET ? crew.home : null;
            if (crew.target == null) {
                return;
            }
        }
        double metres = crew.rideSpeed * seconds;
        GeoPoint next = Geo.toward(u.at(), crew.target, metres);
        emit(new Event.UnitMoved(crew.id, next, Geo.heading(u.at(), next)));
        if (!next.equals(crew.target)) {
            return;
        }
        if (u.status() == UnitStatus.ENR && crew.job != null) {
            arrived(crew);
        } else if (u.status() == UnitStatus.RET) {
            crew.target = null;
            if (setUnit(crew.id, UnitStatus.AVL)) {
                crew.onRoad = crew.patrols();
                crew.switchAt = now.plus(minutes(2, 10));
            }
        }
    }

    // --- devices -------------------------------------------------------------------------------------

    private int offlineCameras = -1;

    private void cameraFaults() {
        List<Camera> all = scenario.cameras();
        if (offlineCameras < 0 || now.getEpochSecond() % 600 == 0) {
            offlineCameras = 0;
            for (Camera c : local.cameras().values()) {
                if (!c.online()) {
                    offlineCameras++;
                }
            }
        }
        if (chance(config.cameraFaultsPerDay() / 1440)) {
            Camera c = local.cameras().get(all.get(rng.nextInt(all.size())).id());
            if (c != null && c.online() && emit(new Event.CameraStatusChanged(c.id(), false))) {
                offlineCameras++;
            }
        }
        if (offlineCameras > 0 && chance(offlineCameras / (double) config.cameraRepairMean().toMinutes())) {
            for (int tries = 0; tries < 50; tries++) {
                Camera c = local.cameras().get(all.get(rng.nextInt(all.size())).id());
                if (c != null && !c.online()) {
                    if (emit(new Event.CameraStatusChanged(c.id(), true))) {
                        offlineCameras--;
                    }
                    break;
                }
            }
        }
    }

    private void sensorReading(Sensor sensor, ZonedDateTime z) {
        Sensor live = local.sensors().get(sensor.id());
        if (live == null) {
            return;
        }
        double[] st = sensorState.get(sensor.id());
        double hour = z.getHour() + z.getMinute() / 60.0;
        double value;
        switch (sensor.kind()) {
            case WATER_LEVEL: {
                double rain = storm == null ? 0 : storm.rain(now);
                value = Math.max(0, st[0] * rain + rng.nextDouble() * 0.6);
                if (value >= sensor.threshold() && !live.alarm()) {
                    openCase(Catalogue.WATERLOGGING, Incident.Source.SENSOR, IncidentState.REGISTERED, sensor.at(),
                            null, null);
                }
                break;
            }
            case SMOKE:
                if (st[1] <= 0 && chance(0.0002)) {
                    st[1] = 2; // a short spike: cooking smoke or a faulty head
                }
                value = st[1] > 0 ? 9 + rng.nextDouble() * 6 : 0.2 + rng.nextDouble() * 0.4;
                st[1]--;
                break;
            case POWER: {
                double daily = 0.65 + 0.35 * Math.max(0, Math.sin((hour - 6) / 24 * 2 * Math.PI))
                        + (hour >= 18 && hour < 23 ? 0.3 : 0);
                value = 180 * daily * (0.95 + rng.nextDouble() * 0.1);
                if (storm != null && sensor.communityCode() != null
                        && sensor.communityCode().equals(STORM_COMMUNITY)) {
                    value *= storm.powerFraction(now);
                }
                break;
            }
            case MANHOLE_COVER:
                if (st[1] <= 0 && chance(0.05 / 288)) {
                    st[1] = 24; // tilted for about two hours until a crew resets it
                    openCase(Catalogue.MANHOLE, Incident.Source.SENSOR, IncidentState.REGISTERED, sensor.at(), null,
                            null);
                }
                value = st[1] > 0 ? 18 + rng.nextDouble() * 10 : 0.3 + rng.nextDouble() * 0.7;
                st[1]--;
                break;
            default: // GAS
                value = rng.nextDouble() * 2;
                break;
        }
        emit(new Event.SensorReported(sensor.id(), Math.round(value * 10) / 10.0));
    }

    // --- safety and stability -----------------------------------------------------------------------

    private void dispute() {
        Community c = randomCommunity();
        String committee = scenario.committees().stream().filter(m -> m.communityCode().equals(c.code()))
                .map(HeyiScenario.Committee::name).findFirst().orElse(null);
        String id = nextId("JF", local.disputes());
        Dispute.Risk risk = Catalogue.pick(rng, Catalogue.DISPUTE_RISKS);
        Dispute.Level level = Catalogue.pick(rng, Catalogue.DISPUTE_LEVELS);
        if (!emit(new Event.DisputeRegistered(id, Catalogue.pick(rng, Catalogue.DISPUTE_TYPES), level, risk, c.code(),
                committee, null))) {
            return;
        }
        Duration triage = risk == Dispute.Risk.RED ? minutes(10, 30) : risk == Dispute.Risk.ORANGE ? hours(0.5, 4)
                : hours(1, 24);
        later(triage, () -> {
            if (!moveDispute(id, DisputeState.TRIAGED, null)) {
                return;
            }
            Runnable assign = () -> later(hours(1, 8), () -> {
                if (moveDispute(id, DisputeState.ASSIGNED, null)) {
                    later(hours(1, 24), () -> {
                        if (moveDispute(id, DisputeState.MEDIATING, null)) {
                            mediate(id);
                        }
                    });
                }
            });
            if (level == Dispute.Level.DIFFICULT || (risk == Dispute.Risk.RED && chance(0.5))) {
                later(minutes(10, 60), () -> {
                    if (moveDispute(id, DisputeState.WHISTLE, null)) {
                        assign.run();
                    }
                });
            } else {
                assign.run();
            }
        });
    }

    private void mediate(String id) {
        // median 3 days, p90 20 days (§3.1): log-normal, sigma = ln(20/3) / 1.2816
        double days = Math.exp(Math.log(3) + 1.48 * gaussian());
        days = Math.min(60, Math.max(0.1, days));
        later(Duration.ofSeconds((long) (days * 86400)), () -> {
            if (chance(config.disputeAgreedChance())) {
                Dispute.Outcome o = chance(0.6) ? Dispute.Outcome.AGREEMENT_WRITTEN : Dispute.Outcome.AGREEMENT_ORAL;
                if (!moveDispute(id, DisputeState.AGREED, o)) {
                    return;
                }
                boolean confirm = o == Dispute.Outcome.AGREEMENT_WRITTEN && chance(0.15);
                later(Duration.ofDays(1), () -> {
                    if (confirm) {
                        if (moveDispute(id, DisputeState.JUDICIAL_CONFIRMATION, null)) {
                            later(Duration.ofDays(10), () -> {
                                if (moveDispute(id, DisputeState.FULFILLMENT, null)) {
                                    followUp(id);
                                }
                            });
                        }
                    } else if (moveDispute(id, DisputeState.FULFILLMENT, null)) {
                        followUp(id);
                    }
                });
            } else if (moveDispute(id, DisputeState.TERMINATED, null)) {
                later(hours(24, 72), () -> {
                    if (moveDispute(id, DisputeState.REFERRED, Catalogue.pick(rng, Catalogue.REFERRALS))) {
                        followUp(id);
                    }
                });
            }
        });
    }

    private void followUp(String id) {
        later(Duration.ofDays(7), () -> {
            if (moveDispute(id, DisputeState.FOLLOW_UP, null)) {
                later(hours(24, 72), () -> moveDispute(id, DisputeState.ARCHIVED, null));
            }
        });
    }

    private double gaussian() {
        // Box–Muller on the seeded generator
        double u = Math.max(1e-12, rng.nextDouble());
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private boolean moveDispute(String id, DisputeState to, Dispute.Outcome outcome) {
        Dispute d = local.disputes().get(id);
        if (d == null || !d.state().next().contains(to)) {
            return false;
        }
        return emit(new Event.DisputeAdvanced(id, to, outcome));
    }

    private void petition() {
        Community c = randomCommunity();
        String id = nextId("XF", local.petitions());
        int people = chance(config.collectivePetitionChance()) ? 5 + rng.nextInt(16)
                : chance(0.2) ? 2 + rng.nextInt(2) : 1;
        if (!emit(new Event.PetitionRegistered(id, Catalogue.pick(rng, Catalogue.PETITION_FORMS), people,
                Catalogue.any(rng, Catalogue.PETITION_SUBJECTS), c.code()))) {
            return;
        }
        later(hours(24, 240), () -> {
            double r = rng.nextDouble();
            if (r < 0.05) {
                movePetition(id, PetitionState.NOT_ACCEPTED);
            } else if (r < 0.10) {
                movePetition(id, PetitionState.TRANSFERRED);
            } else if (movePetition(id, PetitionState.ACCEPTED)) {
                later(hours(2, 48), () -> {
                    if (movePetition(id, PetitionState.HANDLING)) {
                        later(hours(240, 1300), () -> {
                            if (movePetition(id, PetitionState.REPLIED)) {
                                later(Duration.ofDays(30), () -> movePetition(id, PetitionState.CLOSED));
                            }
                        });
                    }
                });
            }
        });
    }

    private boolean movePetition(String id, PetitionState to) {
        Petition p = local.petitions().get(id);
        if (p == null || !p.state().next().contains(to)) {
            return false;
        }
        return emit(new Event.PetitionAdvanced(id, to));
    }

    private void intel() {
        if (scenario.officers().isEmpty()) {
            return;
        }
        HeyiScenario.Officer officer = Catalogue.any(rng, scenario.officers());
        String category = Catalogue.pick(rng, Catalogue.INTEL_CATEGORIES);
        Community c = communityByCode.get(officer.communityCode());
        emit(new Event.IntelReported(nextId("QB", local.intel()), officer.id(), category,
                Catalogue.pick(rng, Catalogue.INTEL_SEVERITIES), officer.communityCode(),
                (c == null ? "" : c.name()) + category + "信息"));
    }

    private void whistle() {
        Catalogue.WhistleCase w = Catalogue.any(rng, Catalogue.WHISTLES);
        blow(w.kind(), w.reason(), w.departments(), null, hours(2, 6));
    }

    /** 吹哨: each department reports within ~30 min (§3.3), resolved after {@code resolveAfter}. */
    private String blow(Whistle.Kind kind, String reason, List<String> departments, String incidentId,
                        Duration resolveAfter) {
        String id = nextId("CS", local.whistles());
        if (!emit(new Event.WhistleBlown(id, kind, reason, departments, incidentId))) {
            return null;
        }
        for (String d : departments) {
            Duration arrival = chance(0.9) ? minutes(8, 30) : minutes(30, 50);
            later(arrival, () -> {
                Whistle live = local.whistles().get(id);
                if (live != null && live.open() && !live.arrivals().containsKey(d)) {
                    emit(new Event.WhistleArrived(id, d));
                }
            });
        }
        if (resolveAfter != null) {
            later(resolveAfter, () -> resolveWhistle(id));
        }
        return id;
    }

    private void resolveWhistle(String id) {
        Whistle live = local.whistles().get(id);
        if (live != null && live.open()) {
            emit(new Event.WhistleResolved(id));
        }
    }

    // --- the 5月30日 storm ------------------------------------------------------------------------------

    /** The storm script of DOMAIN.md §4.2 on one day, and the outage it causes. */
    private final class Storm {
        final Instant warningsAt;
        final Instant hitsAt;
        final Instant outageAt;
        final double powerFullH;
        final double networkLagH;
        final double surgePerTick;
        String outageId;
        String lineCase;
        String whistleId;
        int buildings;
        int power;
        int network;

        Storm(Instant midnight) {
            warningsAt = midnight.plus(STORM_WARNINGS_AT);
            hitsAt = midnight.plus(STORM_HITS_AT);
            outageAt = hitsAt.plus(Duration.ofMinutes(10));
            powerFullH = 6 + rng.nextDouble() * 2;
            networkLagH = 0.5 + rng.nextDouble() * 1.5;
            // roughly 1 call per 30 households in the first 2 h (§4.2)
            surgePerTick = STORM_OUTAGE_HOUSEHOLDS / 30.0 / 720;
        }

        void schedule(Instant from) {
            String wind = "大风黄色预警";
            String rainWarning = "暴雨蓝色预警";
            if (!warningsAt.isBefore(from)) {
                at(warningsAt, () -> {
                    String g = nextId("YJ", local.warnings());
                    emit(new Event.WarningIssued(g, WeatherWarning.Hazard.GALE, WeatherWarning.Level.YELLOW,
                            "北京市气象台", now.plus(Duration.ofHours(12))));
                    String r = nextId("YJ", local.warnings());
                    emit(new Event.WarningIssued(r, WeatherWarning.Hazard.RAINSTORM, WeatherWarning.Level.BLUE,
                            "北京市气象台", now.plus(Duration.ofHours(12))));
                    at(hitsAt.plus(Duration.ofMinutes(210)), () -> lift(g));
                    at(hitsAt.plus(Duration.ofMinutes(270)), () -> lift(r));
                    log.debug("storm warnings issued: {} {}, {} {}", g, wind, r, rainWarning);
                });
            }
            if (hitsAt.isBefore(from)) {
                return;
            }
            int trees = 10 + rng.nextInt(5);
            List<String> treeCommunities = List.of("110106016001", "110106016002", "110106016003", "110106016006",
                    "110106016007", "110106016008");
            for (int i = 0; i < trees; i++) {
                Duration when = Duration.ofSeconds(rng.nextInt(3600));
                String code = Catalogue.any(rng, treeCommunities);
                double source = rng.nextDouble();
                at(hitsAt.plus(when), () -> fallenTree(code, source));
            }
            at(hitsAt.plus(Duration.ofMinutes(5)), () -> {
                Community c = communityByCode.get(STORM_COMMUNITY);
                GeoPoint at = switchStation().orElse(c == null ? scenario.district().bounds().centre()
                        : c.boundary().centroid());
                lineCase = openCase(Catalogue.LINE_DOWN, Incident.Source.GRID_WORKER, IncidentState.REGISTERED,
                        near(at, 60), null, null);
            });
            at(outageAt, () -> {
                buildings = Math.max(1, scenario.buildings(STORM_COMMUNITY));
                outageId = nextId("TD", local.outages());
                if (!emit(new Event.OutageReported(outageId, STORM_COMMUNITY, "大风致树木倒伏压断10kV架空线,断电断网",
                        buildings, STORM_OUTAGE_HOUSEHOLDS))) {
                    outageId = null;
                }
            });
            at(hitsAt.plus(Duration.ofMinutes(20)), () -> {
                whistleId = blow(Whistle.Kind.EMERGENCY, "东三社区断电断网、树木倒伏压线", STORM_DEPARTMENTS, lineCase,
                        null);
            });
        }

        private java.util.Optional<GeoPoint> switchStation() {
            return scenario.pois().stream().filter(p -> "switch_station".equals(p.kind()))
                    .filter(p -> STORM_COMMUNITY.equals(local.communityAt(p.at()))).map(HeyiScenario.Poi::at)
                    .findFirst();
        }

        private void lift(String warningId) {
            WeatherWarning w = local.warnings().get(warningId);
            if (w != null && !w.lifted()) {
                emit(new Event.WarningLifted(warningId));
            }
        }

        private void fallenTree(String communityCode, double source) {
            Community c = communityByCode.get(communityCode);
            if (c == null) {
                return;
            }
            GeoPoint at = randomPointIn(c);
            if (source < 0.25) {
                // spotted on video in a quiet corner (the source document), confirmed by the operator
                Camera cam = nearestAiCamera(at);
                if (cam != null) {
                    String alertId = nextId("AI", local.alerts());
                    if (emit(new Event.AiAlertRaised(alertId, cam.id(), "树木倒伏", null, 0.9,
                            List.of(new AiAlert.Box(0.2, 0.3, 0.5, 0.4, "树木倒伏"))))) {
                        aiAlertsToday++;
                        later(minutes(1, 4), () -> {
                            String id = openCase(Catalogue.FALLEN_TREE, Incident.Source.AI, IncidentState.REPORTED,
                                    near(cam.at(), 30), alertId, null);
                            if (id != null) {
                                emit(new Event.AiAlertReviewed(alertId, AiAlert.Review.ACCEPTED, id, null));
                            }
                        });
                        return;
                    }
                }
            }
            Incident.Source s = source < 0.55 ? Incident.Source.HOTLINE : Incident.Source.GRID_WORKER;
            openCase(Catalogue.FALLEN_TREE, s, IncidentState.REGISTERED, at, null, null);
        }

        private Camera nearestAiCamera(GeoPoint p) {
            Camera best = null;
            double bestD = Double.MAX_VALUE;
            for (Camera c : aiCameras) {
                Camera live = local.cameras().get(c.id());
                if (live != null && live.online()) {
                    double d = c.at().metresTo(p);
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
            }
            return best;
        }

        boolean active(Instant t) {
            return !t.isBefore(hitsAt) && t.isBefore(hitsAt.plus(Duration.ofHours(6)));
        }

        boolean surge(Instant t) {
            return !t.isBefore(outageAt) && t.isBefore(outageAt.plus(Duration.ofHours(2)));
        }

        /** Rain intensity 0..1: builds from the hit, peaks at +30 min, drains by +3 h. */
        double rain(Instant t) {
            double h = Duration.between(hitsAt, t).getSeconds() / 3600.0;
            if (h < 0 || h > 3) {
                return 0;
            }
            return h < 0.5 ? h / 0.5 : Math.max(0, 1 - (h - 0.5) / 2.5);
        }

        double restored(double hoursSinceOutage, double fullAt) {
            if (hoursSinceOutage < RESTORE_START_H) {
                return 0;
            }
            if (hoursSinceOutage >= fullAt) {
                return 1;
            }
            double f0 = logistic(RESTORE_START_H);
            return Math.min(1, (logistic(hoursSinceOutage) - f0) / (1 - f0));
        }

        private double logistic(double h) {
            return 1 / (1 + Math.exp(-(h - RESTORE_MID_H) / RESTORE_SCALE_H));
        }

        double powerFraction(Instant t) {
            if (outageId == null || t.isBefore(outageAt)) {
                return 1;
            }
            // the monitored switch station feeds the whole community; scale its load by buildings back on
            return 0.05 + 0.95 * (buildings == 0 ? 1 : power / (double) buildings);
        }

        void restore() {
            if (outageId == null || (power == buildings && network == buildings)) {
                return;
            }
            double h = Duration.between(outageAt, now).getSeconds() / 3600.0;
            int p = (int) Math.floor(buildings * restored(h, powerFullH) + 1e-9);
            int n = (int) Math.floor(buildings * restored(h - networkLagH, powerFullH) + 1e-9);
            n = Math.min(n, p);
            if (p != power || n != network) {
                if (emit(new Event.OutageRestored(outageId, p, n))) {
                    power = p;
                    network = n;
                    if (power == buildings && network == buildings && whistleId != null) {
                        resolveWhistle(whistleId);
                    }
                }
            }
        }
    }
}
