package org.shanzhi.cockpit.wall.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.shanzhi.cockpit.domain.DispatchBoard;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Recommendations;
import org.shanzhi.cockpit.domain.RoadNetwork;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;

/**
 * The duty desk's dispatch board (事件调度): the cases by urgency (overdue first, then severity, then age) with
 * their state, deadline standing and unit, and beside or below them the field units: how many are free, busy or
 * away, and for the selected case the recommended free ones with their ETA along the roads ("who can go"). Wide placements
 * (the duty desk's bottom strip) get one line per case and the units beside; narrow ones (a wall column) two lines
 * per case and the units below. Options: {@code show} (open, today, all) and {@code limit}.
 */
public final class IncidentsWidget implements Widget {

    static final String ROOT = "dispatch";
    static final String CASES = "dispatch-cases";
    static final String ROW = "dispatch-row";
    static final String SELECTED = "dispatch-row-selected";
    static final String SEVERITY = "dispatch-severity";
    static final String TITLE = "dispatch-title";
    static final String META = "dispatch-meta";
    static final String STATE = "dispatch-state";
    static final String SLA = "dispatch-sla";
    static final String UNIT = "dispatch-unit";
    static final String HEAD = "dispatch-head";
    static final String EMPTY = "dispatch-empty";
    static final String UNITS = "dispatch-units";
    static final String UNITS_TITLE = "dispatch-units-title";
    static final String COUNT = "dispatch-count";
    static final String COUNT_VALUE = "dispatch-count-value";
    static final String COUNT_CAPTION = "dispatch-count-caption";
    static final String NEAR_ROW = "dispatch-near-row";
    static final String NEAR_DISTANCE = "dispatch-near-distance";
    static final String OPEN_CASE = "dispatch-open-case";

    /** At least this wide, a case takes one line and the units stand beside the list. */
    static final double WIDE = 1100;
    static final int NEAREST = 5;
    private static final double CATEGORY_W = 130;
    private static final double COMMUNITY_W = 200;
    private static final double STATE_W = 110;
    private static final double SLA_W = 190;
    private static final double UNIT_W = 210;
    private static final double UNIT_STATUS_W = 110;

    /** What a case row says, all texts formatted: rows are rebuilt only when this changes. */
    record CaseRow(String id, String severity, String severityState, String title, String category, String community,
                   String state, String stateState, String sla, String slaState, String unitName, String unitStatus,
                   String unitState, boolean drill) {
    }

    private final DispatchBoard.CaseFilter filter;
    private final int limit;

    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label clock = new Label();
    private final VBox cases = new VBox();
    private final ScrollPane scroll = new ScrollPane(cases);
    private final Label empty = new Label();
    private final HBox columns = new HBox();
    private final VBox caseBox = new VBox(columns, scroll);
    private final Label unitsTitle = new Label();
    private final Count free = new Count(StateStyle.availability(UnitStatus.Availability.FREE).label());
    private final Count busy = new Count(StateStyle.availability(UnitStatus.Availability.BUSY).label());
    private final Count away = new Count(StateStyle.availability(UnitStatus.Availability.AWAY).label());
    private final Count sos = new Count(I18n.t("dispatch.units.sos"));
    private final Label nearestTitle = new Label();
    private final VBox nearest = new VBox();
    private final VBox units = new VBox();
    private final Button openCase = new Button(I18n.t("dispatch.openCase"));
    private final WallLinks links;

    private boolean wide;
    private Situation last;
    private List<DispatchBoard.DispatchCase> board = List.of();
    private List<CaseRow> shown = null;
    private String chosen;
    private String selected;

    public IncidentsWidget(Placement placement) {
        this(placement, new WallLinks());
    }

    /** {@code links}: where "打开案件" (the button, or a double click on a case) opens the selected case. */
    public IncidentsWidget(Placement placement, WallContext context) {
        this(placement, context.links());
    }

