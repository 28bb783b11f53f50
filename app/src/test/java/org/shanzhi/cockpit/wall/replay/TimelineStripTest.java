package org.shanzhi.cockpit.wall.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Kpi;

/** The timeline's time labels and its bars, as pure choices. */
class TimelineStripTest {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(Kpi.BEIJING);

    static Instant beijing(String dayTime) {
        return Instant.parse(dayTime + "+08:00");
    }

    static List<String> labels(String from, String to, double width) {
        return TimelineStrip.ticks(beijing(from), beijing(to), width, TimelineStrip.LABEL_GAP).stream()
                .map(HH_MM::format).toList();
    }

    @Test
    void aStormDayOnAWideStripIsLabelledEveryHour() {
        List<String> l = labels("2026-05-30T06:00:00", "2026-05-30T22:00:00", 1900);
        assertThat(l).hasSize(17).startsWith("06:00", "07:00").endsWith("22:00");
    }

    @Test
    void onANarrowStripTheLabelsThinOutSoTheyDoNotCrowd() {
        assertThat(labels("2026-05-30T06:20:00", "2026-05-30T21:50:00", 800))
                .containsExactly("08:00", "10:00", "12:00", "14:00", "16:00", "18:00", "20:00");
        assertThat(labels("2026-05-30T00:00:00", "2026-05-31T00:00:00", 300))
                .containsExactly("00:00", "06:00", "12:00", "18:00", "00:00");
    }

    @Test
    void anHourLongReplayIsLabelledInWholeMinutesOfTheClock() {
        assertThat(labels("2026-05-30T08:15:00", "2026-05-30T09:20:00", 600))
                .containsExactly("08:20", "08:30", "08:40", "08:50", "09:00", "09:10", "09:20");
    }

    @Test
    void labelsAreNeverCloserThanTheGapWhateverTheRangeAndWidth() {
        Instant start = beijing("2026-05-30T07:43:10");
        for (long minutes : new long[] {3, 47, 200, 1000, 5000, 60_000}) {
            Instant end = start.plusSeconds(minutes * 60);
            for (double width : new double[] {300, 960, 1900, 5760}) {
                List<Instant> ticks = TimelineStrip.ticks(start, end, width, TimelineStrip.LABEL_GAP);
                double pixelsPerMilli = width / (end.toEpochMilli() - start.toEpochMilli());
                for (int i = 0; i < ticks.size(); i++) {
                    assertThat(ticks.get(i)).isBetween(start, end);
                    assertThat(ticks.get(i).atZone(Kpi.BEIJING).getMinute() % 5).isZero();
                    if (i > 0) {
                        assertThat((ticks.get(i).toEpochMilli() - ticks.get(i - 1).toEpochMilli()) * pixelsPerMilli)
                                .as(minutes + " min on " + width + " px").isGreaterThanOrEqualTo(TimelineStrip.LABEL_GAP);
                    }
                }
            }
        }
        assertThat(TimelineStrip.ticks(start, start, 1900, 64)).isEmpty();
    }

    @Test
    void theBusiestBarFillsTheHeightAndAnyEventIsVisible() {
        assertThat(TimelineStrip.barHeight(400, 400, 36)).isEqualTo(36);
        assertThat(TimelineStrip.barHeight(1, 400, 36)).isEqualTo(TimelineStrip.MIN_BAR);
        assertThat(TimelineStrip.barHeight(100, 400, 36)).isEqualTo(18);
        assertThat(TimelineStrip.barHeight(0, 400, 36)).isZero();
        assertThat(TimelineStrip.barHeight(3, 5, 36)).isGreaterThan(TimelineStrip.barHeight(2, 5, 36));
    }
}
