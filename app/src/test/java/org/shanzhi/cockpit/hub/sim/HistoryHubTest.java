package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.json.Json;

/** A new hub on the default seed, as the wall's command starts it: the month is behind it when it is ready. */
class HistoryHubTest {

    @TempDir
    Path data;

    static final Instant ONE_PM = Simulator.DEFAULT_START.plus(Duration.ofHours(7));

    private HubRuntime start() {
        HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(s.seq() == 0 ? ONE_PM : s.time(), 60)));
        runtime.attach(ScenarioRunner.start(runtime.hub(), HeyiScenario.loadDefault(), History.DEFAULT_SEED,
                Simulator.DEFAULT_START));
        return runtime;
    }

    @Test
    void aNewHubJournalsTheMonthTheSimulatorMakesEachEntryReadingBackTheSame() {
        // HistoryTest holds that the shipped month is what the simulator makes; this, that the journal holds it
        HeyiScenario heyi = HeyiScenario.loadDefault();
        List<TimedEvent> month = History.month(heyi, History.DEFAULT_SEED, Simulator.DEFAULT_START);
        int inventory = heyi.inventory().size();
        try (HubRuntime runtime = start()) {
            List<Journal.Row> rows = runtime.hub().journal().readAfter(inventory, month.size());
            assertThat(rows).hasSize(month.size());
            assertThat(rows.get(0).seq()).isEqualTo(inventory + 1);
            assertThat(rows.stream().map(r -> r.time() + "\t" + r.type() + "\t" + r.payload()).toList())
                    .isEqualTo(month.stream().map(MonthAsset::line).toList());
            assertThat(rows).allSatisfy(r -> assertThat(Json.write(Json.readEvent(r.type(), r.payload())))
                    .isEqualTo(r.payload()));
        }
    }

    @Test
    void aNewHubHasTheMonthBehindItAndARestartCarriesItOn() {
        HubRuntime first = start();
        try (HubRuntime runtime = first) {
            Situation ready = runtime.hub().situation();
            assertThat(ready.time()).isBeforeOrEqualTo(ONE_PM);
            assertThat(ready.complaints().values().stream().filter(c -> c.revisit() != null).count())
                    .isGreaterThanOrEqualTo(300);
            assertThat(ready.disputes()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(ready.petitions()).hasSizeGreaterThanOrEqualTo(15);
            assertThat(ready.keyPeriods().values()).anySatisfy(k -> assertThat(k.name()).contains("五一"));
            await().atMost(Duration.ofSeconds(120)).until(() -> !runtime.hub().situation().time().isBefore(ONE_PM));
        }
        // read once closed: the scenario may have been appending a slice until then
        long head = first.hub().head();
        Instant stoppedAt = first.hub().situation().time();
        try (HubRuntime runtime = start()) {
            Situation again = runtime.hub().situation();
            assertThat(again.seq()).isEqualTo(head);
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.hub().head() > head);
            assertThat(runtime.hub().situation().time()).isAfterOrEqualTo(stoppedAt);
            // the month was journalled once: a restart lives on from the journal, not from the month again
            assertThat(runtime.hub().situation().complaints().keySet())
                    .containsAll(again.complaints().keySet());
        }
    }
}
