package org.shanzhi.cockpit.wall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
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
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.HubCommands.Outcome;
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
 * {@link CaseFile}, and each part is rebuilt only when its part of the file changed. Orders go to the hub through
 * the wall's {@link HubCommands} (its outbox: a command the hub cannot take now waits, 待发送); the answer comes
 * back to the FX thread.
 */
public final class IncidentScreen implements Widget {

    static final String ROOT = "incident";
    static final String SECTION = "incident-section";
    static final String HEADING = "incident-heading";
    static final String TEXT = "incident-text";
    static final String ORDER = "incident-order";
    static final String ORDER_STATE = "incident-order-state";
    static final String LATE = "incident-late";
    static final String ACTION = "incident-action";
    static final String UNIT_ROW = "incident-unit";
    static final String MOMENT = "incident-moment";
    static final String OUTCOME = "incident-outcome";
    static final String BODYCAM = "incident-bodycam";
    static final String DEADLINE = "incident-deadline";
    static final String DEPARTMENT_ROW = "incident-department";
    static final String DEPARTMENT_STATE = "incident-department-state";
    static final String DEPARTMENT_CHOICE = "incident-department-choice";
    static final String WHISTLE_REASON = "incident-whistle-reason";
    /**
     * The newest moments of the timeline and the ended orders drawn: a long case's whole history rebuilt on every
     * change kept the wall's pulse busy for tens of milliseconds (bench dispatch.ack_to_wall_render_*).
     */
    static final int MOMENTS_SHOWN = 40;
    static final int ENDED_ORDERS_SHOWN = 10;

    private final WallContext context;
    private final HubCommands commands;

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
    private final VBox orders = section();
    private final Button whistle = new Button(I18n.t("incident.whistle.button"));
    private final VBox whistles = new VBox(2);
    /** The closed loop after 处置: 核查, then 结案 or 返工. */
    private final HBox loop = new HBox(8);
    private IncidentState shownLoop;
    /** The 吹哨 form the button opens: the departments to summon and why. */
    private final VBox whistleForm = new VBox(4);
    private final List<CheckBox> departments = new ArrayList<>();
    private final TextField whistleReason = new TextField();
    private final Label outcome = new Label();
    private final VBox timeline = new VBox(2);
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
    private List<Object> shownOrders;
    private List<CaseFile.Moment> shownTimeline;
    private Object shownMedia;
    private List<CaseFile.WhistleLine> shownWhistles;
    private boolean sending;
    /** The hub refused this token once (401/403): the buttons stay off from then on. */
    private boolean forbidden;

