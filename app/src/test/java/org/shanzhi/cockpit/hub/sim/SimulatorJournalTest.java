package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

/**
 * The journal a seed makes, fingerprinted: every event's time, type and JSON, in order, hashed. A
 * change to the simulator that alters what a seed produces fails here, so that it is made on purpose
 * (and the expected value replaced in the same commit, saying why).
 */
class SimulatorJournalTest {

    @Test
    void theStormDayOfSeed42IsUnchanged() throws Exception {
        Journal day = Journal.of(42, Simulator.DEFAULT_START, Duration.ofHours(24), Duration.ofMinutes(15),
                Simulator.Config.defaults());

        assertThat(day.events).isEqualTo(156_773);
        assertThat(day.sha256).isEqualTo("b496fd1b23fc16907e7644b2b2509523d0c360665d804ed192526458ecd6263e");
    }

    @Test
    void eightSparseDaysOfSeed3AreUnchanged() throws Exception {
        // moves and readings thinned out, so that the slow lifecycles (disputes, petitions) are cheap to cover
        Journal week = Journal.of(3, Simulator.DEFAULT_START, Duration.ofDays(8), Duration.ofHours(2), sparse());

        assertThat(week.events).isEqualTo(127_035);
        assertThat(week.sha256).isEqualTo("1ca0e9fe2a1d42857fc257bc6e68b98e7dbcb0744109f8ca881248cdd373e282");
    }

    static Simulator.Config sparse() {
        Simulator.Config d = Simulator.Config.defaults();
        Devices.Rates hourly = new Devices.Rates(d.devices().cameraFaultsPerDay(), d.devices().cameraRepairMean(),
                Duration.ofHours(1));
        return new Simulator.Config(d.complaints(), d.alerts(), d.cases(), new Crews.Rates(Duration.ofMinutes(10)),
                d.orders(), hourly, d.disputes(), d.petitions(), d.intel(), d.whistles(), d.storm());
    }

    /** A run folded as the hub would, with the hash of what it produced. */
    record Journal(long events, String sha256) {

        static Journal of(long seed, Instant start, Duration length, Duration step, Simulator.Config config)
                throws Exception {
            Situation s = Situation.empty();
            for (var e : HeyiScenario.loadDefault().inventory()) {
                s = s.apply(new Recorded(s.seq() + 1, start, e));
            }
            Simulator sim = new Simulator(HeyiScenario.loadDefault(), seed, config);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long n = 0;
            for (Instant to = start.plus(step); !to.isAfter(start.plus(length)); to = to.plus(step)) {
                for (TimedEvent te : sim.advance(s, to)) {
                    String line = te.time() + "\t" + Json.typeOf(te.event()) + "\t" + Json.write(te.event()) + "\n";
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                    s = s.apply(new Recorded(s.seq() + 1, te.time(), te.event()));
                    n++;
                }
            }
            return new Journal(n, HexFormat.of().formatHex(sha.digest()));
        }
    }
}