    private IncidentsWidget(Placement placement, WallLinks links) {
        this.links = links;
        String show = placement == null ? "open" : placement.options().path("show").asText("open");
        this.filter = switch (show) {
            case "all" -> DispatchBoard.CaseFilter.ALL;
            case "today" -> DispatchBoard.CaseFilter.TODAY;
            default -> DispatchBoard.CaseFilter.OPEN;
        };
        int l = placement == null ? 20 : placement.options().path("limit").asInt(20);
        this.limit = Math.max(1, Math.min(200, l));

        Label name = new Label(I18n.t("dispatch.title"));
        name.getStyleClass().add(Theme.PANEL_TITLE);
        title.getStyleClass().add(Theme.PANEL_CLOCK);
        clock.getStyleClass().add(Theme.PANEL_CLOCK);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(name, title, spacer, clock);
        header.getStyleClass().add(Theme.PANEL_HEADER);

        cases.getStyleClass().add(CASES);
        cases.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        empty.getStyleClass().add(EMPTY);
        columns.getStyleClass().addAll(ROW, HEAD);
        caseBox.setMinSize(0, 0);

        unitsTitle.getStyleClass().add(UNITS_TITLE);
        HBox counts = new HBox(8, free, busy, away, sos);
        for (Count c : List.of(free, busy, away, sos)) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setMaxWidth(Double.MAX_VALUE);
        }
        nearestTitle.getStyleClass().add(UNITS_TITLE);
        nearestTitle.setMinWidth(0);
        nearestTitle.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(nearestTitle, Priority.ALWAYS);
        openCase.getStyleClass().add(OPEN_CASE);
        openCase.setMinWidth(Region.USE_PREF_SIZE);
        openCase.setOnAction(e -> openSelected());
        HBox nearestHead = new HBox(8, nearestTitle, openCase);
        nearestHead.setAlignment(Pos.CENTER_LEFT);
        nearest.setSpacing(2);
        units.getChildren().addAll(unitsTitle, counts, nearestHead, nearest);
        units.getStyleClass().add(UNITS);
        units.setMinSize(0, 0);
        clipToBounds(units);
        clipToBounds(caseBox);

        root.setTop(header);
        root.setCenter(new Body());
        root.getStyleClass().addAll(Theme.PANEL, ROOT);
        root.getStylesheets().add(Theme.stylesheet());
        root.widthProperty().addListener((o, was, now) -> {
            boolean w = now.doubleValue() >= WIDE;
            if (w != wide) {
                wide = w;
                shown = null;
                if (last != null) {
                    render(last);
                }
            }
        });
        show(Situation.empty());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(WallFrame frame) {
        show(frame.situation());
    }

    private void show(Situation situation) {
        if (situation == null || situation == last) {
            return;
        }
        render(situation);
    }

    /** Makes a case the selected one (a click on its row); it stays selected while it is on the board. */
    public void select(String caseId) {
        chosen = caseId;
        if (last != null) {
            render(last);
        }
    }

