package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.wall.cockpit.CockpitFigures;

/** The frame every widget is shown: its cockpit figures are computed once, when first asked, and go along. */
class WallFrameTest {

    static final Instant NOW = Instant.parse("2026-05-30T12:00:00Z");
    static final FeedStatus LIVE = new FeedStatus(FeedStatus.State.LIVE, NOW, 1, 0, 0, 0, null);

    @Test
    void theFiguresAreComputedOnlyWhenAskedAndThenOnce() {
        WallFrame f = WallFrame.of(Fixtures.district(), NOW, LIVE);
        assertThat(f.figuresComputed()).isFalse();
        CockpitFigures first = f.figures();
        assertThat(f.figuresComputed()).isTrue();
        assertThat(f.figures()).isSameAs(first);
        assertThat(first).isEqualTo(CockpitFigures.of(Fixtures.district()));
    }

    @Test
    void theNextFrameOfTheSameSituationSharesThemAndANewSituationHasItsOwn() {
        Situation s = Fixtures.district();
        WallFrame f = WallFrame.of(s, NOW, LIVE);
        WallFrame same = f.next(s, NOW.plusMillis(16), LIVE);
        assertThat(same.figuresComputed()).isFalse(); // shared, not yet asked by anyone
        CockpitFigures computed = same.figures();
        assertThat(f.figures()).isSameAs(computed);
        assertThat(same.now()).isEqualTo(NOW.plusMillis(16));

        Situation later = Fixtures.with(s, new Event.IncidentOpened("INC-9", "燃气泄漏", "燃气",
                Incident.Source.SENSOR, Incident.Severity.CRITICAL, null, Fixtures.EAST, null, null));
        WallFrame changed = same.next(later, NOW.plusMillis(32), LIVE);
        assertThat(changed.situation()).isSameAs(later);
        assertThat(changed.figuresComputed()).isFalse();
        assertThat(changed.figures()).isNotSameAs(computed);
        assertThat(changed.figures().city().opened().today())
                .isEqualTo(computed.city().opened().today() + 1);
    }

    @Test
    void beforeTheFirstSituationAnEmptyOneStandsInAndTheClockAndFeedTick() {
        FeedStatus connecting = new FeedStatus(FeedStatus.State.CONNECTING, NOW, 0, 0, 0, 0, null);
        WallFrame waiting = WallFrame.waiting(NOW, connecting);
        assertThat(waiting.hasSituation()).isFalse();
        assertThat(waiting.situation().seq()).isZero();
        WallFrame still = waiting.next(null, NOW.plusSeconds(1), connecting);
        assertThat(still.hasSituation()).isFalse();
        assertThat(still.now()).isEqualTo(NOW.plusSeconds(1));
        WallFrame first = still.next(Fixtures.district(), NOW.plusSeconds(2), LIVE);
        assertThat(first.hasSituation()).isTrue();
        assertThat(first.feed()).isEqualTo(LIVE);
        // a null situation from the source keeps the one shown
        assertThat(first.next(null, NOW.plusSeconds(3), LIVE).situation()).isSameAs(first.situation());
    }

    @Test
    void aPictureIsAtItsSituationsTimeAndLive() {
        Situation s = Fixtures.district();
        WallFrame picture = WallFrame.of(s);
        assertThat(picture.now()).isEqualTo(s.time());
        assertThat(picture.feed().state()).isEqualTo(FeedStatus.State.LIVE);
        assertThat(picture.feed().since()).isEqualTo(s.time());
    }
}
