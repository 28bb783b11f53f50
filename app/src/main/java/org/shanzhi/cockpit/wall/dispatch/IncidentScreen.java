package org.shanzhi.cockpit.wall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.video.CameraPlayer;
import org.shanzhi.cockpit.wall.video.CameraStill;

/**
 * The incident screen (案件指挥): one case with everything needed to command it — its details and deadline, a small
 * map with its units, the first recommended unit's body-cam tile, the linked cameras and AI alert, the 12345 orders
 * beside it, the units to send with task and priority, each order's state live with how late the unit is (改派,
 * 撤回, 增派), 吹哨报到, and the timeline. A layout slot (widget type {@code incident}) shows the case opened from
 * the map or the board, else the most urgent one; the same screen opens in a window of its own.
 *
 * <p>Each pulse it returns at once unless the situation or the hub's second moved; what it shows is a
 * {@link CaseFile}, and each part is rebuilt only when its part of the file changed. The orders
 * ({@link OrdersSection}), 吹哨报到 ({@link WhistleSection}), the 12345 orders ({@link ComplaintsSection}) and the
 * timeline ({@link CaseTimeline}) are parts of their own. Commands go to the hub through {@link CaseCommands}, one at
 * a time through the wall's outbox (a command the hub cannot take now waits, 待发送); the answer comes back to the
 * FX thread.
 */
public final class IncidentScreen implements Widget {

    static final String ROOT = "incident";
    static final String SECTION = "incident-section";
    static final String HEADING = "incident-heading";
    static final String TEXT = "incident-text";
    static final String ACTION = "incident-action";
    static final String UNIT_ROW = "incident-unit";
    static final String BODYCAM = "incident-bodycam";
    static final String DEADLINE = "incident-deadline";
    private final WallContext context;
    private final CaseCommands commands;

    private final BorderPane root = new BorderPane();
    private final Label caseTitle = new Label();
    private final Label severity = new Label();
    private final Label caseState = new Label();
    /** 演练 beside the title while the case is a drill's. */
    private final Label drillMark = DrillMark.label();
    private final Label clock = new Label();
    private final VBox details = section();
    private final Label deadline = new Label();
    private final CaseMap map = new CaseMap();
    private final Label bodycamText = new Label();
    private final CameraPlayer bodycamPlayer;
    private final VBox cameras = section();
    private final AlertPicture alertPicture;
    private final ComplaintsSection complaints = new ComplaintsSection(this::join);
    private final TextField task = new TextField();
    private final ChoiceBox<Incident.Severity> priority = new ChoiceBox<>();
    private final VBox recommended = new VBox(4);
    private final OrdersSection orders;
    private final WhistleSection whistles;
    /** The closed loop after 处置: 核查, then 结案 or 返工. */
    private final HBox loop = new HBox(8);
    private IncidentState shownLoop;
    private final CaseTimeline timeline = new CaseTimeline();
    private final Label empty = new Label();
    private final GridPane body = new GridPane();

    /** The case the operator opened (null: the most urgent one is shown). */
    private String chosen;
    private CaseFile file;
    private Situation last;
    private Situation seen;
    private Instant seenAt;
    private long lastSecond = Long.MIN_VALUE;
    /** The parts shown, compared with the new file's to rebuild only what changed. */
    private Object shownDetails;
    private String shownCommunity;
    private List<String> shownUnits;
    /** Why the seat could not send orders when last shown, so that the words go once it can. */
    private String shownWhy;
    private Object shownMedia;

