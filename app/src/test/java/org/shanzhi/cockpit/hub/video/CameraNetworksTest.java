package org.shanzhi.cockpit.hub.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class CameraNetworksTest {

    static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void thePrivateNetworksHoldCamerasButNotTheHubNorTheInternet() throws UnknownHostException {
        CameraNetworks n = CameraNetworks.PRIVATE;
        assertThat(n.allows(ip("10.1.2.3"), 554)).isTrue();
        assertThat(n.allows(ip("172.16.0.1"), 554)).isTrue();
        assertThat(n.allows(ip("172.31.255.254"), 8554)).isTrue();
        assertThat(n.allows(ip("192.168.1.64"), 554)).isTrue();
        assertThat(n.allows(ip("172.32.0.1"), 554)).isFalse();
        assertThat(n.allows(ip("127.0.0.1"), 554)).isFalse();
        assertThat(n.allows(ip("8.8.8.8"), 554)).isFalse();
        assertThat(n.allows(ip("::1"), 554)).isFalse();
        assertThat(n.allows(ip("169.254.169.254"), 80)).isFalse();
        assertThat(n).hasToString("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");
    }

    @Test
    void aNetworkMayBeLimitedToOnePort() throws UnknownHostException {
        CameraNetworks n = CameraNetworks.parse("192.168.1.0/24:554, 127.0.0.1/32");
        assertThat(n.allows(ip("192.168.1.9"), 554)).isTrue();
        assertThat(n.allows(ip("192.168.1.9"), 8554)).isFalse();
        assertThat(n.allows(ip("192.168.2.9"), 554)).isFalse();
        assertThat(n.allows(ip("127.0.0.1"), 8554)).isTrue();
        assertThat(n.allows(ip("127.0.0.2"), 8554)).isFalse();
    }

    @Test
    void ipv6NetworksAndAnEmptyList() throws UnknownHostException {
        CameraNetworks v6 = CameraNetworks.parse("fd00::/8");
        assertThat(v6.allows(ip("fd12::1"), 554)).isTrue();
        assertThat(v6.allows(ip("fe80::1"), 554)).isFalse();
        assertThat(v6.allows(ip("10.0.0.1"), 554)).isFalse();
        assertThat(CameraNetworks.parse("").allows(ip("10.0.0.1"), 554)).isFalse();
    }

    @Test
    void whatIsNotACidrIsRefusedByName() {
        for (String bad : new String[] {"10.0.0.0", "10.0.0.0/33", "300.0.0.0/8", "10.0.0/8", "cameras.local/24",
                "10.0.0.0/8:0", "10.0.0.0/8:70000", "10.0.0.0/8:rtsp", "::1/129"}) {
            assertThatThrownBy(() -> CameraNetworks.parse("192.168.0.0/16," + bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("192.168.1.0/24:554");
        }
    }
}
