package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 和E办's forecast and 诉求趋势预警 on fixtures with a known trend, the figures computed by hand. */
class ForecastTest {

    private static Instant beijing(int month, int day, int hour) {
        return OffsetDateTime.of(2026, month, day, hour, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    }

    private static Situation at(Situation s, Instant t, Event e) {
        return s.apply(new Recorded(s.seq() + 1, t, e));
    }

    private static int orders;

    private static Situation order(Situation s, Instant t, String category, GeoPoint where) {
        return at(s, t, new Event.ComplaintReceived("O-" + ++orders, Complaint.Channel.PHONE,
                Complaint.Type.COMPLAINT, category, Complaint.Priority.NORMAL, where, null, false));
    }

    /** An order taken round to its reply and revisited, all at {@code t}. */
    private static Situation revisited(Situation s, Instant t, boolean resolved, boolean satisfied) {
        s = order(s, t, "物业管理", EAST);
        String no = "O-" + orders;
        for (ComplaintState st : List.of(ComplaintState.DISPATCHED, ComplaintState.SIGNED, ComplaintState.CONTACTED,
                ComplaintState.IN_PROGRESS, ComplaintState.REPLIED)) {
            s = at(s, t, new Event.ComplaintAdvanced(no, st));
        }
        return at(s, t, new Event.ComplaintRevisited(no, true,
                resolved ? Complaint.Resolution.YES : Complaint.Resolution.NO,
                satisfied ? Complaint.Satisfaction.SATISFIED : Complaint.Satisfaction.UNSATISFIED));
    }

    /**
     * June: ten 回访 on the 2nd, all resolved and satisfied; ten in the last seven days, half of them. On the 21st at
     * 00:00 ten days are left, at the recent pace of 10 / 7 a day: 100 / 7 more 回访 at the recent 50 %. So the
     * month ends at (15 + 50/7) / (20 + 100/7) = (155/7) / (240/7) = 155/240 for 解决率 and 满意率, 响应率 stays 1, and
     * 综合得分 = 0.30 + 0.35 × 155/240 × 2.
     */
    @Test
    void theMonthEndsAtTheRecentPaceAndRates() {
        Situation s = Fixtures.district();
        for (int i = 0; i < 10; i++) {
            s = revisited(s, beijing(6, 2, 10), true, true);
        }
        for (int i = 0; i < 10; i++) {
            s = revisited(s, beijing(6, 15 + i / 2, 10), i % 2 == 0, i % 2 == 0);
        }
        Forecast.MonthEnd f = Forecast.threeRatesAtMonthEnd(s, beijing(6, 21, 0), Kpi.Weights.DEFAULT);
        assertThat(f.soFar().evaluated()).isEqualTo(20);
        assertThat(f.soFar().resolution()).isEqualTo(0.75);
        assertThat(f.recent().evaluated()).isEqualTo(10);
        assertThat(f.recent().resolution()).isEqualTo(0.5);
        assertThat(f.expected()).isCloseTo(100 / 7.0, within(1e-9));
        assertThat(f.atMonthEnd().evaluated()).isEqualTo(34);
        assertThat(f.atMonthEnd().response()).isCloseTo(1.0, within(1e-12));
        assertThat(f.atMonthEnd().resolution()).isCloseTo(155 / 240.0, within(1e-12));
        assertThat(f.atMonthEnd().satisfaction()).isCloseTo(155 / 240.0, within(1e-12));
        assertThat(f.atMonthEnd().score()).isCloseTo(0.30 + 0.35 * 155 / 240.0 * 2, within(1e-12));

        // on the month's last instant nothing more is expected: the forecast is the month so far
        Forecast.MonthEnd last = Forecast.threeRatesAtMonthEnd(s, beijing(7, 1, 0).minusMillis(1),
                Kpi.Weights.DEFAULT);
        assertThat(last.atMonthEnd().resolution()).isCloseTo(last.soFar().resolution(), within(1e-6));
    }

    @Test
    void nothingRevisitedForecastsNothing() {
        Forecast.MonthEnd f = Forecast.threeRatesAtMonthEnd(Fixtures.district(), beijing(6, 21, 0),
                Kpi.Weights.DEFAULT);
        assertThat(f.atMonthEnd().evaluated()).isZero();
        assertThat(f.atMonthEnd().score()).isNaN();
    }

    /**
     * Before 06-29 12:00 (Beijing): 物业管理 had 2, 4, 3 orders in the three weeks before the last (mean 3, σ =
     * √(2/3) ≈ 0.816, threshold ≈ 4.63) and 9 in the last: rising. 停车 had 5, 5, 5 (σ 0, threshold 5) and 6: rising,
     * just. 噪音 had none and then 4: above its history but under the minimum of 5. 供暖 5, 7, 6 then 7 (threshold
     * 6 + 1.63): not. By community: 东社区 holds 物业管理 and 停车, 7, 9, 8 then 15 (mean 8, σ 0.816): rising; 西社区
     * holds 噪音 and 供暖: 5, 7, 6 then 11: rising.
     */
    @Test
    void aCategoryOrCommunityRisingAboveItsOwnHistoryIsListedWithItsBaseline() {
        Instant now = beijing(6, 29, 12);
        int[][] east = {{2, 4, 3, 9}, {5, 5, 5, 6}}; // weeks 3, 2, 1 before the last, then the last
        int[][] west = {{0, 0, 0, 4}, {5, 7, 6, 7}};
        String[] eastNames = {"物业管理", "停车"};
        String[] westNames = {"噪音", "供暖"};
        // the record begins before the three weeks (an order four weeks back, outside every week compared)
        Situation s = order(Fixtures.district(), now.minus(Duration.ofDays(29)), "其他", WEST);
        for (int week = 0; week < 4; week++) {
            // a day into each week, counted back from now: weeks 3, 2, 1, then the last
            Instant t = now.minus(Duration.ofDays(7L * (3 - week) + 1));
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < east[c][week]; i++) {
                    s = order(s, t, eastNames[c], EAST);
                }
                for (int i = 0; i < west[c][week]; i++) {
                    s = order(s, t, westNames[c], WEST);
                }
            }
        }
        List<Forecast.Rising> up = Forecast.rising(s, now, Forecast.TrendRule.DEFAULT);
        double sd = Math.sqrt(2 / 3.0);
        assertThat(up).extracting(Forecast.Rising::name).containsExactly("东社区", "物业管理", "西社区", "停车");
        Forecast.Rising property = up.get(1);
        assertThat(property.group()).isEqualTo(Forecast.Group.CATEGORY);
        assertThat(property.lastWeek()).isEqualTo(9);
        assertThat(property.mean()).isCloseTo(3.0, within(1e-12));
        assertThat(property.sd()).isCloseTo(sd, within(1e-12));
        assertThat(up.get(0).group()).isEqualTo(Forecast.Group.COMMUNITY);
        assertThat(up.get(0).lastWeek()).isEqualTo(15);
        assertThat(up.get(0).mean()).isCloseTo(8.0, within(1e-12));
        assertThat(up.get(3).sd()).isZero();

        // a record that does not reach back over the three weeks has no history to compare with
        Situation fresh = Fixtures.district();
        for (int i = 0; i < 9; i++) {
            fresh = order(fresh, now.minus(Duration.ofDays(1)), "物业管理", EAST);
        }
        assertThat(Forecast.rising(fresh, now, Forecast.TrendRule.DEFAULT)).isEmpty();
    }
}
