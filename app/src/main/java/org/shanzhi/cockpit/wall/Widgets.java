package org.shanzhi.cockpit.wall;

import org.shanzhi.cockpit.wall.cockpit.CityOperationPanel;
import org.shanzhi.cockpit.wall.cockpit.MonitoringPanel;
import org.shanzhi.cockpit.wall.cockpit.SafetyPanel;
import org.shanzhi.cockpit.wall.cockpit.SentimentPanel;
import org.shanzhi.cockpit.wall.dispatch.IncidentScreen;
import org.shanzhi.cockpit.wall.drill.DrillWidget;
import org.shanzhi.cockpit.wall.dispatch.IncidentsWidget;
import org.shanzhi.cockpit.wall.dispatch.InstructionsWidget;
import org.shanzhi.cockpit.wall.dispatch.OrdersWidget;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.map.MapWidget;
import org.shanzhi.cockpit.wall.triage.TriageWidget;
import org.shanzhi.cockpit.wall.video.VideoWidget;

/** The one place that turns a layout's widget type into a widget. */
final class Widgets {

    private Widgets() {
    }

    static Widget create(Placement p, WallContext context) {
        return switch (p.type()) {
            case CITY -> new CityOperationPanel();
            case MONITORING -> new MonitoringPanel();
            case SENTIMENT -> new SentimentPanel();
            case SAFETY -> new SafetyPanel();
            case STATUS -> new StatusWidget(context);
            case VIDEO -> new VideoWidget(p, context);
            case INCIDENTS -> new IncidentsWidget(p, context);
            case ORDERS -> new OrdersWidget(p, context);
            case INSTRUCTIONS -> new InstructionsWidget(p, context);
            case INCIDENT -> {
                IncidentScreen screen = new IncidentScreen(context);
                context.links().onOpenIncident(screen::open);
                yield screen;
            }
            case TRIAGE -> new TriageWidget(p, context);
            case MAP -> new MapWidget(p, context);
            case DRILL -> new DrillWidget(context);
        };
    }
}
