package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.shanzhi.cockpit.domain.Deadlines;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Ratio;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.kpi.FigureTable;
import org.shanzhi.cockpit.wall.kpi.GaugeKpi;
import org.shanzhi.cockpit.wall.kpi.NumberKpi;
import org.shanzhi.cockpit.wall.kpi.StatusList;

/**
 * 安全稳定: disputes in mediation (and today's intel reports under them), mediation success, 信访 受理率, 办结率 and
 * visitors against a year before, 信访 deadlines, 吹哨, key periods and 零发生.
 */
public final class SafetyPanel extends CockpitPanel {

    final GaugeKpi mediation = new GaugeKpi(I18n.t("cockpit.safety.mediation", CockpitFigures.RATE_DAYS));
    final FigureTable petitionFigures = new FigureTable(I18n.t("cockpit.safety.petitionFigures",
            CockpitFigures.RATE_DAYS));
    final NumberKpi whistles = new NumberKpi(I18n.t("cockpit.safety.whistles"), I18n.t("unit.whistles"));
    final NumberKpi quiet = new NumberKpi(I18n.t("cockpit.safety.quiet"), I18n.t("unit.days"));
    final StatusList disputes = new StatusList(I18n.t("cockpit.safety.disputes", 0), 5);
    final StatusList petitions = new StatusList(I18n.t("cockpit.safety.petitions", 0), 5);

    public SafetyPanel() {
        super("cockpit.safety.title");
        place(mediation, 0, 0, 1);
        place(petitionFigures, 1, 0, 1);
        place(whistles, 2, 0, 1);
        place(quiet, 3, 0, 1);
        place(disputes, 0, 1, 2);
        place(petitions, 2, 1, 2);
    }

    @Override
    void render(CockpitFigures f) {
        CockpitFigures.Safety s = f.safety();
        Ratio m = s.mediation();
        if (m.whole() == 0 || f.minimum().enoughMediations(m)) {
            mediation.show(m.percent(), States.rate(m.value(), 0.9, 0.75));
        } else {
            mediation.showTooFew(I18n.t("kpi.tooFew.mediations", m.whole()));
        }
        mediation.setCaption(I18n.t("cockpit.safety.mediation.caption", m.part(), m.whole()), null);
        petitionFigures.show(null, null, List.of(
                rate("cockpit.safety.accepted", s.petitionsAccepted()),
                rate("cockpit.safety.replied", s.petitionsReplied()),
                new FigureTable.Row(I18n.t("cockpit.safety.visitors"), String.valueOf(s.visitors().visitors()),
                        null, I18n.t("cockpit.safety.visitors.change", percentChange(s.visitors().change())),
                        null)));
        petitionFigures.setCaption(I18n.t("cockpit.safety.visitors.basis", s.visitors().basis().visitors()), null);
        whistles.show(s.whistles().size(), s.whistles().isEmpty() ? Theme.OK : Theme.WARNING);
        whistles.setCaption(s.whistles().isEmpty() ? null
                : I18n.t("cockpit.safety.whistles.caption", s.whistlesArrived(), s.whistlesSummoned()), null);
        quiet.show(s.daysWithoutGroupIncident(), Theme.OK);
        if (s.keyPeriod() == null) {
            quiet.setCaption(I18n.t("cockpit.safety.period.none"), null);
        } else if (s.keyPeriodActive()) {
            quiet.setCaption(I18n.t("cockpit.safety.period.active", s.keyPeriod().name()), Theme.WARNING);
        } else {
            quiet.setCaption(I18n.t("cockpit.safety.period.next", s.keyPeriod().name(),
                    Formats.day(s.keyPeriod().from())), null);
        }

        List<StatusList.Row> d = new ArrayList<>();
        for (Deadlines.DisputeDue x : s.disputes()) {
            String where = x.community() == null ? I18n.t("common.unlocated") : x.community();
            d.add(new StatusList.Row(x.id(), I18n.t("cockpit.safety.dispute.row", x.type(), where,
                    I18n.t("risk", x.risk())), I18n.t("due." + x.sla().name(), Formats.when(x.deadline(), f.time())),
                    States.risk(x.risk()), States.sla(x.sla())));
        }
        disputes.setTitle(I18n.t("cockpit.safety.disputes", d.size()));
        disputes.setCaption(I18n.t("cockpit.safety.intel.caption", s.intelToday()), null);
        disputes.show(d);

        List<StatusList.Row> p = new ArrayList<>();
        for (Deadlines.PetitionDue x : s.petitions()) {
            String subject = x.subject() == null ? I18n.t("common.missing") : x.subject();
            p.add(new StatusList.Row(x.id(), I18n.t("cockpit.safety.petition.row", subject, x.people()),
                    I18n.t("petition.step." + x.step().name(), I18n.t("due." + x.sla().name(),
                            Formats.when(x.deadline(), f.time()))), States.sla(x.sla())));
        }
        petitions.setTitle(I18n.t("cockpit.safety.petitions", p.size()));
        petitions.show(p);
    }

    /** 受理率 or 办结率 with its base ("12/12"): a handful of petitions a month, so the base is always shown. */
    private static FigureTable.Row rate(String key, Ratio r) {
        String figure = r.whole() == 0 ? I18n.t("common.missing") : String.format(Locale.ROOT, "%.0f%%", r.percent());
        String base = r.whole() == 0 ? I18n.t("cockpit.safety.rate.none") : r.part() + "/" + r.whole();
        return new FigureTable.Row(I18n.t(key), figure, States.rate(r.value(), 0.95, 0.9), base, null);
    }

    private static String percentChange(double change) {
        return String.format(Locale.ROOT, "%+.0f%%", change * 100).replace('-', '−');
    }
}