    public IncidentScreen(WallContext context) {
        this.context = context;
        this.commands = context.commands();
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
        // the 12345 orders of a big matter run to dozens (57 outage calls): they scroll in what the column leaves
        ScrollPane complaintsScroll = new ScrollPane(complaints.node());
        complaintsScroll.setFitToWidth(true);
        complaintsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        complaintsScroll.setMinHeight(0);
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
        whistle.getStyleClass().add(ACTION);
        whistle.setOnAction(e -> whistleForm.setVisible(!whistleForm.isVisible()));
        buildWhistleForm();
        VBox whistleBox = section();
        whistleBox.getChildren().addAll(heading(I18n.t("incident.section.whistle")), whistle, whistleForm, whistles);
        outcome.getStyleClass().add(OUTCOME);
        outcome.setWrapText(true);
        ScrollPane timelineScroll = new ScrollPane(timeline);
        timelineScroll.setFitToWidth(true);
        timelineScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox timelineBox = section();
        timelineBox.getChildren().addAll(heading(I18n.t("incident.section.timeline")), timelineScroll);
        VBox.setVgrow(timelineScroll, Priority.ALWAYS);
        VBox.setVgrow(timelineBox, Priority.ALWAYS);
        loop.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(8, dispatch, outcome, loop, orders, whistleBox, timelineBox);

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
        outcome.setText("");
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
            outcome.setText("");
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
        showOrders(f, now);
        showMap(f, s);
        showMedia(f);
        complaints.show(f.complaints(), now, maySummon() && !sending && f.incident().open());
        if (!f.whistles().equals(shownWhistles)) {
            shownWhistles = f.whistles();
            List<Node> rows = new ArrayList<>();
            for (CaseFile.WhistleLine w : f.whistles()) {
                Label line = text(I18n.t("incident.whistle.line", w.reason(), w.arrived(), w.summoned(),
                        w.summoned() == 0 ? 0 : 100.0 * w.onTime() / w.summoned()));
                line.setWrapText(true);
                rows.add(line);
                for (int k = 0; k < w.departments().size(); k++) {
                    rows.add(departmentRow(w, k));
                }
            }
            whistles.getChildren().setAll(rows);
        }
        whistle.setDisable(sending || !maySummon() || !f.incident().open());
        if (!f.timeline().equals(shownTimeline)) {
            shownTimeline = f.timeline();
            List<Node> rows = new ArrayList<>();
            // newest first: the last step is what the seat looks for
            int oldest = Math.max(0, f.timeline().size() - MOMENTS_SHOWN);
            for (int k = f.timeline().size() - 1; k >= oldest; k--) {
                rows.add(moment(f.timeline().get(k), s, now));
            }
            if (oldest > 0) {
                rows.add(text(I18n.t("common.more", oldest)));
            }
            timeline.getChildren().setAll(rows);
        }
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
        String why = whyNot(f);
        if (!Objects.equals(why, shownWhy)) {
            if (shownWhy != null && outcome.getText().equals(shownWhy)) {
                say("", null);
            }
            if (why != null && !sending && outcome.getText().isEmpty()) {
                say(why, Theme.STALE);
            }
            shownWhy = why;
        }
        if (ids.equals(shownUnits) && recommended.getChildren().size() == ids.size()) {
            // the same units in the same order: new distances, the buttons stay (one may be under the pointer)
            for (int k = 0; k < ids.size(); k++) {
                HBox row = (HBox) recommended.getChildren().get(k);
                ((Label) row.getChildren().get(0)).setText(unitText(f.recommended().get(k)));
                row.getChildren().get(1).setDisable(why != null || sending);
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
            go.setDisable(why != null || sending);
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

    /** Whether this wall may blow a whistle and record arrivals (the seats that send orders; the hub still decides). */
    private boolean maySummon() {
        return commands != null && !forbidden && context.mayDispatch() && !context.notYetConnected();
    }

    /** Why this wall cannot send orders on the case, or null when it can (the hub still decides). */
    private String whyNot(CaseFile f) {
        if (commands == null) {
            return I18n.t("map.dispatch.noHub");
        }
        if (context.notYetConnected()) {
            return I18n.t("wall.notConnected");
        }
        if (forbidden || !context.mayDispatch()) {
            return I18n.t("map.dispatch.role", context.seat());
        }
        if (!f.takesOrders()) {
            return I18n.t("incident.noOrders", I18n.t("incidentState", f.incident().state()));
        }
        return null;
    }

    // --- orders ---------------------------------------------------------------------------------------

    private void showOrders(CaseFile f, Instant now) {
        // rebuilt when an order, its lateness or the unit offered instead changes; the seconds waited are set in place
        List<Object> key = new ArrayList<>();
        for (CaseFile.OrderLine l : f.orders()) {
            key.add(List.of(l.order(), l.lateness(), l.replacement() == null ? "" : l.replacement().id(), l.unitName()));
        }
        key.add(whyNot(f) == null && !sending);
        if (key.equals(shownOrders)) {
            updateWaits(f, now);
            return;
        }
        shownOrders = key;
        List<Node> rows = new ArrayList<>();
        long open = f.orders().stream().filter(CaseFile.OrderLine::open).count();
        rows.add(heading(I18n.t("incident.section.orders", f.orders().size(), open)));
        // the open orders first, then the newest ended ones
        int drawn = (int) Math.min(f.orders().size(), open + ENDED_ORDERS_SHOWN);
        for (CaseFile.OrderLine l : f.orders().subList(0, drawn)) {
            rows.add(orderRow(f, l));
        }
        if (drawn < f.orders().size()) {
            rows.add(text(I18n.t("common.more", f.orders().size() - drawn)));
        }
        if (f.orders().isEmpty()) {
            rows.add(text(I18n.t("incident.noOrder")));
        }
        orders.getChildren().setAll(rows);
        updateWaits(f, now);
    }

    private VBox orderRow(CaseFile f, CaseFile.OrderLine l) {
        DispatchOrder o = l.order();
        StateStyle.Look look = StateStyle.order(o.state());
        Label state = new Label(look.label());
        state.getStyleClass().add(ORDER_STATE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        Theme.setState(state, l.lateness() == DispatchOrder.Lateness.ON_TIME ? look.state() : lateState(l.lateness()));
        Label who = text(I18n.t("incident.order.line", o.id(), l.unitName()));
        HBox.setHgrow(who, Priority.ALWAYS);
        who.setMaxWidth(Double.MAX_VALUE);
        HBox first = new HBox(10, state, who);
        first.setAlignment(Pos.CENTER_LEFT);
        Label meta = text(I18n.t("incident.order.meta", l.role() == null ? I18n.t("common.missing")
                : I18n.t("role", l.role()), StateStyle.severity(o.priority()).label(),
                I18n.t("issuer." + o.issuer().name())));
        VBox box = new VBox(2, first, meta, text(I18n.t("incident.order.task", o.task())));
        if (o.override()) {
            box.getChildren().add(text(I18n.t("incident.order.override")));
        }
        if (o.reason() != null) {
            box.getChildren().add(text(I18n.t("incident.order.reason", o.reason())));
        }
        if (o.note() != null) {
            box.getChildren().add(text(I18n.t("incident.order.note", o.note())));
        }
        if (l.lateness() != DispatchOrder.Lateness.ON_TIME) {
            Label late = new Label();
            late.getStyleClass().add(LATE);
            late.setUserData(o.id());
            Theme.setState(late, lateState(l.lateness()));
            box.getChildren().add(late);
        }
        if (l.open()) {
            boolean off = whyNot(f) != null || sending;
            List<Node> buttons = new ArrayList<>();
            RecommendedUnit instead = l.replacement() != null ? l.replacement()
                    : f.recommended().isEmpty() ? null : f.recommended().get(0);
            if (CaseFile.reassignable(o)) {
                Button reassign = action(instead == null ? I18n.t("incident.reassign.none")
                        : I18n.t("incident.reassign", instead.name() == null ? instead.id() : instead.name()));
                reassign.setDisable(off || instead == null);
                reassign.setOnAction(e -> reassign(o, instead));
                if (l.replacement() != null) {
                    reassign.getStyleClass().add("incident-action-suggested");
                }
                buttons.add(reassign);
            }
            buttons.addAll(LateOrderActions.of(l, off, () -> send(I18n.t("incident.resending", o.id()),
                    () -> commands.resendOrder(o.id()), I18n.t("incident.resent", o.id())),
                    () -> dispatch(f.incident().id(), l.replacement())));
            if (CaseFile.cancellable(o)) {
                Button cancel = action(I18n.t("incident.cancel"));
                cancel.setDisable(off);
                cancel.setOnAction(e -> cancel(o));
                buttons.add(cancel);
            }
            HBox actions = new HBox(8);
            actions.getChildren().setAll(buttons);
            box.getChildren().add(actions);
        }
        box.getStyleClass().add(ORDER);
        box.setId(o.id());
        return box;
    }

    /** The seconds an order has kept the seat waiting, on its alert line. */
    private void updateWaits(CaseFile f, Instant now) {
        for (Node n : orders.lookupAll("." + LATE)) {
            Label late = (Label) n;
            for (CaseFile.OrderLine l : f.orders()) {
                if (l.order().id().equals(late.getUserData())) {
                    Duration waited = Duration.between(l.order().issuedAt(), now);
                    late.setText(I18n.t("incident.late." + l.lateness().name(), waitText(waited)));
                }
            }
        }
    }

    private static String waitText(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s < 60 ? I18n.t("incident.seconds", s) : I18n.t("incident.minutesSeconds", s / 60, s % 60);
    }

    private static String lateState(DispatchOrder.Lateness l) {
        return switch (l) {
            case ON_TIME -> Theme.INFO;
            case NOT_DELIVERED -> Theme.WARNING;
            case NOT_ACCEPTED, EXPIRED -> Theme.CRITICAL;
        };
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
                say(shown ? I18n.t("map.action.videoOpened", c.id()) : I18n.t("map.action.noVideoScreen"),
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

    // --- the timeline ---------------------------------------------------------------------------------

    private static Node moment(CaseFile.Moment m, Situation s, Instant now) {
        String what = switch (m.kind()) {
            case OPENED -> I18n.t("incident.moment.OPENED", I18n.t("incident.source", m.state()));
            case CASE_STATE -> I18n.t("incident.moment.CASE_STATE", I18n.t("incidentState", m.state()));
            case ALERT -> I18n.t("incident.moment.ALERT", m.subject());
            case ORDER_STEP -> I18n.t("incident.moment.ORDER_STEP", m.subject(),
                    StateStyle.order((OrderState) m.state()).label());
            case INSTRUCTION -> I18n.t("incident.moment.INSTRUCTION", m.subject());
            case WHISTLE -> I18n.t("incident.moment.WHISTLE", m.subject());
            case WHISTLE_ARRIVED -> I18n.t("incident.moment.WHISTLE_ARRIVED", m.subject());
        };
        Label at = new Label(Formats.when(m.at(), now));
        at.getStyleClass().add(IncidentsWidget.META);
        at.setMinWidth(Region.USE_PREF_SIZE);
        Label text = text(what);
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(10, at, text);
        if (m.by() != null && m.kind() != CaseFile.MomentKind.WHISTLE_ARRIVED) {
            Label by = new Label(who(m.by(), s));
            by.getStyleClass().add(IncidentsWidget.META);
            by.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(by);
        }
        row.getStyleClass().add(MOMENT);
        return row;
    }

    /** Who took a step: a seat, the hub, a unit by its name, a camera by its name. */
    private static String who(String by, Situation s) {
        return switch (by) {
            case "center" -> I18n.t("issuer.CENTER");
            case "district" -> I18n.t("issuer.DISTRICT");
            case "hub" -> I18n.t("incident.by.hub");
            case "override" -> I18n.t("incident.by.override");
            default -> {
                if (s.units().get(by) != null) {
                    yield s.units().get(by).name();
                }
                yield s.cameras().get(by) != null ? s.cameras().get(by).name() : by;
            }
        };
    }

    // --- 吹哨报到 -------------------------------------------------------------------------------------

    /** The departments a street summons most, as the seed names them. */
    static final List<String> DEPARTMENTS = List.of("供电公司", "燃气集团", "排水集团", "城管执法队", "园林绿化", "派出所",
            "消防救援");

    private void buildWhistleForm() {
        FlowPane choices = new FlowPane(10, 4);
        for (String d : DEPARTMENTS) {
            CheckBox box = new CheckBox(d);
            box.getStyleClass().add(DEPARTMENT_CHOICE);
            departments.add(box);
            choices.getChildren().add(box);
        }
        whistleReason.getStyleClass().add(WHISTLE_REASON);
        whistleReason.setPromptText(I18n.t("incident.whistle.reason"));
        Button blow = action(I18n.t("incident.whistle.send"));
        blow.setOnAction(e -> blowWhistle());
        blow.disableProperty().bind(whistle.disableProperty());
        HBox.setHgrow(whistleReason, Priority.ALWAYS);
        HBox reasonRow = new HBox(8, whistleReason, blow);
        reasonRow.setAlignment(Pos.CENTER_LEFT);
        whistleForm.getChildren().setAll(choices, reasonRow);
        whistleForm.setVisible(false);
        whistleForm.managedProperty().bind(whistleForm.visibleProperty());
    }

    private void blowWhistle() {
        List<String> chosenDepartments = departments.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        String reason = whistleReason.getText() == null ? "" : whistleReason.getText().strip();
        if (chosenDepartments.isEmpty() || reason.isEmpty()) {
            say(I18n.t("incident.whistle.incomplete"), Theme.WARNING);
            return;
        }
        String incidentId = file.incident().id();
        whistleForm.setVisible(false);
        departments.forEach(b -> b.setSelected(false));
        whistleReason.clear();
        String names = String.join("、", chosenDepartments);
        send(I18n.t("incident.whistle.sending", names), () -> commands.whistle(incidentId, reason, chosenDepartments),
                I18n.t("incident.whistle.sent", names));
    }

    /** A summoned department: its 报到 state and time, and a button to record its arrival while it has not reported. */
    private HBox departmentRow(CaseFile.WhistleLine w, int index) {
        CaseFile.Summoned d = w.departments().get(index);
        Label state = text(d.arrivedAt() == null ? I18n.t("incident.whistle.waiting", d.department())
                : I18n.t(d.onTime() ? "incident.whistle.arrived" : "incident.whistle.late", d.department(),
                        Formats.clock(d.arrivedAt())));
        state.getStyleClass().add(DEPARTMENT_STATE);
        Theme.setState(state, d.arrivedAt() == null ? Theme.WARNING : d.onTime() ? Theme.OK : Theme.CRITICAL);
        HBox row = new HBox(8, state);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId(w.id() + "-" + index);
        row.getStyleClass().add(DEPARTMENT_ROW);
        if (d.arrivedAt() == null && w.open()) {
            Button arrived = action(I18n.t("incident.whistle.record"));
            arrived.setDisable(sending || !maySummon());
            arrived.setOnAction(e -> send(I18n.t("incident.whistle.recording", d.department()),
                    () -> commands.whistleArrived(w.id(), d.department()),
                    I18n.t("incident.whistle.recorded", d.department())));
            row.getChildren().add(arrived);
        }
        return row;
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
        boolean off = !maySummon() || sending;
        if (i.state() == IncidentState.DISPOSED) {
            Button check = action(I18n.t("incident.loop.check"));
            check.setDisable(off);
            check.setOnAction(e -> send(I18n.t("incident.loop.sending"),
                    () -> commands.advanceCase(i.id(), IncidentState.CHECKING.name()), I18n.t("incident.loop.checking")));
            nodes.add(check);
        } else if (i.state() == IncidentState.CHECKING) {
            Button close = action(I18n.t("incident.loop.close"));
            close.setDisable(off || !context.mayClose());
            close.setOnAction(e -> send(I18n.t("incident.loop.sending"),
                    () -> commands.closeCase(i.id(), I18n.t("incident.loop.closeNote")), I18n.t("incident.loop.closed")));
            Button rework = action(I18n.t("incident.loop.rework"));
            rework.setDisable(off);
            rework.setOnAction(e -> send(I18n.t("incident.loop.sending"),
                    () -> commands.advanceCase(i.id(), IncidentState.REWORK.name()), I18n.t("incident.loop.reworked")));
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
        send(I18n.t("map.dispatch.sending", name),
                () -> commands.issueOrder(incidentId, u.id(), task.getText(), p == null ? null : p.name()),
                I18n.t("incident.sent", name));
    }

    private void reassign(DispatchOrder o, RecommendedUnit u) {
        String name = u.name() == null ? u.id() : u.name();
        send(I18n.t("incident.reassigning", o.id(), name), () -> commands.reassignOrder(o.id(), u.id()),
                I18n.t("incident.reassigned", o.id(), name));
    }

    /** 并案: the 12345 order joins the case, to be 办结 by its 结案. */
    private void join(Complaint c) {
        String incidentId = file.incident().id();
        send(I18n.t("incident.complaint.joining", c.orderNo()), () -> commands.linkComplaint(incidentId, c.orderNo()),
                I18n.t("incident.complaint.joinedNow", c.orderNo()));
    }

    private void cancel(DispatchOrder o) {
        send(I18n.t("incident.cancelling", o.id()), () -> commands.cancelOrder(o.id()),
                I18n.t("incident.cancelled", o.id()));
    }

    private void send(String sendingText, Supplier<CompletableFuture<Outcome>> command, String doneText) {
        if (context.notYetConnected()) {
            say(I18n.t("wall.notConnected"), Theme.WARNING); // the picture may be the one kept from the last run
            return;
        }
        sending = true;
        disableActions(true);
        say(sendingText, Theme.INFO);
        command.get().thenAccept(result -> Platform.runLater(() -> {
            sending = false;
            if (result instanceof Outcome.Done) {
                say(doneText, Theme.OK);
            } else if (result instanceof Outcome.Queued q) {
                say(I18n.t("incident.queued", q.waiting()), Theme.WARNING);
            } else if (result instanceof Outcome.Refused r) {
                forbidden |= r.status() == 401 || r.status() == 403;
                say(I18n.t("map.dispatch.refused", r.status(), r.message()), Theme.CRITICAL);
            } else if (result instanceof Outcome.Failed f) {
                say(I18n.t("incident.failed", f.reason()), Theme.CRITICAL);
            }
            // the next situation shows the order; the buttons come back with it (or now, if nothing changed)
            shownOrders = null;
            shownUnits = null;
            shownWhistles = null;
            shownLoop = null;
            lastSecond = Long.MIN_VALUE;
            last = null;
        }));
    }

    /** The buttons that send orders, while one is on its way. */
    private void disableActions(boolean off) {
        whistle.setDisable(off);
        for (Pane part : List.of(recommended, orders, whistles, loop, complaints.node())) {
            part.lookupAll("." + ACTION).forEach(n -> n.setDisable(off));
        }
    }

    private void say(String text, String state) {
        outcome.setText(text);
        Theme.setState(outcome, state);
    }

    // --- small builders -------------------------------------------------------------------------------

    private static VBox section() {
        VBox v = new VBox(4);
        v.getStyleClass().add(SECTION);
        return v;
    }

    private void showDrillMark(boolean drill) {
        drillMark.setVisible(drill);
        drillMark.setManaged(drill);
    }

    private static Label heading(String text) {
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

    private static Label text(String text) {
        Label l = new Label(text == null ? "" : text);
        l.getStyleClass().add(TEXT);
        l.setMinWidth(0);
        return l;
    }

    private static Button action(String text) {
        Button b = new Button(text);
        b.getStyleClass().add(ACTION);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
