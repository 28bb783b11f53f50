package org.shanzhi.cockpit.wall.map;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GridFigures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IntelReport;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters.Cluster;
import org.shanzhi.cockpit.wall.map.layer.MapMark;
import org.shanzhi.cockpit.wall.map.layer.MapStyle;

/** The words for a mark: a one-line tooltip and the rows of the details box. Never throws on missing data. */
final class MapDescriptions {

    /** A row of the details box with its state class (or null). */
    record Row(String text, String state) {
    }

    record Details(String title, List<Row> rows) {
    }

    private MapDescriptions() {
    }

    static String tooltip(MapMark m, Situation s) {
        Object o = m.subject();
        if (o instanceof Camera c) {
            String state = I18n.t(c.online() ? "map.camera.online" : "map.camera.offline");
            return I18n.t(c.ai() ? "map.tooltip.cameraAi" : "map.tooltip.pair", name(c.name(), c.id()), state);
        }
        if (o instanceof Cluster c) {
            return I18n.t("map.tooltip.cluster", c.count(), c.offline(), c.ai());
        }
        if (o instanceof Incident i) {
            return I18n.t("map.tooltip.pair", name(i.title(), i.id()), I18n.t("map.incidentState", i.state()));
        }
        if (o instanceof FieldUnit u) {
            return I18n.t("map.tooltip.pair", name(u.name(), u.id()), StateStyle.unit(u.status()).label());
        }
        if (o instanceof Sensor se) {
            return I18n.t("map.tooltip.pair", I18n.t("sensor", se.kind()) + " " + se.id(),
                    se.alarm() ? I18n.t("map.sensor.alarm") : I18n.t("map.sensor.normal"));
        }
        if (o instanceof BaseMap.Poi p) {
            return p.name();
        }
        if (o instanceof GridFigures.Row r) {
            return I18n.t("map.tooltip.grid", r.gridCode(), r.solvedInGrid(), r.found());
        }
        if (o instanceof Dispute d) {
            return I18n.t("map.tooltip.pair", d.type(), I18n.t("map.disputeSource", d.source()));
        }
        if (o instanceof Petition p) {
            return I18n.t("map.tooltip.pair", p.subject(), p.state().zh);
        }
        if (o instanceof IntelReport r) {
            return I18n.t("map.tooltip.pair", r.category(), r.summary());
        }
        if (o instanceof Outage.Building b) {
            return I18n.t("map.tooltip.building", b.id(), I18n.t("map.outage." + b.supply()), Formats.clock(b.since()));
        }
        return m.id();
    }

    static Details details(MapMark m, Situation s) {
        Object o = m.subject();
        Instant now = s == null ? null : s.time();
        List<Row> rows = new ArrayList<>();
        if (o instanceof Camera c) {
            rows.add(new Row(I18n.t("map.details.id", c.id()), null));
            rows.add(new Row(I18n.t("map.details.ai", I18n.t(c.ai() ? "map.yes" : "map.no")), c.ai() ? Theme.INFO : null));
            rows.add(new Row(I18n.t("map.details.state", I18n.t(c.online() ? "map.camera.online" : "map.camera.offline")),
                    c.online() ? Theme.OK : Theme.STALE));
            return new Details(name(c.name(), c.id()), rows);
        }
        if (o instanceof Incident i) {
            boolean overdue = now != null && i.overdue(now);
            rows.add(new Row(I18n.t("map.details.id", i.id()), null));
            rows.add(new Row(I18n.t("map.details.state", I18n.t("map.incidentState", i.state())),
                    overdue ? Theme.CRITICAL : null));
            StateStyle.Look severity = StateStyle.severity(MapStyle.severity(i));
            rows.add(new Row(I18n.t("map.details.severity", severity.label()), severity.state()));
            if (now != null && i.openedAt() != null) {
                rows.add(new Row(I18n.t("map.details.age", Formats.duration(Duration.between(i.openedAt(), now))),
                        overdue ? Theme.CRITICAL : null));
            }
            if (overdue) {
                rows.add(new Row(I18n.t("map.details.overdue", Formats.duration(Duration.between(i.deadline(), now))),
                        Theme.CRITICAL));
            }
            if (i.unitId() != null) {
                FieldUnit u = s.units().get(i.unitId());
                rows.add(new Row(I18n.t("map.details.unit", u == null ? i.unitId() : name(u.name(), u.id())), null));
            }
            return new Details(name(i.title(), i.id()), rows);
        }
        if (o instanceof FieldUnit u) {
            rows.add(new Row(I18n.t("map.details.id", u.id()), null));
            rows.add(new Row(I18n.t("map.details.role", I18n.t("map.role", u.role())), null));
            StateStyle.Look status = StateStyle.unit(u.status());
            rows.add(new Row(I18n.t("map.details.state", status.label()), status.state()));
            if (u.sos()) {
                rows.add(new Row(I18n.t("map.details.sos"), Theme.CRITICAL));
            }
            if (u.incidentId() != null) {
                Incident i = s.incidents().get(u.incidentId());
                rows.add(new Row(I18n.t("map.details.case", i == null ? u.incidentId() : name(i.title(), i.id())), null));
            }
            return new Details(name(u.name(), u.id()), rows);
        }
        if (o instanceof Sensor se) {
            rows.add(new Row(I18n.t("map.details.reading", se.value(), se.kind() == null ? "" : se.kind().unit,
                    se.threshold()), se.alarm() ? Theme.CRITICAL : null));
            if (se.readAt() != null && now != null) {
                rows.add(new Row(I18n.t("map.details.readAt", Formats.when(se.readAt(), now)), null));
            }
            return new Details(I18n.t("sensor", se.kind()) + " " + se.id(), rows);
        }
        if (o instanceof GridFigures.Row r) {
            rows.add(new Row(I18n.t("map.details.gridFound", r.found()), null));
            rows.add(new Row(I18n.t("map.details.gridSolved", r.solvedInGrid()), null));
            rows.add(new Row(I18n.t("map.details.gridOpen", r.open()), null));
            return new Details(I18n.t("map.details.grid", r.gridCode()), rows);
        }
        if (o instanceof Dispute d) {
            rows.add(new Row(I18n.t("map.details.id", d.id()), null));
            rows.add(new Row(I18n.t("map.details.state", d.state().zh), null));
            rows.add(new Row(I18n.t("map.details.committee", d.committee() == null ? "" : d.committee()), null));
            rows.add(new Row(I18n.t("map.details.disputeSource", I18n.t("map.disputeSource", d.source()),
                    d.sourceId() == null ? "" : d.sourceId()), null));
            return new Details(d.type(), rows);
        }
        if (o instanceof Petition p) {
            rows.add(new Row(I18n.t("map.details.id", p.id()), null));
            rows.add(new Row(I18n.t("map.details.state", p.state().zh), now != null && p.overdue(now)
                    ? Theme.CRITICAL : null));
            return new Details(p.subject(), rows);
        }
        if (o instanceof IntelReport r) {
            rows.add(new Row(I18n.t("map.details.id", r.id()), null));
            if (r.reportedAt() != null && now != null) {
                rows.add(new Row(I18n.t("map.details.reportedAt", Formats.when(r.reportedAt(), now)), null));
            }
            return new Details(r.category(), rows);
        }
        return new Details(tooltip(m, s), rows);
    }

    private static String name(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
