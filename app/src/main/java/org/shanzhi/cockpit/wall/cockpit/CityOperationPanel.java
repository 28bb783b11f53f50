package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Deadlines;
import org.shanzhi.cockpit.domain.GridFigures;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.OutageFigures;
import org.shanzhi.cockpit.domain.Ratio;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.kpi.GaugeKpi;
import org.shanzhi.cockpit.wall.kpi.NumberKpi;
import org.shanzhi.cockpit.wall.kpi.StatusList;
import org.shanzhi.cockpit.wall.kpi.TextKpi;

/**
 * 城市运行: cases opened and closed today, 按期结案率, open cases against their deadlines, outages, weather with the
 * sensors in alarm, and 事在格中解 (the street's share of the cases its grids found and solved themselves).
 */
public final class CityOperationPanel extends CockpitPanel {

    final NumberKpi opened = new NumberKpi(I18n.t("cockpit.city.opened"), I18n.t("unit.cases"));
    final NumberKpi closed = new NumberKpi(I18n.t("cockpit.city.closed"), I18n.t("unit.cases"));
    final GaugeKpi closedOnTime = new GaugeKpi(I18n.t("cockpit.city.closedOnTime", CockpitFigures.RATE_DAYS));
    final GaugeKpi outage = new GaugeKpi(I18n.t("cockpit.city.outage"));
    final StatusList openCases = new StatusList(I18n.t("cockpit.city.openCases", 0), 5);
    final TextKpi weather = new TextKpi(I18n.t("cockpit.city.weather"));
    final GaugeKpi solvedInGrid = new GaugeKpi(I18n.t("cockpit.city.grids", CockpitFigures.RATE_DAYS));

    public CityOperationPanel() {
        super("cockpit.city.title");
        place(opened, 0, 0, 1);
        place(closed, 1, 0, 1);
        place(closedOnTime, 2, 0, 1);
        place(outage, 3, 0, 1);
        place(openCases, 0, 1, 2);
        place(weather, 2, 1, 1);
        place(solvedInGrid, 3, 1, 1);
    }

    @Override
    LargeForm largeForm() {
        return new CityLarge(this);
    }

    @Override
    void render(CockpitFigures f) {
        CockpitFigures.City c = f.city();
        opened.show(c.opened().today(), null);
        opened.setCaption(I18n.t("common.vsYesterday", Formats.change(c.opened().change())), null);
        closed.show(c.closed().today(), null);
        closed.setCaption(I18n.t("common.vsYesterday", Formats.change(c.closed().change())), null);

        Ratio due = c.closedOnTime();
        if (due.whole() == 0 || f.minimum().enoughCasesDue(due)) {
            closedOnTime.show(due.percent(), States.rate(due.value(), 0.9, 0.7));
        } else {
            closedOnTime.showTooFew(I18n.t("kpi.tooFew.casesDue", due.whole()));
        }
        closedOnTime.setCaption(I18n.t("cockpit.city.closedOnTime.caption", due.part(), due.whole()), null);

        OutageFigures o = c.outage();
        if (o.open() > 0) {
            Ratio back = o.share();
            outage.show(back.percent(), Theme.WARNING);
            outage.setCaption(I18n.t("cockpit.city.outage.caption", o.restored(), o.affected(),
                    Math.floor(back.percent())), Theme.WARNING);
        } else if (o.restoredAt() != null) {
            outage.show(100, Theme.OK);
            outage.setCaption(I18n.t("cockpit.city.outage.restored", Formats.clock(o.restoredAt())), Theme.OK);
        } else {
            outage.show(Double.NaN, null);
            outage.setCaption(I18n.t("cockpit.city.outage.none"), Theme.OK);
        }

        List<StatusList.Row> rows = new ArrayList<>();
        for (Deadlines.OpenCase k : c.openCases()) {
            String where = k.community() == null ? I18n.t("common.unlocated") : k.community();
            String text = I18n.t("cockpit.city.case.row", k.title(), where);
            rows.add(new StatusList.Row(k.id(), f.drill("incidents", k.id()) ? DrillMark.text(text) : text,
                    I18n.t("sla.detail." + k.sla().name(), Formats.duration(k.age())), States.sla(k.sla())));
        }
        openCases.setTitle(I18n.t("cockpit.city.openCases", rows.size()));
        openCases.show(rows);

        WeatherWarning w = c.topWarning();
        if (w == null) {
            weather.show(I18n.t("cockpit.city.weather.none"), Theme.OK);
        } else {
            weather.show(I18n.t("warning.signal", I18n.t("hazard", w.hazard()), I18n.t("signal", w.level())),
                    States.signal(w.level()));
        }
        weather.setCaption(I18n.t("cockpit.city.sensors.caption", c.sensorsInAlarm()),
                States.zeroIsGood(c.sensorsInAlarm()));

        Ratio grids = GridFigures.street(c.grids());
        solvedInGrid.show(grids.percent(), States.rate(grids.value(), 0.8, 0.5));
        solvedInGrid.setCaption(I18n.t("cockpit.city.grids.caption", grids.part(), grids.whole()), null);
    }
}
