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

        assertThat(day.events).isEqualTo(156_775);
        assertThat(day.sha256).isEqualTo("7ddc915431d389a45f2f47720e3639f23cc06f87cebaa8e143c1b800f469f165");
    }

    @Test
    void eightSparseDaysOfSeed3AreUnchanged() throws Exception {
        // moves and readings thinned out, so that the slow lifecycles (disputes, petitions) are cheap to cover
        Journal week = Journal.of(3, Simulator.DEFAULT_START, Duration.ofDays(8), Duration.ofHours(2), sparse());

        assertThat(week.events).isEqualTo(126_854);
        assertThat(week.sha256).isEqualTo("a98a05913da9827f5dd1cf9d68e178fc6bc5c1bae76b0b61ba080483448816b0");
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
