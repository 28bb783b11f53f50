package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.video.VideoLimits;

/** The hub's limits come from its options, and a bad value stops it at start, naming the option. */
class HubOptionsTest {

    static VideoLimits video(String... args) {
        HubCommand hub = new HubCommand();
        new CommandLine(hub).parseArgs(args);
        return hub.options.config(s -> HubClock.system()).limits().video();
    }

    @Test
    void theDefaultsAndTheOptions() {
        assertThat(video()).isEqualTo(VideoLimits.DEFAULT);
        VideoLimits v = video("--max-video-viewers", "40", "--max-virtual-cameras", "9", "--max-relays", "4",
                "--camera-networks", "10.0.0.0/8,192.168.1.0/24:554");
        assertThat(v.maxViewers()).isEqualTo(40);
        assertThat(v.maxVirtualCameras()).isEqualTo(9);
        assertThat(v.maxRelays()).isEqualTo(4);
        assertThat(v.cameraNetworks()).hasToString("10.0.0.0/8,192.168.1.0/24:554");
    }

    @Test
    void aBadValueNamesItsOption() {
        assertThatThrownBy(() -> video("--max-video-viewers", "0")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--max-video-viewers").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> video("--max-relays", "many")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--max-relays");
        assertThatThrownBy(() -> video("--camera-networks", "10.0.0.0/33"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--camera-networks").hasMessageContaining("'10.0.0.0/33' is not a camera network");
        for (String[] bad : new String[][] {{"--max-event-lead", "-PT1M"}, {"--max-event-age", "400 days"},
            {"--max-subscribers", "0"}, {"--stream-stall-seconds", "-1"}, {"--stream-bytes-in-flight", "1e9"},
            {"--order-expire-minutes", "0"}, {"--order-deliver-seconds", "0"}, {"--order-accept-seconds", "-5"}}) {
            assertThatThrownBy(() -> video(bad)).isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageContaining(bad[0]);
        }
    }

    @Test
    void theEventWindowAndTheStream() {
        HubCommand hub = new HubCommand();
        new CommandLine(hub).parseArgs("--max-event-age", "P30D", "--max-event-lead", "PT1M", "--max-subscribers", "300");
        var limits = hub.options.config(s -> HubClock.system()).limits();
        assertThat(limits.eventPast()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(limits.eventFuture()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(limits.maxSubscribers()).isEqualTo(300);
    }

    @Test
    void theOrderTiming() {
        HubCommand hub = new HubCommand();
        new CommandLine(hub).parseArgs();
        assertThat(hub.options.config(s -> HubClock.system()).limits().orderTiming())
                .isEqualTo(org.shanzhi.cockpit.domain.DispatchOrder.Timing.defaults());
        new CommandLine(hub).parseArgs("--order-deliver-seconds", "20", "--order-accept-seconds", "90",
                "--order-expire-minutes", "3");
        assertThat(hub.options.config(s -> HubClock.system()).limits().orderTiming())
                .isEqualTo(new org.shanzhi.cockpit.domain.DispatchOrder.Timing(java.time.Duration.ofSeconds(20),
                        java.time.Duration.ofSeconds(90), java.time.Duration.ofMinutes(3)));
    }

    @Test
    void thePeerHubs() {
        HubCommand hub = new HubCommand();
        new CommandLine(hub).parseArgs();
        assertThat(hub.options.config(s -> HubClock.system()).limits().peerHubs().origins()).isEmpty();
        new CommandLine(hub).parseArgs("--peer-hubs", "http://10.0.0.6:8717/,https://hub-c.example");
        assertThat(hub.options.config(s -> HubClock.system()).limits().peerHubs().origins())
                .containsExactly("http://10.0.0.6:8717", "https://hub-c.example");
        assertThatThrownBy(() -> new CommandLine(new HubCommand()).parseArgs("--peer-hubs", "10.0.0.6:8717"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--peer-hubs")
                .hasMessageContaining("'10.0.0.6:8717' is not");
    }
}
