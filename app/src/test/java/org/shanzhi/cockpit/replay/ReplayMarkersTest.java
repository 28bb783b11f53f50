package org.shanzhi.cockpit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event.WarningIssued;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.recording.Recording;

/** A drill's events are its injects on the timeline; the same event made live is what it is. */
class ReplayMarkersTest {

    @Test
    void anEventADrillMadeIsAnInjectAndALiveOneKeepsItsKind() {
        Situation s = Fixtures.district();
        Instant t = Fixtures.T0.plus(Duration.ofHours(1));
        List<Recorded> events = List.of(
                new Recorded(s.seq() + 1, t, warning("W-1"), "D-1"),
                new Recorded(s.seq() + 2, t.plusSeconds(60), warning("W-2")));
        Recording.Header h = new Recording.Header(Recording.FORMAT, Recording.VERSION, "test", t, t.plusSeconds(60),
                s.seq() + 1, s.seq() + 2, 2, 1, 0, "");
        Replay r = new Replay(new Recording.Contents(h, List.of(new Recording.Snapshot(s.seq(), s)), events, null));
        assertThat(r.markers()).extracting(Marker::kind, Marker::position, Marker::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Marker.Kind.INJECT, 1, "D-1"),
                org.assertj.core.groups.Tuple.tuple(Marker.Kind.WARNING, 2, "W-2"));
        assertThat(r.situationAt(2).warnings()).hasSize(2);
    }

    static WarningIssued warning(String id) {
        return new WarningIssued(id, WeatherWarning.Hazard.GALE, WeatherWarning.Level.ORANGE, "区气象台",
                Fixtures.T0.plus(Duration.ofHours(12)));
    }
}