    /** A short slot cuts its list at its own edge rather than drawing over the widget below. */
    private static void clipToBounds(Region r) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(r.widthProperty());
        clip.heightProperty().bind(r.heightProperty());
        r.setClip(clip);
    }

    /** Opens the selected case on the wall's incident screen, or in a window of its own (打开案件). */
    void openSelected() {
        if (selected != null) {
            links.openIncident(selected);
        }
    }

    /** The selected case's id, or null when the board is empty. */
    public String selected() {
        return selected;
    }

    /** The rows shown, in order. */
    List<CaseRow> rows() {
        return shown == null ? List.of() : shown;
    }

    /** The node of a case's row, or null. */
    Node rowNode(String caseId) {
        return cases.getChildren().stream().filter(n -> caseId.equals(n.getId())).findFirst().orElse(null);
    }

    VBox nearestList() {
        return nearest;
    }

    private void render(Situation s) {
        last = s;
        boolean noData = s.time().equals(Situation.EPOCH);
        clock.setText(noData ? I18n.t("common.noData") : I18n.t("common.updated", Formats.clock(s.time())));

        board = DispatchBoard.dispatchBoard(s, s.time(), filter);
        List<DispatchBoard.DispatchCase> top = board.subList(0, Math.min(limit, board.size()));
        title.setText(I18n.t("dispatch.cases." + filter.name(), board.size()));
        List<CaseRow> rows = new ArrayList<>(top.size());
        for (DispatchBoard.DispatchCase c : top) {
            rows.add(row(c));
        }
        if (!rows.equals(shown)) {
            shown = rows;
            rebuild(board.size() - top.size());
        }

        selected = null;
        for (DispatchBoard.DispatchCase c : top) {
            if (c.id().equals(chosen)) {
                selected = c.id();
            }
        }
        if (selected == null && !top.isEmpty()) {
            selected = top.get(0).id();
        }
        for (Node n : cases.getChildren()) {
            n.getStyleClass().remove(SELECTED);
            if (n.getId() != null && n.getId().equals(selected)) {
                n.getStyleClass().add(SELECTED);
            }
        }
        showUnits(s, top);
    }

    private CaseRow row(DispatchBoard.DispatchCase c) {
        String age = Formats.duration(c.age());
        String sla = c.open() ? I18n.t("sla.detail." + c.sla().name(), age) : I18n.t("dispatch.took", age);
        String unitName;
        String unitStatus;
        String unitState;
        if (c.unitId() == null) {
            boolean waiting = c.state() == IncidentState.PENDING_DISPATCH || c.state() == IncidentState.ADJUST_REQUESTED;
            unitName = "";
            unitStatus = c.open() ? I18n.t("dispatch.unassigned") : I18n.t("common.missing");
            unitState = waiting ? Theme.WARNING : Theme.STALE;
        } else {
            unitName = c.unitName() == null ? c.unitId() : c.unitName();
            if (c.unitOnCase()) {
                unitStatus = c.unitStatus() == null ? I18n.t("common.missing") : I18n.t("unitStatus", c.unitStatus());
                unitState = unitState(c.unitStatus());
            } else {
                // the unit has moved on (back on patrol, on another order): its status is not this case's
                unitStatus = I18n.t("dispatch.unitLeft");
                unitState = Theme.STALE;
            }
        }
        return new CaseRow(c.id(), I18n.t("severity", c.severity()), severityState(c.severity()), c.title(),
                c.category(), c.community() == null ? I18n.t("common.unlocated") : c.community(),
                I18n.t("incidentState", c.state()), caseState(c.state()), sla, slaState(c.sla()), unitName, unitStatus,
                unitState, DrillMark.of(last, "incidents", c.id()));
    }

    private void rebuild(int more) {
        List<Node> nodes = new ArrayList<>();
        for (CaseRow r : shown) {
            Region node = wide ? wideRow(r) : narrowRow(r);
            node.setId(r.id());
            node.setOnMouseClicked(e -> {
                select(r.id());
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            });
            nodes.add(node);
        }
        if (shown.isEmpty()) {
            empty.setText(I18n.t("dispatch.empty." + filter.name()));
            nodes.add(empty);
        }
        if (more > 0) {
            Label m = new Label(I18n.t("common.more", more));
            m.getStyleClass().add(Theme.STATUS_MORE);
            nodes.add(m);
        }
        cases.getChildren().setAll(nodes);
        columns.getChildren().setAll(wide ? wideHead() : List.of());
        columns.setVisible(wide && !shown.isEmpty());
        columns.setManaged(wide && !shown.isEmpty());
    }

    /** One line: severity, title, category, community, state, deadline standing, unit. */
    private static Region wideRow(CaseRow r) {
        HBox box = new HBox(badge(r), grow(label(r.title(), TITLE, null)), fixed(label(r.category(), META, null), CATEGORY_W),
                fixed(label(r.community(), META, null), COMMUNITY_W), fixed(label(r.state(), STATE, r.stateState()), STATE_W),
                fixed(label(r.sla(), SLA, r.slaState()), SLA_W), fixed(label(r.unitName(), META, null), UNIT_W),
                fixed(label(r.unitStatus(), UNIT, r.unitState()), UNIT_STATUS_W));
        if (r.drill()) {
            box.getChildren().add(1, DrillMark.label());
        }
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(ROW);
        return box;
    }

    private static List<Node> wideHead() {
        Label sev = label(I18n.t("dispatch.col.severity"), META, null);
        sev.setMinWidth(48);
        sev.setPrefWidth(48);
        return List.of(sev, grow(label(I18n.t("dispatch.col.title"), META, null)),
                fixed(label(I18n.t("dispatch.col.category"), META, null), CATEGORY_W),
                fixed(label(I18n.t("dispatch.col.community"), META, null), COMMUNITY_W),
                fixed(label(I18n.t("dispatch.col.state"), META, null), STATE_W),
                fixed(label(I18n.t("dispatch.col.sla"), META, null), SLA_W),
                fixed(label(I18n.t("dispatch.col.unit"), META, null), UNIT_W + 8 + UNIT_STATUS_W));
    }

    /** Three lines: severity, title and standing; state, category · community; the unit and its status. */
    private static Region narrowRow(CaseRow r) {
        Label sla = label(r.sla(), SLA, r.slaState());
        sla.setMinWidth(Region.USE_PREF_SIZE);
        HBox first = new HBox(8, badge(r), grow(label(r.title(), TITLE, null)), sla);
        if (r.drill()) {
            first.getChildren().add(1, DrillMark.label());
        }
        first.setAlignment(Pos.CENTER_LEFT);
        Label state = label(r.state(), STATE, r.stateState());
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox second = new HBox(8, state, grow(label(I18n.t("dispatch.where", r.category(), r.community()), META, null)));
        second.setAlignment(Pos.CENTER_LEFT);
        second.setPadding(new Insets(0, 0, 0, 56));
        Label status = label(r.unitStatus(), UNIT, r.unitState());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label who = label(I18n.t("dispatch.col.unit"), META, null);
        who.setMinWidth(Region.USE_PREF_SIZE);
        HBox third = new HBox(8, who, grow(label(r.unitName(), META, null)), status);
        third.setAlignment(Pos.CENTER_LEFT);
        third.setPadding(new Insets(0, 0, 0, 56));
        VBox box = new VBox(0, first, second, third);
        box.getStyleClass().add(ROW);
        return box;
    }

    private static Label badge(CaseRow r) {
        Label b = label(r.severity(), SEVERITY, r.severityState());
        b.setMinWidth(48);
        b.setPrefWidth(48);
        b.setMaxWidth(48);
        return b;
    }

    private static Label label(String text, String style, String state) {
        Label l = new Label(text == null ? "" : text);
        l.getStyleClass().add(style);
        l.setMinWidth(0);
        Theme.setState(l, state);
        return l;
    }

    private static Label grow(Label l) {
        l.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(l, Priority.ALWAYS);
        return l;
    }

    private static Label fixed(Label l, double width) {
        l.setMinWidth(width);
        l.setPrefWidth(width);
        l.setMaxWidth(width);
        return l;
    }

    private void showUnits(Situation s, List<DispatchBoard.DispatchCase> top) {
        DispatchBoard.UnitCounts n = DispatchBoard.unitCounts(s);
        unitsTitle.setText(I18n.t("dispatch.units.title", n.total()));
        free.show(n.free(), n.free() > 0 ? Theme.OK : Theme.CRITICAL);
        busy.show(n.busy(), StateStyle.availability(UnitStatus.Availability.BUSY).state());
        away.show(n.away(), StateStyle.availability(UnitStatus.Availability.AWAY).state());
        sos.show(n.sos(), n.sos() > 0 ? Theme.CRITICAL : Theme.STALE);

        DispatchBoard.DispatchCase c = top.stream().filter(x -> x.id().equals(selected)).findFirst().orElse(null);
        openCase.setDisable(c == null);
        List<Node> rows = new ArrayList<>();
        if (c == null) {
            nearestTitle.setText(I18n.t("dispatch.nearest.title", I18n.t("common.missing")));
            rows.add(label(I18n.t("dispatch.nearest.noCase"), EMPTY, null));
        } else {
            nearestTitle.setText(I18n.t("dispatch.nearest.title", c.title()));
            List<Recommendations.RecommendedUnit> near = recommended(s, c.at(), c.category());
            for (Recommendations.RecommendedUnit u : near) {
                rows.add(nearRow(u));
            }
            if (near.isEmpty()) {
                rows.add(label(I18n.t("dispatch.nearest.none"), EMPTY, Theme.CRITICAL));
            }
        }
        nearest.getChildren().setAll(rows);
    }

    /** The first {@link #NEAREST} units recommended, along the base map's roads once it is read (straight before). */
    private static List<Recommendations.RecommendedUnit> recommended(Situation s, GeoPoint at, String category) {
        RoadNetwork roads = BaseMapLoader.shared().getNow(BaseMap.EMPTY).network();
        List<Recommendations.RecommendedUnit> all = Recommendations.rank(s, at, category, roads, s.time(),
                Recommendations.Rules.defaults());
        return all.subList(0, Math.min(NEAREST, all.size()));
    }

    private static HBox nearRow(Recommendations.RecommendedUnit u) {
        Label name = grow(label(I18n.t("dispatch.nearest.row", u.name(), I18n.t("role", u.role())), META, null));
        name.getStyleClass().add(TITLE);
        Label status = label(I18n.t("unitStatus", u.status()), UNIT, Theme.OK);
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label eta = label(Formats.eta(u), NEAR_DISTANCE, u.stale() || !u.reachable() ? Theme.STALE : null);
        eta.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, name, status, eta);
        row.getStyleClass().add(NEAR_ROW);
        row.setId(u.id());
        return row;
    }

    static String severityState(Incident.Severity s) {
        return s == null ? null : StateStyle.severity(s).state();
    }

    static String slaState(Kpi.Sla sla) {
        return StateStyle.sla(sla).state();
    }

    /** Cases waiting for the desk (to dispatch, to re-dispatch, rework) stand out; finished ones fade. */
    static String caseState(IncidentState s) {
        if (s.terminal()) {
            return Theme.STALE;
        }
        return switch (s) {
            case PENDING_DISPATCH, ADJUST_REQUESTED, REWORK -> Theme.WARNING;
            default -> Theme.INFO;
        };
    }

    static String unitState(UnitStatus s) {
        return StateStyle.unit(s).state();
    }

    /** A count of units with its caption, coloured by its state. */
    private static final class Count extends VBox {
        private final Label value = new Label("0");
        private int shownValue = -1;

        Count(String caption) {
            Label c = new Label(caption);
            c.getStyleClass().add(COUNT_CAPTION);
            value.getStyleClass().add(COUNT_VALUE);
            getChildren().addAll(value, c);
            getStyleClass().add(COUNT);
        }

        void show(int n, String state) {
            if (n != shownValue) {
                value.setText(Integer.toString(n));
                shownValue = n;
            }
            Theme.setState(this, state);
        }
    }

    /** Lays out the cases and the units: side by side when wide, the units below when narrow. */
    private final class Body extends Pane {
        private static final double GAP = 8;

        Body() {
            getChildren().addAll(caseBox, units);
            setPadding(new Insets(GAP));
        }

        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double x = in.getLeft();
            double y = in.getTop();
            double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
            double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
            if (wide) {
                double unitsWidth = Math.round(w * 0.30);
                caseBox.resizeRelocate(x, y, w - unitsWidth - GAP, h);
                units.resizeRelocate(x + w - unitsWidth, y, unitsWidth, h);
            } else {
                double unitsHeight = Math.min(h * 0.45, units.prefHeight(w));
                caseBox.resizeRelocate(x, y, w, h - unitsHeight - GAP);
                units.resizeRelocate(x, y + h - unitsHeight, w, unitsHeight);
            }
        }
    }

    @Override
    public String toString() {
        return "IncidentsWidget[" + filter + ", limit " + limit + ", selected " + Objects.toString(selected) + "]";
    }
}
