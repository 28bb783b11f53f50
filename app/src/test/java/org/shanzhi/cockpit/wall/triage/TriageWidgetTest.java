package org.shanzhi.cockpit.wall.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shanzhi.cockpit.wall.WidgetHarness.fx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Vocabulary;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/**
 * The triage widget on a real hub: a folded entry, its picture, a false alarm sent and the entry gone after. Each
 * test leaves every alert it raised reviewed, so the next finds the queue empty.
 */
class TriageWidgetTest {

    static final AiAlert.Box STALL = new AiAlert.Box(0.30, 0.45, 0.25, 0.35, "摊位");

    @TempDir
    static Path data;
    static TestHub hub;
    static int runs;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        I18n.setLocale(I18n.DEFAULT);
        hub = new TestHub(data);
        append(Fixtures.inventory());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static void append(List<Event> events) {
        List<Hub.Pending> batch = new ArrayList<>();
        for (Event e : events) {
            batch.add(new Hub.Pending(hub.runtime.hub().clock().now(), e));
        }
        hub.runtime.hub().append(batch, Hub.Origin.system("test"));
    }

    /** Three alerts of one algorithm on CAM-1 (one entry), with an open case 50 m away; their ids. */
    static List<String> aStallIsReportedThreeTimes() {
        int n = ++runs;
        List<String> ids = List.of("AL-" + n + "a", "AL-" + n + "b", "AL-" + n + "c");
        GeoPoint near = new GeoPoint(Fixtures.WEST.lon() + 0.0006, Fixtures.WEST.lat());
        append(List.of(
                new Event.IncidentOpened("INC-" + n, "占道经营", "占道经营", Incident.Source.INSPECTOR,
                        Incident.Severity.LOW, IncidentState.REPORTED, near, null, null),
                new Event.AiAlertRaised(ids.get(0), "CAM-1", "占道经营" + n, "882", 0.81, List.of()),
                new Event.AiAlertRaised(ids.get(1), "CAM-1", "占道经营" + n, "882", 0.86, List.of()),
                new Event.AiAlertRaised(ids.get(2), "CAM-1", "占道经营" + n, "882", 0.92, List.of(STALL))));
        return ids;
    }

    static TriageWidget mount(Role role, String roleName) throws Exception {
        WallContext context = new WallContext(() -> null, hub.runtime.baseUrl(), hub.token(role), roleName,
                new WallLinks());
        TriageWidget w = WidgetHarness.mount(
                () -> new TriageWidget(WidgetHarness.placement(WidgetType.TRIAGE, "{}"), context), 960, 1000);
        WidgetHarness.show(w, hub.runtime.hub().situation());
        return w;
    }

    static <T extends ButtonBase> T button(TriageWidget w, String id, String style) throws Exception {
        return fx(() -> {
            @SuppressWarnings("unchecked")
            T b = (T) w.entryNode(id).lookup("." + style);
            return b;
        });
    }

    static List<String> texts(TriageWidget w, String id) throws Exception {
        return fx(() -> WidgetHarness.texts(w.entryNode(id)));
    }

