package org.shanzhi.cockpit.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.debrief.Debrief;
import org.shanzhi.cockpit.domain.debrief.Debrief.ActionResult;
import org.shanzhi.cockpit.domain.debrief.Debrief.CaseTimes;
import org.shanzhi.cockpit.domain.debrief.Debrief.OutageCurve;
import org.shanzhi.cockpit.domain.debrief.Debrief.StageSpread;
import org.shanzhi.cockpit.domain.debrief.Debrief.UnitTimes;
import org.shanzhi.cockpit.domain.debrief.Plan;
import org.shanzhi.cockpit.domain.debrief.Rating;
import org.shanzhi.cockpit.domain.debrief.Stage;
import org.shanzhi.cockpit.domain.debrief.Words;

/**
 * A debrief as one self-contained HTML page in Chinese: its styles inline, its charts inline SVG, nothing fetched
 * (no script, font or image from elsewhere), so it opens anywhere and prints as it shows.
 */
public final class DebriefHtml {

    /** Cases listed one by one at most; the spreads count them all. */
    static final int MAX_CASES = 60;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(Kpi.BEIJING);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Kpi.BEIJING);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(Kpi.BEIJING);

    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;background:#f4f6f9;color:#1c2430}
            main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;padding-left:10px;border-left:4px solid #1f6feb}
            .meta{color:#5a6675;font-size:14px}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:14px;box-shadow:0 1px 2px #0001}
            th,td{border-bottom:1px solid #e3e7ee;padding:7px 10px;text-align:left;vertical-align:top}
            th{background:#eef2f7;font-weight:600;white-space:nowrap}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .badge{display:inline-block;padding:1px 9px;border-radius:10px;color:#fff;font-size:13px;white-space:nowrap}
            .good{background:#1a7f37}.fair{background:#bf8700}.bad{background:#cf222e}.none{background:#8c959f}
            .late{color:#cf222e;font-weight:600}
            .cards{display:flex;gap:14px;flex-wrap:wrap}.card{background:#fff;padding:12px 18px;box-shadow:0 1px 2px #0001;min-width:150px}
            .card b{display:block;font-size:24px}.card span{color:#5a6675;font-size:13px}
            svg{background:#fff;box-shadow:0 1px 2px #0001;display:block;margin-top:10px}
            svg text{font-size:12px;fill:#1c2430}.note{color:#5a6675;font-size:13px;margin:6px 0}
            """;

    private final StringBuilder h = new StringBuilder();

    private DebriefHtml() {
    }

    /** The page for {@code d}. */
    public static String render(Debrief d) {
        DebriefHtml page = new DebriefHtml();
        page.page(d);
        return page.h.toString();
    }

    private void page(Debrief d) {
        String title = d.plan().name() != null ? "演练复盘报告 · " + d.plan().name() : "复盘报告";
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>").append(STYLE).append("</style></head><body><main>\n");
        h.append("<h1>").append(esc(title)).append("</h1><div class=\"meta\">时段 ").append(DAY_TIME.format(d.from()))
                .append(" 至 ").append(DAY_TIME.format(d.to())).append("（北京时间，").append(Words.duration(
                        Duration.between(d.from(), d.to()))).append("），").append(d.events()).append(" 条记录");
        if (d.plan().drillId() != null) {
            h.append("，演练编号 ").append(esc(d.plan().drillId()));
        }
        h.append("</div>\n");
        ratings(d.ratings());
        actions(d.actions());
        stages(d.stages(), d.cases());
        cases(d.plan(), d.cases());
        units(d.units());
        d.outages().forEach(this::outage);
        calls(d.calls());
        h.append("</main></body></html>\n");
    }

    private void ratings(List<Rating> ratings) {
        if (ratings.isEmpty()) {
            return;
        }
        h.append("<h2>目标评定</h2><table><tr><th>目标</th><th>内容</th><th>指标</th><th>评定</th><th>依据</th></tr>\n");
        for (Rating r : ratings) {
            String css = r.grade() == null ? "none" : switch (r.grade()) {
                case DONE -> "good";
                case MOSTLY_DONE -> "fair";
                case NOT_DONE -> "bad";
            };
            h.append("<tr><td>").append(esc(r.objective().id())).append("</td><td>").append(esc(r.objective().text()))
                    .append("</td><td>").append(esc(r.objective().target())).append("</td><td><span class=\"badge ")
                    .append(css).append("\">").append(r.grade() == null ? "未评定" : r.grade().zh)
                    .append("</span></td><td>").append(esc(r.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void actions(List<ActionResult> actions) {
        if (actions.isEmpty()) {
            return;
        }
        h.append("<h2>预期动作</h2><table><tr><th>注入</th><th>预期动作</th><th>触发</th><th>限时</th><th>实际</th>"
                + "<th>结果</th><th>目标</th></tr>\n");
        for (ActionResult a : actions) {
            String css = switch (a.outcome()) {
                case MET -> "good";
                case LATE -> "fair";
                case MISSED -> "bad";
                case NOT_FIRED -> "none";
            };
            h.append("<tr><td>").append(esc(a.expected().injectTitle())).append("</td><td>").append(esc(Words.what(a)))
                    .append("</td><td class=\"n\">").append(a.expected().from() == null ? "—" : TIME.format(a.expected().from()))
                    .append("</td><td class=\"n\">").append(Words.duration(a.expected().within()))
                    .append("</td><td>").append(esc(Words.outcome(a))).append("</td><td><span class=\"badge ").append(css)
                    .append("\">").append(a.outcome().zh).append("</span></td><td>")
                    .append(esc(a.expected().objective() == null ? "" : a.expected().objective())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * A step's target as said: the script's limits (from the inject, as the script's expected actions measure) for the
     * cases it set one for, the standing target for the others.
     */
    private static String target(StageSpread s) {
        String standing = s.target() == null ? "—" : "≤" + Words.duration(s.target());
        if (s.scripted() == 0) {
            return standing;
        }
        StringBuilder b = new StringBuilder("脚本 ");
        for (int i = 0; i < s.scriptLimits().size(); i++) {
            b.append(i == 0 ? "" : "/").append("≤").append(Words.duration(s.scriptLimits().get(i)));
        }
        b.append("（自注入起）");
        if (s.scripted() < s.spread().n() && s.target() != null) {
            b.append("；其余 ").append(standing);
        }
        return b.toString();
    }

    /** The target a step's p50 / p90 are coloured against: none when the script's limits rule some of its cases. */
    private static Duration plainTarget(StageSpread s) {
        return s.scripted() == 0 ? s.target() : null;
    }

    private void stages(List<StageSpread> stages, List<CaseTimes> cases) {
        h.append("<h2>案件各环节用时（").append(cases.size()).append("件）</h2>");
        h.append("<table><tr><th>环节</th><th>件数</th><th>p50</th><th>p90</th><th>最长</th><th>目标</th><th>达标</th></tr>\n");
        for (StageSpread s : stages) {
            Stage before = Stage.values()[s.stage().ordinal() - 1];
            h.append("<tr><td>").append(before.zh).append("→").append(s.stage().zh).append("</td><td class=\"n\">")
                    .append(s.spread().n()).append("</td><td class=\"n\">").append(over(s.spread().p50(), plainTarget(s)))
                    .append("</td><td class=\"n\">").append(over(s.spread().p90(), plainTarget(s)))
                    .append("</td><td class=\"n\">").append(Words.duration(s.spread().max()))
                    .append("</td><td class=\"n\">").append(esc(target(s)))
                    .append("</td><td class=\"n\">").append(s.target() == null && s.scripted() == 0
                            || s.spread().n() == 0 ? "—" : s.inTarget() + "/" + s.spread().n()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        stageChart(stages);
    }

    /** Horizontal bars: p50 and p90 of each step, its target as a mark, on one scale of minutes. */
    private void stageChart(List<StageSpread> stages) {
        double most = 0;
        for (StageSpread s : stages) {
            most = Math.max(most, Math.max(minutes(s.spread().p90()), minutes(s.target())));
        }
        double max = 4 * step(most);
        int w = 1136;
        int left = 110;
        int plot = w - left - 40;
        int row = 34;
        int hgt = 40 + row * stages.size() + 30;
        svg(w, hgt, "案件各环节用时 p50 与 p90（分钟），竖线为目标");
        h.append(text(left, 22, "start", "各环节用时（分钟）：浅色 p90，深色 p50，红线为目标"));
        for (int i = 0; i < stages.size(); i++) {
            StageSpread s = stages.get(i);
            int y = 36 + i * row;
            Stage before = Stage.values()[s.stage().ordinal() - 1];
            h.append(text(left - 8, y + 16, "end", before.zh + "→" + s.stage().zh));
            h.append(rect(left, y + 2, plot * minutes(s.spread().p90()) / max, 22, "#9ecbff"));
            h.append(rect(left, y + 7, plot * minutes(s.spread().p50()) / max, 12, "#1f6feb"));
            if (s.spread().p90() != null) {
                double end = left + plot * minutes(s.spread().p90()) / max;
                String label = Words.duration(s.spread().p50()) + " / " + Words.duration(s.spread().p90());
                // past the middle the label goes inside the bar's end, so that it never leaves the chart
                h.append(end > left + plot / 2.0 ? text(end - 6, y + 17, "end", label).replace("<text ", "<text style=\"fill:#fff\" ")
                        : text(end + 6, y + 17, "start", label));
            }
            if (s.target() != null) {
                double x = left + plot * minutes(s.target()) / max;
                h.append(line(x, y, x, y + 26, "#cf222e", 2));
            }
        }
        int axis = 36 + row * stages.size() + 4;
        h.append(line(left, axis, left + plot, axis, "#8c959f", 1));
        for (int k = 0; k <= 4; k++) {
            double x = left + plot * k / 4.0;
            h.append(text(x, axis + 16, "middle", fmt(max * k / 4)));
        }
        h.append("</svg>\n");
    }

    /**
     * Where a case came from, in words: the inject that made it (a drill's case is named after its inject, not by its
     * id in the journal), else its case number.
     */
    private static String origin(Plan plan, CaseTimes c) {
        for (Plan.Expectation x : plan.expectations()) {
            if (c.id().equals(x.subject())) {
                return "注入：" + x.injectTitle();
            }
        }
        return plan.drillId() != null && c.id().startsWith(plan.drillId() + ":") ? "演练注入" : c.id();
    }

    private void cases(Plan plan, List<CaseTimes> cases) {
        if (cases.isEmpty()) {
            return;
        }
        h.append("<h2>案件明细</h2><table><tr><th>案件</th><th>等级</th><th>单兵</th>");
        for (Stage s : Stage.values()) {
            h.append("<th>").append(s.zh).append("</th>");
        }
        h.append("</tr>\n");
        for (CaseTimes c : cases.subList(0, Math.min(MAX_CASES, cases.size()))) {
            h.append("<tr><td>").append(esc(c.title())).append("<div class=\"meta\">").append(esc(origin(plan, c)))
                    .append("</div></td><td>").append(severity(c.severity())).append("</td><td>").append(esc(c.units()))
                    .append("</td>");
            for (Stage s : Stage.values()) {
                Instant t = c.at().get(s);
                h.append("<td class=\"n\">").append(t == null ? "—" : TIME.format(t));
                Duration d = c.interval(s);
                if (d != null) {
                    h.append("<div class=\"meta\">+").append(Words.duration(d)).append("</div>");
                } else if (s == Stage.CONFIRMED && c.confirmedAhead()) {
                    h.append("<div class=\"meta\">已先行处置</div>"); // came registered: no one's 确认 to time
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (cases.size() > MAX_CASES) {
            h.append("<p class=\"note\">另有 ").append(cases.size() - MAX_CASES).append(" 件未逐件列出，已计入上表。</p>\n");
        }
    }

    private void units(List<UnitTimes> units) {
        if (units.isEmpty()) {
            return;
        }
        h.append("<h2>单兵响应</h2><table><tr><th>单兵</th><th>指令</th><th>拒收</th><th>派单→签收 p50 / p90</th>"
                + "<th>签收→到场 p50 / p90</th><th>到场→反馈 p50 / p90</th></tr>\n");
        for (UnitTimes u : units) {
            h.append("<tr><td>").append(esc(u.name())).append("<div class=\"meta\">").append(esc(u.unitId()))
                    .append("</div></td><td class=\"n\">").append(u.orders()).append("</td><td class=\"n\">")
                    .append(u.declined()).append("</td><td class=\"n\">").append(pair(u.accept()))
                    .append("</td><td class=\"n\">").append(pair(u.arrive())).append("</td><td class=\"n\">")
                    .append(pair(u.work())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The restoration curve: steps of % buildings with power and with network over hours since the outage. */
    private void outage(OutageCurve o) {
        h.append("<h2>停电恢复：").append(esc(o.community())).append("</h2>");
        h.append("<div class=\"cards\">").append(card(o.buildings() + "栋", "受影响楼栋（" + o.households() + "户）"))
                .append(card(Words.duration(o.powerTo(70)), "恢复供电至70%"))
                .append(card(Words.duration(o.powerTo(100)), "全部恢复供电"))
                .append(card(Words.duration(o.whole()), "供电供网全部恢复")).append("</div>\n");
        List<OutageCurve.Point> ps = o.points();
        double hours = Math.max(1, hours(Duration.between(o.start(), ps.get(ps.size() - 1).at())));
        int w = 1136;
        int hgt = 300;
        int left = 60;
        int top = 30;
        int plotW = w - left - 30;
        int plotH = hgt - top - 50;
        svg(w, hgt, "停电恢复曲线：供电与通信恢复楼栋占比随时间变化");
        h.append(text(left, 20, "start", "恢复楼栋占比（%）——蓝：供电　橙：通信　横轴：停电后小时"));
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = top + plotH * (1 - pct / 100.0);
            h.append(line(left, y, left + plotW, y, pct == 0 ? "#8c959f" : "#e3e7ee", 1));
            h.append(text(left - 6, y + 4, "end", pct + "%"));
        }
        double y70 = top + plotH * 0.3;
        h.append(line(left, y70, left + plotW, y70, "#cf222e", 1).replace("/>", " stroke-dasharray=\"6 4\"/>"));
        h.append(text(left + plotW, y70 - 4, "end", "70%"));
        for (int k = 0; k <= Math.ceil(hours); k++) {
            double x = left + plotW * k / Math.ceil(hours);
            h.append(text(x, top + plotH + 18, "middle", k + "h"));
        }
        double scale = plotW / Math.ceil(hours);
        h.append(steps(ps, o.start(), left, top, plotH, scale, true, "#1f6feb"));
        h.append(steps(ps, o.start(), left, top, plotH, scale, false, "#e8710a"));
        h.append("</svg>\n<table><tr><th>时间</th><th>停电后</th><th>供电恢复</th><th>通信恢复</th></tr>\n");
        for (OutageCurve.Point p : ps) {
            h.append("<tr><td class=\"n\">").append(TIME.format(p.at())).append("</td><td class=\"n\">")
                    .append(Words.duration(Duration.between(o.start(), p.at()))).append("</td><td class=\"n\">")
                    .append(p.power()).append("栋 · ").append(fmt(p.powerPct())).append("%</td><td class=\"n\">")
                    .append(p.network()).append("栋 · ").append(fmt(p.networkPct())).append("%</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String steps(List<OutageCurve.Point> ps, Instant start, int left, int top, int plotH, double scale,
                                boolean power, String colour) {
        StringBuilder d = new StringBuilder();
        double lastY = top + plotH;
        d.append("M").append(fmt(left)).append(' ').append(fmt(lastY));
        for (OutageCurve.Point p : ps) {
            double x = left + scale * hours(Duration.between(start, p.at()));
            double y = top + plotH * (1 - (power ? p.powerPct() : p.networkPct()) / 100);
            d.append(" L").append(fmt(x)).append(' ').append(fmt(lastY)).append(" L").append(fmt(x)).append(' ')
                    .append(fmt(y));
            lastY = y;
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\"/>";
    }

    /** 12345: orders received and handled per ten minutes (bars), and the backlog at the end of each (line). */
    private void calls(Debrief.Calls c) {
        h.append("<h2>12345诉求受理</h2>");
        if (c.received() == 0) {
            h.append("<p class=\"note\">时段内没有12345诉求。</p>\n");
            return;
        }
        h.append("<div class=\"cards\">").append(card(c.received() + "件", "收到诉求"))
                .append(card(c.handled() + "件", "已受理（派单或直接答复）"))
                .append(card(Words.duration(c.waits().p50()) + " / " + Words.duration(c.waits().p90()), "等待受理 p50 / p90"))
                .append(card(c.peakBacklog() + "件", "积压峰值（每10分钟末）"))
                .append(card(c.absorbedAt() == null ? "未消化完" : TIME.format(c.absorbedAt()), "全部受理于"))
                .append("</div>\n");
        List<Debrief.Calls.Bin> bins = c.bins();
        int peak = 1;
        for (Debrief.Calls.Bin b : bins) {
            peak = Math.max(peak, Math.max(b.backlog(), Math.max(b.received(), b.handled())));
        }
        double most = 4 * step(peak);
        int w = 1136;
        int hgt = 300;
        int left = 50;
        int top = 30;
        int plotW = w - left - 30;
        int plotH = hgt - top - 50;
        double slot = (double) plotW / bins.size();
        svg(w, hgt, "12345诉求每10分钟收到与受理件数及积压");
        h.append(text(left, 20, "start", "每10分钟（件）——灰：收到　绿：受理　红线：积压"));
        for (int k = 0; k <= 4; k++) {
            double y = top + plotH * (1 - k / 4.0);
            h.append(line(left, y, left + plotW, y, k == 0 ? "#8c959f" : "#e3e7ee", 1));
            h.append(text(left - 6, y + 4, "end", fmt(most * k / 4)));
        }
        StringBuilder backlog = new StringBuilder();
        int labelEvery = Math.max(1, bins.size() / 12);
        for (int i = 0; i < bins.size(); i++) {
            Debrief.Calls.Bin b = bins.get(i);
            double x = left + slot * i;
            double bw = Math.max(1, slot * 0.38);
            h.append(rect(x + slot * 0.1, top + plotH * (1 - (double) b.received() / most), bw,
                    plotH * (double) b.received() / most, "#8c959f"));
            h.append(rect(x + slot * 0.1 + bw, top + plotH * (1 - (double) b.handled() / most), bw,
                    plotH * (double) b.handled() / most, "#1a7f37"));
            backlog.append(i == 0 ? "M" : " L").append(fmt(x + slot / 2)).append(' ')
                    .append(fmt(top + plotH * (1 - (double) b.backlog() / most)));
            if (i % labelEvery == 0) {
                h.append(text(x + slot / 2, top + plotH + 18, "middle", CLOCK.format(b.from())));
            }
        }
        h.append("<path d=\"").append(backlog).append("\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\"/>");
        h.append("</svg>\n");
    }

    // --- small pieces --------------------------------------------------------------------------------------

    private void svg(int w, int hgt, String label) {
        h.append("<svg role=\"img\" aria-label=\"").append(esc(label)).append("\" viewBox=\"0 0 ").append(w)
                .append(' ').append(hgt).append("\" style=\"width:100%;height:auto\">");
    }

    /** A round step for a scale of four: 1, 2, 5, 10, 15, 30, 60, 120 … at least a quarter of {@code most}. */
    static double step(double most) {
        double step = 1;
        for (double s : new double[] {1, 2, 5, 10, 15, 30, 60}) {
            step = s;
            if (4 * s >= most) {
                return s;
            }
        }
        while (4 * step < most) {
            step *= 2;
        }
        return step;
    }

    private static String card(String figure, String caption) {
        return "<div class=\"card\"><b>" + esc(figure) + "</b><span>" + esc(caption) + "</span></div>";
    }

    private static String over(Duration d, Duration target) {
        String s = Words.duration(d);
        return d != null && target != null && d.compareTo(target) > 0 ? "<span class=\"late\">" + s + "</span>" : s;
    }

    private static String pair(org.shanzhi.cockpit.domain.debrief.Spread s) {
        return s.n() == 0 ? "—" : Words.duration(s.p50()) + " / " + Words.duration(s.p90());
    }

    private static String severity(Incident.Severity s) {
        return switch (s) {
            case CRITICAL -> "特急";
            case HIGH -> "紧急";
            case MEDIUM -> "较急";
            case LOW -> "一般";
        };
    }

    private static String rect(double x, double y, double w, double hgt, String fill) {
        return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(w) + "\" height=\"" + fmt(hgt)
                + "\" fill=\"" + fill + "\"/>";
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + stroke + "\" stroke-width=\"" + fmt(width) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String s) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" + esc(s) + "</text>";
    }

    private static double minutes(Duration d) {
        return d == null ? 0 : d.toMillis() / 60_000.0;
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