    public IncidentScreen(WallContext context) {
        this.context = context;
        this.commands = new CaseCommands(context, this::disableActions, this::answered);
        this.orders = new OrdersSection(commands, this::dispatch);
        this.whistles = new WhistleSection(commands);
        this.bodycamPlayer = new CameraPlayer(context);
        this.alertPicture = new AlertPicture(c -> CameraStill.of(c, context.source(), context.token()));

        Label name = new Label(I18n.t("incident.title"));
        name.getStyleClass().add(Theme.PANEL_TITLE);
        severity.getStyleClass().add(IncidentsWidget.SEVERITY);
        severity.setMinWidth(Region.USE_PREF_SIZE);
        severity.setVisible(false);
        caseTitle.getStyleClass().add(IncidentsWidget.TITLE);
        caseTitle.setMinWidth(0);
        caseState.getStyleClass().add(IncidentsWidget.STATE);
        caseState.setMinWidth(Region.USE_PREF_SIZE);
        clock.getStyleClass().add(Theme.PANEL_CLOCK);
        clock.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        showDrillMark(false);
        HBox header = new HBox(12, name, severity, drillMark, caseTitle, caseState, spacer, clock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Theme.PANEL_HEADER);

        deadline.getStyleClass().add(DEADLINE);
        Label bodycamTitle = heading(I18n.t("incident.bodycam.title"));
        bodycamText.getStyleClass().add(TEXT);
        bodycamText.setWrapText(true);
        StackPane bodycam = new StackPane(bodycamPlayer.node());
        bodycam.getStyleClass().add(BODYCAM);
        VBox bodycamBox = new VBox(4, bodycamTitle, bodycamText, bodycam);
        VBox.setVgrow(bodycam, Priority.ALWAYS);
        HBox.setHgrow(map, Priority.ALWAYS);
        HBox mapRow = new HBox(8, map, bodycamBox);
        // the map takes three fifths of the row, the body-cam tile the rest
        bodycamBox.prefWidthProperty().bind(mapRow.widthProperty().multiply(0.4));
        bodycamBox.setMinWidth(0);
        mapRow.setMinHeight(220);
        VBox.setVgrow(mapRow, Priority.ALWAYS);
        alertPicture.setPrefWidth(240);
        alertPicture.setMaxWidth(240);
        HBox media = new HBox(8, cameras, alertPicture);
        HBox.setHgrow(cameras, Priority.ALWAYS);
        // the 12345 orders of a big matter run to dozens (57 outage calls): they scroll in what the column leaves;
        // a few take no more than their rows, and the map row takes the rest rather than a blank under them
        ScrollPane complaintsScroll = new ScrollPane(complaints.node());
        complaintsScroll.setFitToWidth(true);
        complaintsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        complaintsScroll.setMinHeight(0);
        complaintsScroll.setMaxHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(complaintsScroll, Priority.ALWAYS);
        VBox left = new VBox(8, details, mapRow, media, complaintsScroll);

        task.getStyleClass().add("incident-task");
        priority.getItems().setAll(Incident.Severity.values());
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Incident.Severity s) {
                return s == null ? "" : StateStyle.severity(s).label();
            }

