package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Deadlines;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Ratio;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.kpi.GaugeKpi;
import org.shanzhi.cockpit.wall.kpi.NumberKpi;
import org.shanzhi.cockpit.wall.kpi.StatusList;

/** 安全稳定: disputes in mediation, mediation success, 信访 deadlines, informants, 吹哨, key periods and 零发生. */
public final class SafetyPanel extends CockpitPanel {

    final GaugeKpi mediation = new GaugeKpi(I18n.t("cockpit.safety.mediation", CockpitFigures.RATE_DAYS));
    final NumberKpi intel = new NumberKpi(I18n.t("cockpit.safety.intel"), I18n.t("unit.reports"));
    final NumberKpi whistles = new NumberKpi(I18n.t("cockpit.safety.whistles"), I18n.t("unit.whistles"));
    final NumberKpi quiet = new NumberKpi(I18n.t("cockpit.safety.quiet"), I18n.t("unit.days"));
    final StatusList disputes = new StatusList(I18n.t("cockpit.safety.disputes", 0), 5);
    final StatusList petitions = new StatusList(I18n.t("cockpit.safety.petitions", 0), 5);

    public SafetyPanel() {
        super("cockpit.safety.title");
        place(mediation, 0, 0, 1);
        place(intel, 1, 0, 1);
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
        intel.show(s.intelToday(), null);
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
}
