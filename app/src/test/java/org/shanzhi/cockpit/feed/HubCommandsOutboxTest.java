package org.shanzhi.cockpit.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.feed.HubCommands.Outcome;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.json.Json;

/**
 * The wall's commands go through a real hub that dies between a command's write and its acknowledgement, or is
 * down when the command is given, and a wall that is restarted meanwhile: each command is applied exactly once, in
 * the order given, and a refusal reaches the operator without holding up the rest.
 */
class HubCommandsOutboxTest {

    @TempDir
    Path data;
    @TempDir
    Path wall;

    HubRuntime hub;

    void startHub() {
        hub = HubRuntime.start(HubRuntime.Config.local(data));
    }

    void append(List<Event> events) {
        List<Hub.Pending> batch = new ArrayList<>();
        events.forEach(e -> batch.add(new Hub.Pending(null, e)));
        hub.hub().append(batch, Hub.Origin.system("test"));
    }

    /** Free units U-11… and cases INC-1… waiting for dispatch. */
    void inventory(int n) {
        List<Event> events = new ArrayList<>(Fixtures.inventory());
        for (int i = 1; i <= n; i++) {
            GeoPoint at = new GeoPoint(Fixtures.WEST.lon() + 0.001 * i, Fixtures.WEST.lat());
            events.add(new Event.UnitRegistered(new FieldUnit("U-1" + i, "网格员" + i, FieldUnit.Role.GRID_WORKER,
                    UnitStatus.AVL, at, 0, null, null, false)));
            events.add(new Event.IncidentOpened("INC-" + i, "井盖缺失", "井盖缺失", Incident.Source.INSPECTOR,
                    Incident.Severity.HIGH, IncidentState.REPORTED, at, null, null));
            events.add(new Event.IncidentAdvanced("INC-" + i, IncidentState.REGISTERED, null));
            events.add(new Event.IncidentAdvanced("INC-" + i, IncidentState.PENDING_DISPATCH, null));
        }
        append(events);
    }

    /** The seqs of the orders (every dispatch is one) the journal holds for {@code incidentId}. */
    List<Long> dispatches(String incidentId) throws Exception {
        List<Long> seqs = new ArrayList<>();
        for (Journal.Row r : hub.hub().journal().readAfter(0, 100_000)) {
            if (r.type().equals("OrderIssued")
                    && Json.MAPPER.readTree(r.payload()).path("incidentId").asText().equals(incidentId)) {
                seqs.add(r.seq());
            }
        }
        return seqs;
    }

    String operator() {
        return hub.tokens().tokenOf(Role.OPERATOR);
    }

    @Test
    void aHubKilledBeforeItsAnswerArrivesAppliesTheCommandOnceAfterItsRestart() throws Exception {
        startHub();
        inventory(2);
        String token = operator();
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(hub.port());
             HubCommands commands = new HubCommands(proxy.url(), token,
                     CommandOutbox.open(wall.resolve("outbox.jsonl")))) {
            proxy.dropAnswers = true;
            CompletableFuture<Outcome> first = commands.dispatch("INC-1", "U-11");
            assertThat(proxy.answerDropped.await(20, TimeUnit.SECONDS)).isTrue();
            // the hub wrote the dispatch, then died before the wall heard of it
            hub.close();
            assertThat(first.get(20, TimeUnit.SECONDS)).isInstanceOf(Outcome.Queued.class);
            CompletableFuture<Outcome> second = commands.dispatch("INC-2", "U-12");
            assertThat(second.get(20, TimeUnit.SECONDS)).isInstanceOf(Outcome.Queued.class);
            assertThat(commands.waiting()).isEqualTo(2);

            startHub();
            proxy.dropAnswers = false;
            proxy.upstream(hub.port());
            await().atMost(Duration.ofSeconds(30)).until(() -> commands.waiting() == 0);
            assertThat(dispatches("INC-1")).hasSize(1);
            assertThat(dispatches("INC-2")).hasSize(1);
            assertThat(dispatches("INC-1").get(0)).isLessThan(dispatches("INC-2").get(0));
            assertThat(hub.hub().situation().incidents().get("INC-1").state()).isEqualTo(IncidentState.DISPATCHED);
        } finally {
            hub.close();
        }
    }

    @Test
    void commandsGivenWhileTheHubIsDownSurviveAWallRestartAndGoInOrderOnce() throws Exception {
        startHub();
        inventory(3);
        String token = operator();
        int port = hub.port();
        hub.close();
        Path file = wall.resolve("outbox.jsonl");
        try (HubCommands before = new HubCommands("http://127.0.0.1:" + port, token, CommandOutbox.open(file))) {
            for (int i = 1; i <= 3; i++) {
                assertThat(before.dispatch("INC-" + i, "U-1" + i).get(20, TimeUnit.SECONDS))
                        .isInstanceOfSatisfying(Outcome.Queued.class, q -> assertThat(q.reason()).isNotBlank());
            }
            assertThat(before.waiting()).isEqualTo(3);
        }
        // the wall was closed with three commands waiting: the file keeps them for the next run
        assertThat(Files.readAllLines(file)).hasSize(3);

        hub = HubRuntime.start(HubRuntime.Config.local(data).withPort(port));
        try (HubCommands after = new HubCommands("http://127.0.0.1:" + port, token, CommandOutbox.open(file))) {
            assertThat(after.waiting()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> after.waiting() == 0);
            long last = 0;
            for (int i = 1; i <= 3; i++) {
                List<Long> seqs = dispatches("INC-" + i);
                assertThat(seqs).hasSize(1);
                assertThat(seqs.get(0)).isGreaterThan(last);
                last = seqs.get(0);
            }
            // and the audit names each command once, with the operator's role
            assertThat(hub.hub().journal().audit(100)).filteredOn(a -> a.action().equals("dispatch"))
                    .hasSize(3).allMatch(a -> a.role().equals("operator"));
        } finally {
            hub.close();
        }
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aQueuedCommandTheHubRefusesIsToldAndTheNextOneStillGoes() throws Exception {
        startHub();
        inventory(1);
        String token = operator();
        int port = hub.port();
        hub.close();
        List<HubCommands.LateRefusal> refused = new CopyOnWriteArrayList<>();
        try (HubCommands commands = new HubCommands("http://127.0.0.1:" + port, token,
                CommandOutbox.open(wall.resolve("outbox.jsonl")))) {
            commands.onLateRefusal(refused::add);
            assertThat(commands.dispatch("INC-404", "U-11").get(20, TimeUnit.SECONDS)).isInstanceOf(Outcome.Queued.class);
            assertThat(commands.dispatch("INC-1", "U-11").get(20, TimeUnit.SECONDS)).isInstanceOf(Outcome.Queued.class);

            hub = HubRuntime.start(HubRuntime.Config.local(data).withPort(port));
            await().atMost(Duration.ofSeconds(30)).until(() -> commands.waiting() == 0);
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/api/v1/incidents/INC-404/dispatch");
                assertThat(r.refusal().status()).isEqualTo(404);
                assertThat(r.refusal().message()).contains("INC-404");
            });
            assertThat(dispatches("INC-1")).hasSize(1);

            // with the hub up, an answer comes straight back to the one who asked
            assertThat(commands.dispatch("INC-1", "U-11").get(20, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.status()).isEqualTo(422));
            assertThat(refused).hasSize(1);
        } finally {
            hub.close();
        }
    }
}
