package org.shanzhi.cockpit.hub.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.FieldUnit.Role;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.TimeLimit;
import org.shanzhi.cockpit.domain.Whistle;

/**
 * The weighted tables the simulator draws from. Shares and limits are DOMAIN.md estimates [E]
 * unless a comment names a source; the AI vendor codes are the Dahua DPSDK examples [S46].
 */
final class Catalogue {

    private Catalogue() {
    }

    /** A weighted choice. */
    record Weighted<T>(T value, double weight) {
    }

    static <T> T pick(SplittableRandom rng, List<Weighted<T>> table) {
        double total = 0;
        for (Weighted<T> w : table) {
            total += w.weight();
        }
        double x = rng.nextDouble() * total;
        for (Weighted<T> w : table) {
            x -= w.weight();
            if (x < 0) {
                return w.value();
            }
        }
        return table.get(table.size() - 1).value();
    }

    static <T> T any(SplittableRandom rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    static <T> Weighted<T> w(T value, double weight) {
        return new Weighted<>(value, weight);
    }

    /** The share of a day's volume that falls in local hour {@code hour}, from relative hourly weights. */
    static double share(double[] hourly, int hour) {
        double total = 0;
        for (double h : hourly) {
            total += h;
        }
        return hourly[hour] / total;
    }

    // --- 12345 (DOMAIN.md §2.4–2.5) ------------------------------------------------------------------

    record ComplaintCategory(String name, List<String> summaries) {
    }

    /** The proposed street-level mix for 和义 (§2.5); 供暖 carries its annual average, see {@link #heatingShare}. */
    static final List<Weighted<ComplaintCategory>> COMPLAINT_MIX = List.of(
            w(new ComplaintCategory("物业管理", List.of("物业不作为,楼道保洁不到位", "门禁损坏无人维修", "物业收费有异议",
                    "小区垃圾清运不及时")), 20),
            w(new ComplaintCategory("房屋修缮", List.of("顶楼漏水", "外墙皮脱落", "楼道灯不亮", "电梯故障停运")), 13),
            w(new ComplaintCategory("供暖", List.of("暖气不热", "暖气漏水")), 6),
            w(new ComplaintCategory("环境卫生", List.of("垃圾桶满溢", "垃圾分类驿站异味", "绿地内暴露垃圾")), 9),
            w(new ComplaintCategory("停车与交通秩序", List.of("机动车乱停占用消防通道", "非机动车乱停放", "僵尸车长期占位")), 9),
            w(new ComplaintCategory("噪声扰民", List.of("夜间施工噪音", "广场舞音响过大", "商户外放音乐", "邻居装修噪音")), 7),
            w(new ComplaintCategory("违建与市容", List.of("楼下私搭乱建", "商户占道经营", "游商聚集")), 7),
            w(new ComplaintCategory("市政设施", List.of("路灯不亮", "井盖松动", "路面坑洼", "雨后积水")), 6),
            w(new ComplaintCategory("水电气", List.of("停水无通知", "水压低", "燃气表故障")), 5),
            w(new ComplaintCategory("园林绿化", List.of("树木遮挡采光需修剪", "树枝断裂悬挂", "绿地缺乏养护")), 4),
            w(new ComplaintCategory("邻里纠纷", List.of("楼上漏水至楼下", "公共空间被占用")), 4),
            w(new ComplaintCategory("民政养老社保", List.of("咨询养老助餐", "咨询社保办理")), 4),
            w(new ComplaintCategory("其他", List.of("其他诉求")), 6));

    /** Share of 供暖 in orders by month (index 1–12): Nov ≈25 %, none outside the season [E]. */
    static double heatingShare(int month) {
        switch (month) {
            case 11: return 25;
            case 12: return 15;
            case 1: return 12;
            case 2: return 8;
            case 3: return 4;
            default: return 0.3;
        }
    }

    /** Monthly multiplier on the baseline (§2.4 seasonality). */
    static double seasonal(int month) {
        switch (month) {
            case 1: return 1.1;
            case 2: return 0.8;
            case 7: case 8: return 1.3;
            case 11: return 1.35;
            case 12: return 1.15;
            default: return 1.0;
        }
    }

    /**
     * Relative intake per local hour: 70 % between 08 and 20 h, peaks 09–11 and 14–16 (§2.4).
     * Index 0 is 00:00–01:00.
     */
    static final double[] COMPLAINT_HOURS = {
            1.5, 1.0, 0.8, 0.8, 1.0, 1.5, 2.8, 5.0,
            5.0, 8.5, 8.5, 6.5, 5.0, 5.5, 8.0, 8.0, 6.5, 5.0, 4.5, 4.0,
            6.0, 5.5, 4.0, 2.2};

    static final List<Weighted<Complaint.Type>> COMPLAINT_TYPES = List.of(
            w(Complaint.Type.COMPLAINT, 45), w(Complaint.Type.HELP, 25), w(Complaint.Type.CONSULT, 12),
            w(Complaint.Type.REPORT, 10), w(Complaint.Type.SUGGESTION, 6), w(Complaint.Type.PRAISE, 2));

    static final List<Weighted<Complaint.Priority>> COMPLAINT_PRIORITIES = List.of(
            w(Complaint.Priority.URGENT, 5), w(Complaint.Priority.TIMELY, 20), w(Complaint.Priority.NORMAL, 70),
            w(Complaint.Priority.COMPLEX, 5));

    /** Phone 90.7 % / web 9.3 % city-wide in 2020 [S24]; the web part split with the mini-program [E]. */
    static final List<Weighted<Complaint.Channel>> COMPLAINT_CHANNELS = List.of(
            w(Complaint.Channel.PHONE, 90.7), w(Complaint.Channel.WEB, 5.3), w(Complaint.Channel.MINI_PROGRAM, 4));

    // --- cases (数字城管) -------------------------------------------------------------------------------

    /**
     * A kind of case: who handles it, how long the work takes, its 处置时限: in 工作时 / 工作日 (DOMAIN.md §1.2's
     * table where it names the kind), in natural time for 紧急 / 突发 work (HIGH and CRITICAL).
     */
    record CaseKind(String category, String title, Incident.Severity severity, List<Role> roles, TimeLimit limit,
                    int workMinMinutes, int workMaxMinutes) {
    }

    static CaseKind kind(String category, String title, Incident.Severity severity, TimeLimit limit, int workMin,
                         int workMax, Role... roles) {
        return new CaseKind(category, title, severity, List.of(roles), limit, workMin, workMax);
    }

    /** An AI alert category with its vendor code (null where no sourced code exists) and the case it becomes. */
    record AiKind(String kind, String vendorCode, CaseKind becomes) {
    }

    static final CaseKind STALL = kind("占道经营", "占道经营", Incident.Severity.LOW, TimeLimit.workingHours(4), 10, 30,
            Role.ENFORCEMENT, Role.GRID_WORKER);
    static final CaseKind GARBAGE = kind("暴露垃圾", "暴露垃圾", Incident.Severity.LOW, TimeLimit.workingHours(4), 15, 45,
            Role.PROPERTY, Role.GRID_WORKER);

    /** §4.3 categories; weights [E]. */
    static final List<Weighted<AiKind>> AI_KINDS = List.of(
            w(new AiKind("暴露垃圾", "890", GARBAGE), 16),
            w(new AiKind("垃圾满溢", "895", kind("垃圾满溢", "垃圾桶满溢", Incident.Severity.LOW, TimeLimit.workingHours(4),
                    10, 30, Role.PROPERTY, Role.GRID_WORKER)), 12),
            w(new AiKind("垃圾违章倾倒", "883", GARBAGE), 5),
            w(new AiKind("商铺占道经营", "882", STALL), 12),
            w(new AiKind("游摊小贩", "887", kind("游商", "游摊小贩", Incident.Severity.LOW, TimeLimit.workingHours(2), 10, 20,
                    Role.ENFORCEMENT)), 9),
            w(new AiKind("机动车违停", "893", kind("机动车违停", "机动车违停占用消防通道", Incident.Severity.MEDIUM,
                    TimeLimit.workingHours(2), 10, 30, Role.ENFORCEMENT, Role.POLICE)), 10),
            w(new AiKind("非机动车乱停放", "894", kind("非机动车乱停放", "非机动车乱停放", Incident.Severity.LOW,
                    TimeLimit.workingHours(4), 10, 30, Role.GRID_WORKER, Role.PROPERTY)), 12),
            w(new AiKind("乱堆物料", null, kind("乱堆乱放", "乱堆物料", Incident.Severity.LOW, TimeLimit.workingHours(4),
                    15, 40, Role.PROPERTY, Role.GRID_WORKER)), 6),
            w(new AiKind("沿街晾晒", null, kind("沿街晾晒", "沿街晾晒", Incident.Severity.LOW, TimeLimit.workingHours(4),
                    5, 15, Role.GRID_WORKER)), 4),
            w(new AiKind("拉横幅", "871", kind("违规广告", "违规悬挂横幅", Incident.Severity.MEDIUM, TimeLimit.workingHours(2),
                    10, 20, Role.ENFORCEMENT)), 3),
            w(new AiKind("人群密度", "856", kind("人员聚集", "人员聚集", Incident.Severity.HIGH, TimeLimit.hours(1),
                    20, 60, Role.POLICE, Role.GRID_WORKER)), 3),
            w(new AiKind("火警", "881", kind("火情", "烟火报警", Incident.Severity.HIGH, TimeLimit.hours(1),
                    15, 45, Role.POLICE, Role.PROPERTY)), 2),
            w(new AiKind("道路积水", null, kind("道路积水", "道路积水", Incident.Severity.MEDIUM, TimeLimit.workingHours(4),
                    30, 90, Role.UTILITY, Role.GRID_WORKER)), 1),
            w(new AiKind("井盖异常", null, kind("井盖缺失破损", "井盖异常", Incident.Severity.MEDIUM, TimeLimit.workingHours(2),
                    20, 60, Role.UTILITY, Role.GRID_WORKER)), 2));

    /** Relative AI alert intensity per local hour: daytime street activity, an evening stall peak [E]. */
    static final double[] AI_HOURS = {
            0.3, 0.2, 0.2, 0.2, 0.2, 0.4, 1.0, 2.0,
            3.0, 3.5, 3.5, 3.0, 3.0, 3.0, 3.0, 3.0, 3.5, 4.0, 4.5, 4.5,
            4.0, 3.0, 1.5, 0.6};

    /** Grid-worker patrol findings (§4.2), per month in an ordinary month [E]. */
    static final List<Weighted<CaseKind>> PATROL_FINDINGS = List.of(
            w(kind("火灾隐患", "楼道堆物/飞线充电", Incident.Severity.MEDIUM, TimeLimit.workingDays(1), 15, 45,
                    Role.GRID_WORKER, Role.PROPERTY), 20),
            w(STALL, 12),
            w(kind("排水设施堵塞", "雨水箅子堵塞", Incident.Severity.LOW, TimeLimit.workingDays(1), 30, 90,
                    Role.UTILITY, Role.PROPERTY), 2),
            w(kind("井盖缺失破损", "井盖破损", Incident.Severity.MEDIUM, TimeLimit.workingHours(2), 20, 60,
                    Role.UTILITY, Role.GRID_WORKER), 1.5),
            w(kind("违法建设", "私搭乱建", Incident.Severity.MEDIUM, TimeLimit.workingDays(7), 30, 90,
                    Role.ENFORCEMENT), 2.5),
            w(kind("树木倒伏", "断枝悬挂", Incident.Severity.MEDIUM, TimeLimit.workingHours(4), 30, 90,
                    Role.LANDSCAPING, Role.PROPERTY), 1));

    static final CaseKind FALLEN_TREE = kind("树木倒伏", "大风致树木倒伏", Incident.Severity.HIGH, TimeLimit.hours(4),
            60, 180, Role.LANDSCAPING, Role.PROPERTY, Role.ENFORCEMENT);
    /**
     * Its limit covers the repair that brings power and network back: all buildings' power by 6–8 h (§4.2's
     * restoration curve), each building's network up to 2 h behind it, so 10 h.
     */
    static final CaseKind LINE_DOWN = kind("架空线缆脱落", "树木压断10kV架空线", Incident.Severity.CRITICAL,
            TimeLimit.hours(10), 240, 360, Role.UTILITY);
    static final CaseKind WATERLOGGING = kind("道路积水", "积水监测报警", Incident.Severity.MEDIUM, TimeLimit.workingHours(4),
            40, 120, Role.UTILITY, Role.GRID_WORKER);
    static final CaseKind MANHOLE = kind("井盖缺失破损", "井盖倾斜报警", Incident.Severity.MEDIUM, TimeLimit.workingHours(2),
            20, 60, Role.UTILITY, Role.GRID_WORKER);

    /** What an alert of the storm's fallen trees is called on video. */
    static final String TREE_ON_VIDEO = "树木倒伏";

    /**
     * The kind of a case found in the situation (a restarted simulator carries it on), by its category
     * and title; a case of a kind not in these tables is handled like a grid worker's finding.
     */
    static CaseKind caseKind(String category, String title) {
        List<CaseKind> all = new ArrayList<>();
        AI_KINDS.forEach(k -> all.add(k.value().becomes()));
        PATROL_FINDINGS.forEach(k -> all.add(k.value()));
        all.addAll(List.of(FALLEN_TREE, LINE_DOWN, WATERLOGGING, MANHOLE));
        for (CaseKind k : all) {
            if (k.category().equals(category) && k.title().equals(title)) {
                return k;
            }
        }
        return kind(category, title, Incident.Severity.MEDIUM, TimeLimit.workingHours(4), 20, 60, Role.GRID_WORKER,
                Role.ENFORCEMENT);
    }

    /** The AI category of an alert found in the situation, or null when it is not one of {@link #AI_KINDS}. */
    static AiKind aiKind(String kind) {
        for (Weighted<AiKind> k : AI_KINDS) {
            if (k.value().kind().equals(kind)) {
                return k.value();
            }
        }
        return null;
    }

    // --- field units (DOMAIN.md §5) ----------------------------------------------------------------

    /** A unit's working day: its shift in minutes of the local day, and its speeds on foot/bike (m/s). */
    record Shift(int start, int end, double patrolSpeed, double rideSpeed) {

        boolean patrols() {
            return patrolSpeed > 0;
        }

        boolean on(int minuteOfDay) {
            return minuteOfDay >= start && minuteOfDay < end;
        }
    }

    /** The shift of a role, with the unit's own {@code jitter} (0–20 min) on the day shifts [E]. */
    static Shift shift(Role role, int jitter) {
        return switch (role) {
            case GRID_WORKER -> new Shift(8 * 60 + jitter, 18 * 60 + jitter, 1.2, 3.5);
            case ENFORCEMENT -> new Shift(7 * 60 + 30 + jitter, 21 * 60 + 30 + jitter, 3.5, 4.5);
            case POLICE -> new Shift(0, 24 * 60, 5, 8);
            case PROPERTY -> new Shift(8 * 60 + jitter, 20 * 60 + jitter, 1.2, 3);
            case LANDSCAPING, UTILITY -> new Shift(0, 24 * 60, 0, 7); // on call round the clock, no patrol
        };
    }

    // --- orders (指令) ------------------------------------------------------------------------------------

    /** What the center asks, and what the unit reports back, by the case's category [E]. */
    private record Words(String task, String result) {
    }

    private static final Map<String, Words> ORDER_WORDS = Map.ofEntries(
            Map.entry("占道经营", new Words("前往劝离占道经营商户，恢复通行", "已劝导商户退回店内经营，道路恢复通行")),
            Map.entry("游商", new Words("前往劝离游商", "游商已劝离，现场无复摆")),
            Map.entry("暴露垃圾", new Words("前往核实暴露垃圾并联系清运", "垃圾已清运，现场已清扫")),
            Map.entry("垃圾满溢", new Words("前往核实垃圾桶满溢并督促清运", "已督促物业清运，桶位已清理")),
            Map.entry("机动车违停", new Words("前往处置违停车辆，保障消防通道畅通", "已联系车主挪车，消防通道畅通")),
            Map.entry("非机动车乱停放", new Words("前往规整乱停放非机动车", "非机动车已规整摆放")),
            Map.entry("乱堆乱放", new Words("前往督促清理乱堆物料", "物料已清理，现场恢复整洁")),
            Map.entry("沿街晾晒", new Words("前往劝导沿街晾晒住户", "已劝导住户收回晾晒物品")),
            Map.entry("违规广告", new Words("前往拆除违规横幅", "横幅已拆除")),
            Map.entry("人员聚集", new Words("前往现场疏导聚集人员，注意安全", "人员已疏散，现场秩序正常")),
            Map.entry("火情", new Words("立即前往核实烟火报警，必要时报119", "现场为居民烧纸冒烟，已扑灭并劝导，无人员伤亡")),
            Map.entry("道路积水", new Words("前往处置道路积水，设置警示", "已疏通雨水口，积水消退，警示已撤除")),
            Map.entry("井盖缺失破损", new Words("前往设置围挡并更换井盖", "井盖已更换，围挡已撤除")),
            Map.entry("火灾隐患", new Words("前往清理楼道堆物、排查飞线充电", "楼道堆物已清理，飞线已拆除并告知住户")),
            Map.entry("排水设施堵塞", new Words("前往清掏堵塞雨水箅子", "雨水箅子已清掏，排水通畅")),
            Map.entry("违法建设", new Words("前往核查私搭乱建，固定证据", "已拍照取证并下达限期拆除通知")),
            Map.entry("树木倒伏", new Words("前往清理倒伏树木，保障通行", "倒伏树木已锯断清运，道路恢复通行")),
            Map.entry("架空线缆脱落", new Words("立即前往抢修脱落线缆，设置警戒", "线缆已抢修恢复，警戒已撤除")));

    /** The task an order of the simulated center gives for a case of this category and title. */
    static String orderTask(String category, String title) {
        Words w = ORDER_WORDS.get(category);
        return w != null ? w.task() : "前往处置：" + title;
    }

    /** What a simulated unit reports when its work on such a case is done. */
    static String orderResult(String category, String title) {
        Words w = ORDER_WORDS.get(category);
        return w != null ? w.result() : "已到场处置完毕：" + title;
    }

    /** Why a unit declines an order, as units say it [E]. */
    static final List<Weighted<String>> DECLINE_REASONS = List.of(
            w("正在处理另一起现场事务", 30), w("距离较远，附近有其他队员", 25), w("电动车没电，无法及时赶到", 15),
            w("不属于本岗位职责范围", 15), w("身体不适", 8), w("正在交接班", 7));

    // --- disputes and petitions (§3) -----------------------------------------------------------------

    /** The suggested mix for an urban residential street (§3.1). */
    static final List<Weighted<String>> DISPUTE_TYPES = List.of(
            w("邻里纠纷", 22), w("物业纠纷", 18), w("婚姻家庭纠纷", 14), w("损害赔偿纠纷", 12),
            w("房屋租赁买卖纠纷", 10), w("劳动欠薪纠纷", 8), w("消费纠纷", 6), w("其他纠纷", 10));

    /**
     * Where the disputes registered directly come from (§3.1: 来访, 网格排查, 110转, and the court's 诉前调解) [E]; the
     * screened ones (12345 orders, intel, 信访) are {@link Disputes#screen}'s.
     */
    static final List<Weighted<Dispute.Source>> DISPUTE_SOURCES = List.of(
            w(Dispute.Source.VISIT, 50), w(Dispute.Source.GRID, 25), w(Dispute.Source.POLICE, 15),
            w(Dispute.Source.COURT, 10));

    static final List<Weighted<Dispute.Level>> DISPUTE_LEVELS = List.of(
            w(Dispute.Level.SIMPLE, 70), w(Dispute.Level.COMPLEX, 25), w(Dispute.Level.DIFFICULT, 5));

    static final List<Weighted<Dispute.Risk>> DISPUTE_RISKS = List.of(
            w(Dispute.Risk.YELLOW, 75), w(Dispute.Risk.ORANGE, 20), w(Dispute.Risk.RED, 5));

    static final List<Weighted<Dispute.Outcome>> REFERRALS = List.of(
            w(Dispute.Outcome.TO_LITIGATION, 50), w(Dispute.Outcome.TO_ARBITRATION, 20),
            w(Dispute.Outcome.TO_ADMINISTRATION, 20), w(Dispute.Outcome.TO_PETITION, 10));

    static final List<Weighted<Petition.Form>> PETITION_FORMS = List.of(
            w(Petition.Form.VISIT, 40), w(Petition.Form.ONLINE, 35), w(Petition.Form.LETTER, 15),
            w(Petition.Form.PHONE, 10));

    static final List<String> PETITION_SUBJECTS = List.of("物业服务与收费", "老旧小区改造", "拆迁腾退补偿", "供暖质量",
            "环境整治", "邻里矛盾久拖未决", "城中村改造安置");

    // --- intel and whistles ---------------------------------------------------------------------------

    static final List<Weighted<String>> INTEL_CATEGORIES = List.of(
            w("矛盾纠纷苗头", 30), w("治安隐患", 20), w("消防安全隐患", 15), w("群体性事件苗头", 5),
            w("重点人员动态", 10), w("网络舆情", 10), w("公共安全隐患", 10));

    static final List<Weighted<Incident.Severity>> INTEL_SEVERITIES = List.of(
            w(Incident.Severity.LOW, 80), w(Incident.Severity.MEDIUM, 17), w(Incident.Severity.HIGH, 3));

    record WhistleCase(String reason, List<String> departments, Whistle.Kind kind) {
    }

    /** The three cases of §3.3 where a street blows the whistle. */
    static final List<WhistleCase> WHISTLES = List.of(
            new WhistleCase("违法建设拆除需执法力量", List.of("区城管执法局", "规自分局", "和义派出所"), Whistle.Kind.ENFORCEMENT),
            new WhistleCase("背街小巷环境整治", List.of("区城管委", "环卫中心"), Whistle.Kind.ENFORCEMENT),
            new WhistleCase("老旧小区加装电梯协调", List.of("区住建委", "产权单位", "物业"), Whistle.Kind.DEMAND),
            new WhistleCase("小区停车难综合治理", List.of("交通支队", "区城管委", "物业"), Whistle.Kind.DEMAND),
            new WhistleCase("供水管道破裂", List.of("自来水公司", "排水集团", "物业"), Whistle.Kind.EMERGENCY));
}