    @Test
    void aFalseAlarmWithItsReasonReachesTheHubAndTheEntryLeavesWhenTheReviewsComeBack() throws Exception {
        List<String> ids = aStallIsReportedThreeTimes();
        TriageWidget w = mount(Role.OPERATOR, "operator");
        String first = ids.get(0);
        TriageQueue.Row row = w.rows().stream().filter(r -> r.id().equals(first)).findFirst().orElseThrow();
        assertThat(row.alertIds()).containsExactlyElementsOf(ids);
        assertThat(fx(() -> WidgetHarness.texts(w.node()))).contains("待研判 1 项 · 预警 3 条");
        assertThat(texts(w, first)).contains("占道经营" + runs, "连续报警 3 次", "置信度 92% · 西门", "确认立案", "误报", "合并")
                .anyMatch(t -> t.startsWith("附近在办案件 1 件,最近 5"));
        // the newest alert's box over the camera's picture, which the hub's simulated camera sends
        assertThat(fx(() -> w.entryNode(first).lookupAll("." + TriageWidget.BOX).size())).isEqualTo(1);
        ImageView picture = fx(() -> (ImageView) w.entryNode(first).lookup("." + TriageWidget.PICTURE + " > .image-view"));
        await().atMost(Duration.ofSeconds(15)).until(() -> fx(() -> picture.getImage() != null));
        WidgetHarness.png(w, Path.of("target", "triage", "triage.png"));
        assertThat(fx(() -> Vocabulary.offencesShown(w.node()))).as("developer words or old names").isEmpty();

        MenuButton reject = button(w, first, TriageWidget.REJECT);
        assertThat(reject.isDisabled()).isFalse();
        assertThat(reject.getItems()).extracting(MenuItem::getText)
                .containsExactly("误识别", "正常活动", "现场已消失", "画面不清", "其他");
        fx(() -> {
            reject.getItems().stream().filter(i -> i.getId().equals("NORMAL_ACTIVITY")).findFirst().orElseThrow().fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> texts(w, first).contains("已标记误报:正常活动"));
        for (String id : ids) {
            AiAlert a = hub.runtime.hub().situation().alerts().get(id);
            assertThat(a.review()).isEqualTo(AiAlert.Review.REJECTED);
            assertThat(a.falseAlarm()).isEqualTo(AiAlert.FalseAlarm.NORMAL_ACTIVITY);
        }

        WidgetHarness.show(w, hub.runtime.hub().situation());
        assertThat(w.rows()).noneMatch(r -> r.id().equals(first));
        assertThat(w.entryNode(first)).isNull();
    }

    @Test
    void mergingSendsTheFirstAlertToTheCaseAndTheRepeatsAfterIt() throws Exception {
        List<String> ids = aStallIsReportedThreeTimes();
        TriageWidget w = mount(Role.OPERATOR, "operator");
        MenuButton merge = button(w, ids.get(0), TriageWidget.MERGE);
        assertThat(merge.getItems()).extracting(MenuItem::getText).anyMatch(t -> t.startsWith("占道经营(INC-" + runs + ")· 5"));
        fx(() -> {
            merge.getItems().stream().filter(i -> i.getId().equals("INC-" + runs)).findFirst().orElseThrow().fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> texts(w, ids.get(0)).contains("已合并至 INC-" + runs));
        assertThat(hub.runtime.hub().situation().alerts().get(ids.get(0)).incidentId()).isEqualTo("INC-" + runs);
        assertThat(hub.runtime.hub().situation().alerts().get(ids.get(2)).mergedInto()).isEqualTo(ids.get(0));
    }

    @Test
    void confirmingOpensACaseForTheFirstAlertAndTheRepeatsJoinIt() throws Exception {
        List<String> ids = aStallIsReportedThreeTimes();
        TriageWidget w = mount(Role.OPERATOR, "operator");
        Button accept = button(w, ids.get(0), TriageWidget.ACCEPT);
        fx(() -> {
            accept.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> texts(w, ids.get(0)).contains("已确认立案,等待回传"));
        AiAlert first = hub.runtime.hub().situation().alerts().get(ids.get(0));
        assertThat(first.review()).isEqualTo(AiAlert.Review.ACCEPTED);
        assertThat(hub.runtime.hub().situation().incidents().get(first.incidentId()).source()).isEqualTo(Incident.Source.AI);
        assertThat(hub.runtime.hub().situation().alerts().get(ids.get(1)).mergedInto()).isEqualTo(ids.get(0));
        WidgetHarness.show(w, hub.runtime.hub().situation());
        assertThat(w.rows()).noneMatch(r -> ids.contains(r.id()));
    }

    @Test
    void aViewerWallShowsTheButtonsOffAndSaysWhy() throws Exception {
        List<String> ids = aStallIsReportedThreeTimes();
        TriageWidget w = mount(Role.VIEWER, "viewer");
        Button accept = button(w, ids.get(0), TriageWidget.ACCEPT);
        assertThat(accept.isDisabled()).isTrue();
        assertThat(button(w, ids.get(0), TriageWidget.REJECT).isDisabled()).isTrue();
        assertThat(fx(() -> WidgetHarness.texts(w.node()))).anyMatch(t -> t.contains("当前身份(观看席)无研判权限"));
        // reviewed by someone else meanwhile
        append(List.of(new Event.AiAlertReviewed(ids.get(0), AiAlert.Review.ACCEPTED, "INC-" + runs, null, null)));
        for (String id : ids.subList(1, 3)) {
            append(List.of(new Event.AiAlertReviewed(id, AiAlert.Review.MERGED, null, ids.get(0), null)));
        }
        WidgetHarness.show(w, hub.runtime.hub().situation());
        assertThat(w.rows()).noneMatch(r -> ids.contains(r.id()));
    }

    @Test
    void aWallWithoutAHubListsTheQueueAndCannotReview() throws Exception {
        List<String> ids = aStallIsReportedThreeTimes();
        TriageWidget w = WidgetHarness.mount(() -> new TriageWidget(WidgetHarness.placement(WidgetType.TRIAGE, "{}"),
                new WallContext(() -> null, "snapshot")), 960, 1000);
        WidgetHarness.show(w, hub.runtime.hub().situation());
        assertThat(w.rows()).anyMatch(r -> r.id().equals(ids.get(0)));
        assertThat(button(w, ids.get(0), TriageWidget.ACCEPT).isDisabled()).isTrue();
        Node root = w.node();
        assertThat(fx(() -> WidgetHarness.texts(root))).contains("未连接指挥平台,不能研判");
        // the queue empty again for the other tests, which count its entries
        for (String id : ids) {
            append(List.of(new Event.AiAlertReviewed(id, AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.OTHER)));
        }
        // an empty queue says so, and what will come there
        WidgetHarness.show(w, hub.runtime.hub().situation());
        assertThat(fx(() -> WidgetHarness.texts(root))).contains("暂无待研判预警")
                .anyMatch(t -> t.startsWith("新的AI预警一到即在此列出"));
    }

    @Test
    void whileTheWallHasNotReachedItsHubTheButtonsAreOffAndSaySo() throws Exception {
        List<String> ids = aStallIsReportedThreeTimes();
        // a wall that started on the picture it kept and has had no answer from its hub yet
        AtomicReference<FeedStatus> status = new AtomicReference<>(
                new FeedStatus(FeedStatus.State.CONNECTING, Instant.now(), 0, 0, 0, 0, null));
        WallContext context = new WallContext(status::get, hub.runtime.baseUrl(), hub.token(Role.OPERATOR), "operator",
                new WallLinks());
        TriageWidget w = WidgetHarness.mount(
                () -> new TriageWidget(WidgetHarness.placement(WidgetType.TRIAGE, "{}"), context), 960, 1000);
        WidgetHarness.show(w, hub.runtime.hub().situation());
        assertThat(button(w, ids.get(0), TriageWidget.ACCEPT).isDisabled()).isTrue();
        assertThat(button(w, ids.get(0), TriageWidget.REJECT).isDisabled()).isTrue();
        assertThat(fx(() -> WidgetHarness.texts(w.node()))).contains("正在连接指挥平台，连上前不能下达指令");

        // the hub answers: the same rows, now with their buttons on
        status.set(new FeedStatus(FeedStatus.State.LIVE, Instant.now(), 0, 0, 0, 0, null));
        WidgetHarness.show(w, Json.readSnapshot(hub.runtime.hub().snapshotJson())); // a new situation, the same rows
        assertThat(button(w, ids.get(0), TriageWidget.ACCEPT).isDisabled()).isFalse();
        assertThat(fx(() -> WidgetHarness.texts(w.node()))).doesNotContain("正在连接指挥平台，连上前不能下达指令");
        for (String id : ids) {
            append(List.of(new Event.AiAlertReviewed(id, AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.OTHER)));
        }
    }
}