            @Override
            public Incident.Severity fromString(String text) {
                return null;
            }
        });
        Label taskCaption = caption(I18n.t("incident.task"));
        Label priorityCaption = caption(I18n.t("incident.priority"));
        HBox.setHgrow(task, Priority.ALWAYS);
        HBox form = new HBox(8, taskCaption, task, priorityCaption, priority);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox dispatch = section();
        dispatch.getChildren().addAll(heading(I18n.t("incident.section.dispatch")), form, recommended);
        loop.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, dispatch, commands.outcome(), loop, orders.node(), whistles.node(), timeline.node());

        ColumnConstraints l = new ColumnConstraints();
        l.setPercentWidth(50);
        ColumnConstraints r = new ColumnConstraints();
        r.setPercentWidth(50);
        body.getColumnConstraints().setAll(l, r);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        body.getRowConstraints().setAll(row);
        body.setHgap(8);
        // on a short slot (the district seat's) the column scrolls; with room, the timeline takes what is left
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setFitToHeight(true);
        rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        rightScroll.setMinHeight(0);
        body.add(left, 0, 0);
        body.add(rightScroll, 1, 0);
        body.getStyleClass().add("incident-body");
        empty.getStyleClass().add(IncidentsWidget.EMPTY);

        root.setTop(header);
        root.setCenter(empty);
        root.getStyleClass().addAll(Theme.PANEL, ROOT);
        root.getStylesheets().add(Theme.stylesheet());
        empty.setText(I18n.t("common.noData"));
    }

    @Override
    public Node node() {
        return root;
    }

    /** Shows {@code incidentId} from now on (a click on the map or the board). */
    public void open(String incidentId) {
        chosen = incidentId;
        lastSecond = Long.MIN_VALUE;
        last = null;
        shownUnits = null;
        shownWhy = null;
        shownLoop = null;
        commands.outcome().setText("");
    }

    /** What is shown, or null when no case is (tests). */
    CaseFile file() {
        return file;
    }

    CaseMap map() {
        return map;
    }

    @Override
    public void show(WallFrame frame) {
        Situation s = frame.situation();
        if (s != seen) {
            seen = s;
            seenAt = frame.now();
        }
        // the hub's time: its newest event, and the wall's seconds since it arrived (a quiet hub's orders still age)
        Duration since = Duration.between(seenAt, frame.now());
        Instant now = s.time().plus(since.isNegative() ? Duration.ZERO : since);
        long second = now.getEpochSecond();
        if (s == last && second == lastSecond) {
            return;
        }
        last = s;
        lastSecond = second;
        if (!frame.hasSituation()) {
            return;
        }
        severity.setVisible(true);
        String id = chosen != null ? chosen : CaseFile.mostUrgent(s, now);
        CaseFile f = CaseFile.of(s, id, now, frame.orderTiming());
        if (f == null) {
            file = null;
            empty.setText(chosen == null ? I18n.t("incident.none") : I18n.t("incident.notFound", chosen));
            root.setCenter(empty);
            caseTitle.setText("");
            severity.setText("");
            severity.setVisible(false);
            showDrillMark(false);
            caseState.setText("");
            return;
        }
        boolean otherCase = file == null || !file.incident().id().equals(f.incident().id());
        file = f;
        if (otherCase) {
            task.clear();
            task.setPromptText(I18n.t("incident.task.prompt", f.incident().title()));
            priority.setValue(f.incident().severity());
            commands.outcome().setText("");
        }
        root.setCenter(body);
        clock.setText(chosen == null ? I18n.t("incident.auto", Formats.clock(now)) : Formats.clock(now));
        render(f, s, now);
    }

    private void render(CaseFile f, Situation s, Instant now) {
        Incident i = f.incident();
        severity.setText(i.severity() == null ? "" : StateStyle.severity(i.severity()).label());
        Theme.setState(severity, IncidentsWidget.severityState(i.severity()));
        caseTitle.setText(i.title());
        showDrillMark(DrillMark.of(s, "incidents", i.id()));
        caseState.setText(I18n.t("incidentState", i.state()));
        Theme.setState(caseState, IncidentsWidget.caseState(i.state()));
        deadline.setText(deadlineText(f));
        Theme.setState(deadline, StateStyle.sla(f.sla()).state());

        if (!i.equals(shownDetails) || !Objects.equals(f.community(), shownCommunity)) {
            shownDetails = i;
            shownCommunity = f.community();
            details.getChildren().setAll(heading(I18n.t("incident.section.details", i.id())),
                    text(I18n.t("incident.details.where", i.category(), f.community() == null
                            ? I18n.t("common.unlocated") : f.community(), I18n.t("incident.source", i.source()))),
                    text(I18n.t("incident.details.times", Formats.when(i.openedAt(), now), Formats.when(i.deadline(), now))),
                    deadline);
        }
        showUnits(f);
        showLoop(f);
        orders.show(f, now);
        showMap(f, s);
        showMedia(f);
        complaints.show(f.complaints(), now, commands.maySummon() && !commands.sending() && f.incident().open());
        whistles.show(f);
        timeline.show(f.timeline(), s, now);
    }

    private static String deadlineText(CaseFile f) {
        if (f.toDeadline() == null) {
            return I18n.t("incident.deadline.none");
        }
        String words = StateStyle.sla(f.sla()).label();
        if (f.toDeadline().isNegative()) {
            return I18n.t("incident.deadline.over", words, Formats.duration(f.toDeadline().negated()));
        }
        return I18n.t("incident.deadline.left", words, Formats.duration(f.toDeadline()));
    }

    // --- units to send --------------------------------------------------------------------------------

    private void showUnits(CaseFile f) {
        List<String> ids = f.recommended().stream().map(RecommendedUnit::id).toList();
        String why = commands.whyNot(f);
        if (!Objects.equals(why, shownWhy)) {
            if (shownWhy != null && commands.outcome().getText().equals(shownWhy)) {
                commands.say("", null);
            }
            if (why != null && !commands.sending() && commands.outcome().getText().isEmpty()) {
                commands.say(why, Theme.STALE);
            }
            shownWhy = why;
        }
        if (ids.equals(shownUnits) && recommended.getChildren().size() == ids.size()) {
            // the same units in the same order: new distances, the buttons stay (one may be under the pointer)
            for (int k = 0; k < ids.size(); k++) {
                HBox row = (HBox) recommended.getChildren().get(k);
                ((Label) row.getChildren().get(0)).setText(unitText(f.recommended().get(k)));
                row.getChildren().get(1).setDisable(why != null || commands.sending());
            }
            return;
        }
        shownUnits = ids;
        List<Node> rows = new ArrayList<>();
        boolean more = f.orders().stream().anyMatch(CaseFile.OrderLine::open);
        for (RecommendedUnit u : f.recommended()) {
            Label name = text(unitText(u));
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            Button go = action(I18n.t(more ? "incident.addUnit" : "incident.dispatch"));
            go.setDisable(why != null || commands.sending());
            go.setOnAction(e -> dispatch(f.incident().id(), u));
            HBox row = new HBox(8, name, go);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(UNIT_ROW);
            row.setId(u.id());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            rows.add(text(I18n.t(f.incident().open() ? "dispatch.nearest.none" : "incident.closed")));
        }
        recommended.getChildren().setAll(rows);
    }

    private static String unitText(RecommendedUnit u) {
        return I18n.t("map.dispatch.unit", u.name() == null ? u.id() : u.name(), I18n.t("map.role", u.role()),
                Formats.eta(u));
    }

    // --- the small map, the body-cam, the cameras and the AI alert ----------------------------------------

    private void showMap(CaseFile f, Situation s) {
        List<CaseMap.Unit> units = new ArrayList<>();
        for (CaseFile.OrderLine l : f.orders()) {
            if (l.open() && l.unitAt() != null) {
                units.add(new CaseMap.Unit(l.unitAt(), l.unitName(), true));
            }
        }
        if (!f.recommended().isEmpty()) {
            RecommendedUnit u = f.recommended().get(0);
            units.add(new CaseMap.Unit(s.units().get(u.id()).at(), u.name(), false));
        }
        map.show(new CaseMap.Picture(f.incident().at(), IncidentsWidget.severityState(f.incident().severity()),
                List.copyOf(units)));
        // the body-cam of the unit on the newest open order, else of the first recommended unit
        String unitId = f.recommended().isEmpty() ? null : f.recommended().get(0).id();
        for (CaseFile.OrderLine l : f.orders()) {
            if (l.open()) {
                unitId = l.order().unitId();
            }
        }
        FieldUnit unit = unitId == null ? null : s.units().get(unitId);
        bodycamText.setText(unit == null ? I18n.t("incident.bodycam.none")
                : I18n.t("incident.bodycam", unit.name() == null ? unit.id() : unit.name()));
        bodycamPlayer.show(CameraPlayer.bodyCam(unit), s.time());
    }

    private void showMedia(CaseFile f) {
        List<Object> key = List.of(f.cameras(), f.alert() == null ? "" : f.alert());
        if (key.equals(shownMedia)) {
            return;
        }
        shownMedia = key;
        List<Node> rows = new ArrayList<>();
        rows.add(heading(I18n.t("incident.section.cameras")));
        for (Camera c : f.cameras()) {
            Label name = text(I18n.t("incident.camera", c.name(), I18n.t(c.online() ? "incident.camera.online"
                    : "incident.camera.offline")));
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            Button open = action(I18n.t("map.action.openVideo"));
            open.setOnAction(e -> {
                boolean shown = context.links().openCamera(c.id());
                commands.say(shown ? I18n.t("map.action.videoOpened", c.id()) : I18n.t("map.action.noVideoScreen"),
                        shown ? Theme.OK : Theme.WARNING);
            });
            HBox row = new HBox(8, name, open);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.add(row);
        }
        if (f.cameras().isEmpty()) {
            rows.add(text(I18n.t("incident.noCamera")));
        }
        if (f.alert() != null) {
            Label alert = text(I18n.t("incident.alert", f.alert().kind(), f.alert().confidence() * 100,
                    I18n.t("incident.alert." + f.alert().review().name())));
            alert.setWrapText(true);
            rows.add(alert);
            alertPicture.show(f.alert().boxes(), f.cameras().stream()
                    .filter(c -> c.id().equals(f.alert().cameraId())).findFirst().orElse(null));
        }
        alertPicture.setVisible(f.alert() != null);
        alertPicture.setManaged(f.alert() != null);
        cameras.getChildren().setAll(rows);
    }

    // --- commands -------------------------------------------------------------------------------------

    /** 核查 a disposed case; on a case being checked, 结案 (the leader's) or 返工. */
    private void showLoop(CaseFile f) {
        Incident i = f.incident();
        if (i.state() == shownLoop) {
            return;
        }
        shownLoop = i.state();
        List<Node> nodes = new ArrayList<>();
        boolean off = !commands.maySummon() || commands.sending();
        if (i.state() == IncidentState.DISPOSED) {
            Button check = action(I18n.t("incident.loop.check"));
            check.setDisable(off);
            check.setOnAction(e -> commands.send(I18n.t("incident.loop.sending"),
                    hub -> hub.advanceCase(i.id(), IncidentState.CHECKING.name()), I18n.t("incident.loop.checking")));
            nodes.add(check);
        } else if (i.state() == IncidentState.CHECKING) {
            Button close = action(I18n.t("incident.loop.close"));
            close.setDisable(off || !context.mayClose());
            close.setOnAction(e -> commands.send(I18n.t("incident.loop.sending"),
                    hub -> hub.closeCase(i.id(), I18n.t("incident.loop.closeNote")), I18n.t("incident.loop.closed")));
            Button rework = action(I18n.t("incident.loop.rework"));
            rework.setDisable(off);
            rework.setOnAction(e -> commands.send(I18n.t("incident.loop.sending"),
                    hub -> hub.advanceCase(i.id(), IncidentState.REWORK.name()), I18n.t("incident.loop.reworked")));
            nodes.add(close);
            nodes.add(rework);
            if (!context.mayClose()) {
                nodes.add(caption(I18n.t("incident.loop.closeIsLeaders")));
            }
        }
        loop.getChildren().setAll(nodes);
        loop.setVisible(!nodes.isEmpty());
        loop.setManaged(!nodes.isEmpty());
    }

    private void dispatch(String incidentId, RecommendedUnit u) {
        String name = u.name() == null ? u.id() : u.name();
        Incident.Severity p = priority.getValue();
        commands.send(I18n.t("map.dispatch.sending", name),
                hub -> hub.issueOrder(incidentId, u.id(), task.getText(), p == null ? null : p.name()),
                I18n.t("incident.sent", name));
    }

    /** 并案: the 12345 order joins the case, to be 办结 by its 结案. */
    private void join(Complaint c) {
        String incidentId = file.incident().id();
        commands.send(I18n.t("incident.complaint.joining", c.orderNo()), hub -> hub.linkComplaint(incidentId, c.orderNo()),
                I18n.t("incident.complaint.joinedNow", c.orderNo()));
    }

    /** The buttons that send orders, while one is on its way. */
    private void disableActions() {
        whistles.disable();
        for (Pane part : List.of(recommended, orders.node(), loop, complaints.node())) {
            part.lookupAll("." + ACTION).forEach(n -> n.setDisable(true));
        }
    }

    /** The hub answered: the next pulse shows every part again, its buttons with it. */
    private void answered() {
        orders.forget();
        shownUnits = null;
        whistles.forget();
        shownLoop = null;
        lastSecond = Long.MIN_VALUE;
        last = null;
    }

    // --- small builders -------------------------------------------------------------------------------

    static VBox section() {
        VBox v = new VBox(4);
        v.getStyleClass().add(SECTION);
        return v;
    }

    private void showDrillMark(boolean drill) {
        drillMark.setVisible(drill);
        drillMark.setManaged(drill);
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(HEADING);
        l.setMinWidth(0);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(IncidentsWidget.META);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static Label text(String text) {
        Label l = new Label(text == null ? "" : text);
        l.getStyleClass().add(TEXT);
        l.setMinWidth(0);
        return l;
    }

    static Button action(String text) {
        Button b = new Button(text);
        b.getStyleClass().add(ACTION);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
