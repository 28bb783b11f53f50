package org.shanzhi.cockpit.wall.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.HubCommands.Outcome;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.video.CameraStill;

/**
 * AI预警研判 (未诉先办 triage): the AI alerts waiting for review, one entry per algorithm × camera burst
 * ({@link org.shanzhi.cockpit.domain.AlertTriage}), newest first, each with a picture of its camera and the
 * alert's boxes drawn over it, and three answers: 确认立案, 误报 (with its reason), 合并 into a nearby open case.
 * An entry leaves the queue when its reviews come back in the situation; what the hub answered stays on the entry
 * until then. On the FX thread; reviews go to the hub on okhttp's threads, stills are read on their own pool.
 * Options: {@code limit} (entries shown).
 */
public final class TriageWidget implements Widget {

    static final String ROOT = "triage";
    static final String ENTRY = "triage-entry";
    static final String PICTURE = "triage-picture";
    static final String BOX = "triage-box";
    static final String BOX_LABEL = "triage-box-label";
    static final String KIND = "triage-kind";
    static final String FOLDED = "triage-folded";
    static final String META = "triage-meta";
    static final String NOTE = "triage-note";
    static final String ACTION = "triage-action";
    static final String ACCEPT = "triage-accept";
    static final String REJECT = "triage-reject";
    static final String MERGE = "triage-merge";
    static final String EMPTY = "triage-empty";
    static final String EMPTY_HINT = "triage-empty-hint";

    static final double PICTURE_W = 224;
    static final double PICTURE_H = 126;
    private static final double ACTIONS_W = 150;

    private final int limit;
    private final WallContext context;
    private final HubCommands commands;

    private final BorderPane root = new BorderPane();
    private final Label count = new Label();
    private final Label why = new Label();
    private final Label clock = new Label();
    private final VBox entries = new VBox();
    private final ScrollPane scroll;

    private Situation last;
    private List<TriageQueue.Row> shown;
    private final Map<String, Entry> nodes = new HashMap<>();
    /** Pictures by entry, taken once when the entry first shows; null while being read or when there is none. */
    private final Map<String, Image> stills = new HashMap<>();
    private final Set<String> asked = new HashSet<>();
    /** What the hub said to the last decision on an entry, until the entry leaves the queue. */
    private final Map<String, Note> notes = new HashMap<>();
    private final Set<String> sending = new HashSet<>();
    /** The hub refused a review for this token's role once: the buttons stay off from then on. */
    private boolean forbidden;

    private record Note(String text, String state) {
    }

    public TriageWidget(Placement placement, WallContext context) {
        int l = placement == null ? 12 : placement.options().path("limit").asInt(12);
        this.limit = Math.max(1, Math.min(50, l));
        this.context = context;
        this.commands = context.commands();

        Label name = new Label(I18n.t("triage.title"));
        name.getStyleClass().add(Theme.PANEL_TITLE);
        count.getStyleClass().add(Theme.PANEL_CLOCK);
        why.getStyleClass().add(NOTE);
        why.setMinWidth(0);
        Theme.setState(why, Theme.STALE);
        clock.getStyleClass().add(Theme.PANEL_CLOCK);
        clock.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, name, count, spacer, why, clock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Theme.PANEL_HEADER);

