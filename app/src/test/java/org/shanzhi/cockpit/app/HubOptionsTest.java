package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.video.VideoLimits;

/** The hub's video limits come from its options, and a bad value stops it at start, naming the option. */
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
    }
}
