package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.wall.cockpit.CockpitFigures;

/** One frame per pulse, from the source's newest situation, asked for only when its version moved. No FX. */
class WallPulseTest {

    /** A source that counts how often it is asked for its situation. */
    static final class Counting implements SituationSource {
        Situation latest;
        long version;
        int asked;
        FeedStatus status = new FeedStatus(FeedStatus.State.CONNECTING, Instant.EPOCH, 0, 0, 0, 0, null);

        void push(Situation s) {
            latest = s;
            version++;
        }

        @Override
        public Situation latest() {
            asked++;
            return latest;
        }

        @Override
        public long version() {
            return version;
        }

        @Override
        public FeedStatus status() {
            return status;
        }
    }

    @Test
    void eachPulseHandsOnOneFrameAndTheSourceIsAskedOnlyWhenItMoved() {
        Counting source = new Counting();
        Instant t = Instant.parse("2026-05-30T12:00:00Z");
        List<WallFrame> shown = new ArrayList<>();
        WallPulse pulse = new WallPulse(source, source::status, Clock.fixed(t, ZoneOffset.UTC), shown::add);

        WallFrame first = pulse.pulse();
        assertThat(first.hasSituation()).isFalse(); // the feed has nothing yet: the bar still says so
        assertThat(first.feed().state()).isEqualTo(FeedStatus.State.CONNECTING);
        assertThat(first.now()).isEqualTo(t);

        Situation s = Fixtures.district();
        source.push(s);
        source.status = new FeedStatus(FeedStatus.State.LIVE, t, s.seq(), 0, 0, 0, null);
        int before = source.asked;
        WallFrame live = pulse.pulse();
        assertThat(live.situation()).isSameAs(s);
        assertThat(live.feed().state()).isEqualTo(FeedStatus.State.LIVE);
        pulse.pulse();
        pulse.pulse();
        assertThat(source.asked - before).isEqualTo(1);
        assertThat(shown).hasSize(4);
        assertThat(shown.get(3).situation()).isSameAs(s);
        assertThat(pulse.frame()).isSameAs(shown.get(3));

        Situation next = Fixtures.with(s, new Event.SensorReported("S-1", 3));
        source.push(next);
        assertThat(pulse.pulse().situation()).isSameAs(next);
        assertThat(source.asked - before).isEqualTo(2);
    }

    /** The wall's figures.properties reaches the panels: the frames' figures are computed with the settings set. */
    @Test
    void theFramesFiguresUseTheSettingsSet() {
        Counting source = new Counting();
        source.push(Fixtures.with(Fixtures.district(), new Event.ComplaintReceived("O-1", Complaint.Channel.PHONE,
                Complaint.Type.COMPLAINT, "物业管理", Complaint.Priority.NORMAL, Fixtures.EAST, null, false)));
        WallPulse pulse = new WallPulse(source, source::status, Clock.systemUTC(), f -> { });
        assertThat(pulse.pulse().figures().minimum()).isEqualTo(Kpi.MinimumBase.DEFAULT);

        FigureSettings own = FigureSettings.DEFAULT.withMinimum(new Kpi.MinimumBase(5, 5, 5, 5));
        pulse.figures(own);
        assertThat(pulse.pulse().figures()).isEqualTo(CockpitFigures.of(source.latest, own));
    }
}