        entries.getStyleClass().add("triage-entries");
        entries.setFillWidth(true);
        scroll = new ScrollPane(entries);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);

        root.setTop(header);
        root.setCenter(scroll);
        root.getStyleClass().addAll(Theme.PANEL, ROOT);
        root.getStylesheets().add(Theme.stylesheet());
        render(Situation.empty());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(WallFrame frame) {
        Situation s = frame.situation();
        if (s != null && s != last && (last == null || s.alerts() != last.alerts() || s.incidents() != last.incidents()
                || s.cameras() != last.cameras() || s.time().getEpochSecond() / 60 != last.time().getEpochSecond() / 60)) {
            render(s);
        }
    }

    /** The entries shown, newest first. */
    List<TriageQueue.Row> rows() {
        return shown == null ? List.of() : shown;
    }

    /** The node of an entry (by its first alert's id), or null. */
    Node entryNode(String id) {
        Entry e = nodes.get(id);
        return e == null ? null : e.box;
    }

    private void render(Situation s) {
        last = s;
        boolean noData = s.time().equals(Situation.EPOCH);
        clock.setText(noData ? I18n.t("common.noData") : I18n.t("common.updated", Formats.clock(s.time())));
        TriageQueue.Rows rows = TriageQueue.rows(s, limit);
        count.setText(I18n.t("triage.count", rows.total(), rows.alerts()));
        String whyNot = whyNot();
        why.setText(whyNot == null ? "" : whyNot);
        if (rows.shown().equals(shown)) {
            nodes.values().forEach(Entry::enable); // the same rows, but perhaps now connected
            return;
        }
        shown = rows.shown();
        Set<String> ids = new HashSet<>();
        List<Node> list = new ArrayList<>();
        for (TriageQueue.Row r : shown) {
            ids.add(r.id());
            Entry e = new Entry(r, s);
            nodes.put(r.id(), e);
            list.add(e.box);
            askForStill(r);
        }
        nodes.keySet().retainAll(ids);
        stills.keySet().retainAll(ids);
        asked.retainAll(ids);
        notes.keySet().retainAll(ids);
        sending.retainAll(ids);
        // an empty queue says so across the middle of its column, with what will come there
        scroll.setFitToHeight(shown.isEmpty());
        entries.setAlignment(shown.isEmpty() ? Pos.CENTER : Pos.TOP_LEFT);
        if (shown.isEmpty()) {
            Label empty = new Label(I18n.t("triage.empty"));
            empty.getStyleClass().add(EMPTY);
            Label hint = new Label(I18n.t("triage.emptyHint"));
            hint.getStyleClass().add(EMPTY_HINT);
            hint.setWrapText(true);
            list.add(empty);
            list.add(hint);
        } else if (rows.total() > shown.size()) {
            Label more = new Label(I18n.t("common.more", rows.total() - shown.size()));
            more.getStyleClass().add(Theme.STATUS_MORE);
            list.add(more);
        }
        entries.getChildren().setAll(list);
    }

    private void askForStill(TriageQueue.Row r) {
        if (!context.hasHub() || r.camera() == null || !asked.add(r.id())) {
            return;
        }
        CameraStill.of(r.camera(), context.source(), context.token()).thenAccept(img -> Platform.runLater(() -> {
            if (img != null && asked.contains(r.id())) {
                stills.put(r.id(), img);
                Entry e = nodes.get(r.id());
                if (e != null) {
                    e.picture.setImage(img);
                }
            }
        }));
    }

    /** Why this wall cannot review, or null when it can (the hub still decides). */
    private String whyNot() {
        if (commands == null) {
            return I18n.t("triage.noHub");
        }
        if (context.notYetConnected()) {
            return I18n.t("wall.notConnected");
        }
        // reviewing takes the roles dispatching takes (operator, leader: docs/api.md)
        if (forbidden || !context.mayDispatch()) {
            return I18n.t("triage.role", context.seat());
        }
        return null;
    }

    private void send(TriageQueue.Row r, List<TriageQueue.Review> reviews, String doing, String done) {
        if (context.notYetConnected()) {
            say(r.id(), I18n.t("wall.notConnected"), Theme.WARNING); // the picture may be the one kept from the last run
            return;
        }
        sending.add(r.id());
        nodes.values().forEach(Entry::enable);
        say(r.id(), I18n.t("triage.sending", doing), Theme.INFO);
        sendInTurn(reviews, 0).thenAccept(result -> Platform.runLater(() -> {
            sending.remove(r.id());
            if (result instanceof Outcome.Done) {
                say(r.id(), done, Theme.OK);
            } else if (result instanceof Outcome.Queued q) {
                say(r.id(), I18n.t("incident.queued", q.waiting()), Theme.WARNING);
            } else if (result instanceof Outcome.Refused x) {
                forbidden |= x.status() == 401 || x.status() == 403;
                say(r.id(), I18n.t("triage.refused", x.status(), x.message()), Theme.CRITICAL);
            } else if (result instanceof Outcome.Failed f) {
                say(r.id(), I18n.t("triage.failed", f.reason()), Theme.CRITICAL);
            }
            String whyNot = whyNot();
            why.setText(whyNot == null ? "" : whyNot);
            nodes.values().forEach(Entry::enable);
        }));
    }

    /**
     * The reviews one after another, the first alert's first; stops at the first that is refused. One that has to
     * wait for the hub does not stop the others: the outbox sends them after it, in this order.
     */
    private CompletableFuture<Outcome> sendInTurn(List<TriageQueue.Review> reviews, int from) {
        TriageQueue.Review r = reviews.get(from);
        return commands.review(r.alertId(), r.body()).thenCompose(result ->
                (result instanceof Outcome.Done || result instanceof Outcome.Queued) && from + 1 < reviews.size()
                        ? sendInTurn(reviews, from + 1) : CompletableFuture.completedFuture(result));
    }

    private void say(String id, String text, String state) {
        notes.put(id, new Note(text, state));
        Entry e = nodes.get(id);
        if (e != null) {
            e.showNote();
        }
    }

    /** One entry's nodes: the picture with its boxes, what it is, the note, the three answers. */
    private final class Entry {
        final TriageQueue.Row row;
        final HBox box = new HBox(12);
        final ImageView picture = new ImageView();
        final Label note = label("", NOTE);
        final Button accept = new Button(I18n.t("triage.accept"));
        final MenuButton reject = new MenuButton(I18n.t("triage.reject"));
        final MenuButton merge = new MenuButton(I18n.t("triage.merge"));

        Entry(TriageQueue.Row r, Situation s) {
            this.row = r;
            Label kind = label(r.kind(), KIND);
            Label folded = label(I18n.t("triage.folded", r.folded()), FOLDED);
            folded.setMinWidth(Region.USE_PREF_SIZE);
            folded.setVisible(r.folded() > 1);
            folded.setManaged(r.folded() > 1);
            HBox title = new HBox(10, kind, folded);
            if (DrillMark.of(s, "alerts", r.id())) {
                title.getChildren().add(0, DrillMark.label());
            }
            title.setAlignment(Pos.CENTER_LEFT);
            String camera = r.camera() == null ? r.cameraId() : r.camera().name();
            Label what = label(I18n.t("triage.meta", r.confidence() * 100, camera), META);
            String from = Formats.when(r.first(), s.time());
            String to = Formats.when(r.latest(), s.time());
            String when = from.equals(to) ? to : I18n.t("triage.span", from, to);
            Label time = label(when, META);
            Label near = label(r.merges().isEmpty() ? I18n.t("triage.merge.none")
                    : I18n.t("triage.merge.near", r.merges().size(), r.merges().get(0).metres()), META);
            note.setWrapText(true);
            VBox info = new VBox(2, title, what, time, near, note);
            info.setMinWidth(0);
            HBox.setHgrow(info, Priority.ALWAYS);

            accept.getStyleClass().addAll(ACTION, ACCEPT);
            accept.setOnAction(e -> send(row, TriageQueue.accept(row), accept.getText(), I18n.t("triage.accepted")));
            reject.getStyleClass().addAll(ACTION, REJECT);
            for (AiAlert.FalseAlarm f : AiAlert.FalseAlarm.values()) {
                MenuItem item = new MenuItem(I18n.t("falseAlarm", f));
                item.setId(f.name());
                item.setOnAction(e -> send(row, TriageQueue.reject(row, f), I18n.t("triage.reject"),
                        I18n.t("triage.rejected", I18n.t("falseAlarm", f))));
                reject.getItems().add(item);
            }
            merge.getStyleClass().addAll(ACTION, MERGE);
            for (TriageQueue.MergeOption m : r.merges()) {
                MenuItem item = new MenuItem(I18n.t("triage.merge.option", m.title(), m.incidentId(), m.metres()));
                item.setId(m.incidentId());
                item.setOnAction(e -> send(row, TriageQueue.merge(row, m.incidentId()), I18n.t("triage.merge"),
                        I18n.t("triage.merged", m.incidentId())));
                merge.getItems().add(item);
            }
            VBox actions = new VBox(6, accept, reject, merge);
            for (ButtonBase b : List.of(accept, reject, merge)) {
                b.setMaxWidth(Double.MAX_VALUE);
            }
            actions.setMinWidth(ACTIONS_W);
            actions.setPrefWidth(ACTIONS_W);
            actions.setAlignment(Pos.CENTER);

            box.getChildren().addAll(picture(), info, actions);
            box.getStyleClass().add(ENTRY);
            box.setId(r.id());
            showNote();
            enable();
        }

        /** The camera's still (a dark frame until it arrives) with the newest alert's boxes over it. */
        private Pane picture() {
            picture.setFitWidth(PICTURE_W);
            picture.setFitHeight(PICTURE_H);
            picture.setImage(stills.get(row.id()));
            Pane p = new Pane(picture);
            p.getStyleClass().add(PICTURE);
            p.setMinSize(PICTURE_W, PICTURE_H);
            p.setPrefSize(PICTURE_W, PICTURE_H);
            p.setMaxSize(PICTURE_W, PICTURE_H);
            for (AiAlert.Box b : row.boxes()) {
                Rectangle r = new Rectangle(b.x() * PICTURE_W, b.y() * PICTURE_H, b.w() * PICTURE_W, b.h() * PICTURE_H);
                r.getStyleClass().add(BOX);
                p.getChildren().add(r);
                if (b.label() != null && !b.label().isBlank()) {
                    Label l = label(b.label(), BOX_LABEL);
                    l.relocate(b.x() * PICTURE_W, Math.max(0, b.y() * PICTURE_H - 18));
                    p.getChildren().add(l);
                }
            }
            Rectangle clip = new Rectangle(PICTURE_W, PICTURE_H);
            p.setClip(clip);
            return p;
        }

        void showNote() {
            Note n = notes.get(row.id());
            note.setText(n == null ? "" : n.text());
            note.setVisible(n != null);
            note.setManaged(n != null);
            Theme.setState(note, n == null ? null : n.state());
        }

        void enable() {
            boolean off = whyNot() != null || sending.contains(row.id());
            accept.setDisable(off);
            reject.setDisable(off);
            merge.setDisable(off || row.merges().isEmpty());
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text == null ? "" : text);
        l.getStyleClass().add(style);
        l.setMinWidth(0);
        return l;
    }

    @Override
    public String toString() {
        return "TriageWidget[limit " + limit + ", " + rows().size() + " shown]";
    }
}
