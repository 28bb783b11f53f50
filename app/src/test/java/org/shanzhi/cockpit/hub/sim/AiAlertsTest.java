package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;

class AiAlertsTest {

    /** The alerts with their collaborators: accepted alerts become cases that crews could take. */
    static final class World {
        final SimHarness h;
        final Cases cases;
        final AiAlerts alerts;
        private LocalDate day;

        World(long seed, AiAlerts.Rates rates) {
            h = new SimHarness(seed);
            cases = new Cases(h.ctx, Cases.Rates.defaults());
            alerts = new AiAlerts(h.ctx, rates, cases);
            cases.dispatchTo(
                    new Orders(h.ctx, Orders.Rates.defaults(), new Crews(h.ctx, Crews.Rates.defaults()), cases));
        }

        /** A tick of the intake, with the throttle reset at local midnight as the simulator does. */
        void intake() {
            LocalDate today = h.ctx.local().toLocalDate();
            if (!today.equals(day)) {
                day = today;
                alerts.newDay();
            }
            alerts.intake();
        }
    }

    @Test
    void everyAlertIsReviewedWithinMinutesAndMergedAcceptedOrRejected() {
        World w = new World(4, AiAlerts.Rates.defaults());
        w.h.until(SimHarness.day(2, "06:00"), w::intake);

        Map<String, SimHarness.Timed<Event.AiAlertRaised>> raised = w.h.of(Event.AiAlertRaised.class).stream()
                .collect(Collectors.toMap(t -> t.event().alertId(), Function.identity()));
        assertThat(raised).hasSizeBetween(40, 130); // 32 a day, plus duplicates
        assertThat(raised.values()).allSatisfy(t -> assertThat(SimHarness.INVENTORY.cameras()
                .get(t.event().cameraId()).ai()).isTrue());
        var reviews = w.h.of(Event.AiAlertReviewed.class);
        assertThat(reviews).hasSize(raised.size() - (int) w.h.situation.alerts().values().stream()
                .filter(a -> a.review() == AiAlert.Review.PENDING).count());
        for (var r : reviews) {
            var a = raised.get(r.event().alertId());
            assertThat(SimHarness.minutes(a.time(), r.time())).as(r.event().alertId()).isBetween(1.0, 8 + 1 / 6.0);
            switch (r.event().decision()) {
                case MERGED -> {
                    var first = raised.get(r.event().mergedInto());
                    assertThat(first.event().cameraId()).isEqualTo(a.event().cameraId());
                    assertThat(first.event().kind()).isEqualTo(a.event().kind());
                    assertThat(SimHarness.minutes(first.time(), a.time())).isBetween(3.0, 25 + 1 / 6.0);
                }
                case ACCEPTED -> {
                    Incident i = w.h.situation.incidents().get(r.event().incidentId());
                    assertThat(i.alertId()).isEqualTo(a.event().alertId());
                    assertThat(i.source()).isEqualTo(Incident.Source.AI);
                    Camera c = SimHarness.INVENTORY.cameras().get(a.event().cameraId());
                    assertThat(i.at().metresTo(c.at())).isLessThan(25 * Math.sqrt(2) + 1);
                    assertThat(i.category()).isEqualTo(Catalogue.AI_KINDS.stream().map(Catalogue.Weighted::value)
                            .filter(k -> k.kind().equals(a.event().kind())).findFirst().orElseThrow()
                            .becomes().category());
                }
                case REJECTED -> assertThat(r.event().incidentId()).isNull();
                default -> throw new AssertionError(r);
            }
        }
        assertThat(reviews).extracting(r -> r.event().decision())
                .contains(AiAlert.Review.MERGED, AiAlert.Review.ACCEPTED, AiAlert.Review.REJECTED);
    }

    @Test
    void aDaysAlertsAreThrottledAndTheThrottleStartsAgainAtMidnight() {
        World w = new World(4, new AiAlerts.Rates(2000, 5, 0, 0.45));
        w.h.until(SimHarness.day(1, "06:00"), w::intake);

        var raised = w.h.of(Event.AiAlertRaised.class);
        assertThat(raised.stream().filter(t -> t.time().isBefore(SimHarness.day(1, "00:00")))).hasSize(5);
        assertThat(raised.stream().filter(t -> !t.time().isBefore(SimHarness.day(1, "00:00")))).hasSize(5);
    }

    @Test
    void aSpottedAlertIsAcceptedAtOnceAsACase() {
        World w = new World(4, AiAlerts.Rates.defaults());
        Camera camera = SimHarness.INVENTORY.cameras().values().stream().filter(Camera::ai).filter(Camera::online)
                .findFirst().orElseThrow();

        w.h.once(() -> assertThat(w.alerts.spotted(camera, "树木倒伏", Catalogue.FALLEN_TREE)).isTrue());
        w.h.forward(Duration.ofMinutes(5));

        var raised = w.h.of(Event.AiAlertRaised.class).get(0);
        assertThat(raised.event().confidence()).isEqualTo(0.9);
        var review = w.h.of(Event.AiAlertReviewed.class).get(0);
        assertThat(review.event().decision()).isEqualTo(AiAlert.Review.ACCEPTED);
        assertThat(SimHarness.minutes(raised.time(), review.time())).isBetween(1.0, 4 + 1 / 6.0);
        Incident i = w.h.situation.incidents().get(review.event().incidentId());
        assertThat(i.title()).isEqualTo(Catalogue.FALLEN_TREE.title());
        assertThat(i.at().metresTo(camera.at())).isLessThan(30 * Math.sqrt(2) + 1);
    }

    @Test
    void aRestartedLifecycleReviewsWhatIsPendingAndKeepsTheDaysCount() {
        World before = new World(4, new AiAlerts.Rates(200, 30, 0.5, 0.45));
        before.h.until(SimHarness.day(0, "09:00"), before::intake);
        var atRestart = before.h.situation;
        long pending = atRestart.alerts().values().stream().filter(a -> a.review() == AiAlert.Review.PENDING).count();
        assertThat(pending).isPositive();
        int today = atRestart.alerts().size();

        World after = new World(77, new AiAlerts.Rates(200, 30, 0.5, 0.45));
        after.h.ctx.start(atRestart, atRestart.time());
        after.h.situation = atRestart;
        after.alerts.newDay();
        after.alerts.resume(atRestart);
        after.h.until(SimHarness.day(0, "23:00"), () -> after.alerts.intake());

        assertThat(after.h.situation.alerts().values()).noneMatch(a -> a.review() == AiAlert.Review.PENDING);
        // the pending duplicates found their first alert again
        for (AiAlert a : after.h.situation.alerts().values()) {
            if (a.review() == AiAlert.Review.MERGED) {
                AiAlert first = after.h.situation.alerts().get(a.mergedInto());
                assertThat(first.cameraId()).isEqualTo(a.cameraId());
                assertThat(first.kind()).isEqualTo(a.kind());
            }
        }
        // the throttle counts the alerts of the day before the restart: 30 first alerts in all
        long firsts = after.h.of(Event.AiAlertRaised.class).size() + today
                - after.h.situation.alerts().values().stream().filter(a -> a.review() == AiAlert.Review.MERGED).count();
        assertThat(firsts).isLessThanOrEqualTo(30);
    }
}
