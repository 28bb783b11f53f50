package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.json.StreamClose;

/** Each unit's own token: a leader issues and revokes it; it acts for its unit alone. */
class UnitCredentialsTest {

    @TempDir
    Path data;
    TestHub hub;

    @BeforeEach
    void start() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        assertThat(hub.ingest(List.of(new Event.UnitStatusChanged("U-2", UnitStatus.AVL))).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aLeaderIssuesAUnitItsOwnTokenKeptOwnerOnlyBesideTheTokens() throws Exception {
        assertThat(hub.post("/api/v1/units/U-1/credential", Role.OPERATOR, "", null).status()).isEqualTo(403);
        assertThat(hub.post("/api/v1/units/U-404/credential", Role.LEADER, "", null).status()).isEqualTo(404);
        TestHub.Reply issued = hub.post("/api/v1/units/U-1/credential", Role.LEADER, "", null);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("unitId").asText()).isEqualTo("U-1");
        String token = issued.json().get("token").asText();

        Path file = data.resolve("unit-tokens.json");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Json.MAPPER.readTree(file.toFile()).get("U-1").asText()).isEqualTo(token);

        JsonNode me = hub.call("GET", "/api/v1/field/me", token, null, null).json();
        assertThat(me.get("unit").get("id").asText()).isEqualTo("U-1");
        assertThat(me.get("orders")).isEmpty();
        assertThat(me.get("hubTime").asText()).isNotBlank();
        TestHub.Reply shared = hub.get("/api/v1/field/me", Role.FIELD_UNIT);
        assertThat(shared.status()).isEqualTo(403);
        assertThat(shared.json().get("field").asText()).isEqualTo("token");

        // a new one replaces the old, and the audit names both without the token
        String second = hub.unitToken("U-1");
        assertThat(hub.call("GET", "/api/v1/field/me", token, null, null).status()).isEqualTo(401);
        assertThat(hub.call("GET", "/api/v1/field/me", second, null, null).status()).isEqualTo(200);
        JsonNode audit = hub.get("/api/v1/audit", Role.LEADER).json().get("entries");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("issue-credential");
        assertThat(audit.get(0).get("target").asText()).isEqualTo("units/U-1");
        assertThat(audit.toString()).doesNotContain(token).doesNotContain(second);
    }

    @Test
    void aRevokedTokenAnswers401ItsStreamEndsAndARestartedHubKeepsTheOthers() {
        String one = hub.unitToken("U-1");
        String two = hub.unitToken("U-2");
        assertThat(hub.delete("/api/v1/units/U-1/credential", Role.OPERATOR).status()).isEqualTo(403);
        assertThat(hub.delete("/api/v1/units/U-1/credential", Role.LEADER).status()).isEqualTo(204);
        assertThat(hub.delete("/api/v1/units/U-1/credential", Role.LEADER).status()).isEqualTo(404);
        TestHub.Reply revoked = hub.call("GET", "/api/v1/field/me", one, null, null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("field").asText()).isEqualTo("Authorization");
        assertThat(hub.call("GET", "/api/v1/snapshot", one, null, null).status()).isEqualTo(401);
        assertThat(hub.get("/api/v1/audit", Role.LEADER).json().get("entries").get(0).get("action").asText())
                .isEqualTo("revoke-credential");

        try (TestHub.Subscriber stream = hub.subscribe("?since=0", two)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers().size() == 1);
            assertThat(hub.delete("/api/v1/units/U-2/credential", Role.LEADER).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.closeReason != null);
            assertThat(StreamClose.of(stream.closeCode, stream.closeReason)).contains(StreamClose.REVOKED);
        }
        two = hub.unitToken("U-2");

        hub.close();
        hub = new TestHub(data);
        assertThat(hub.call("GET", "/api/v1/field/me", one, null, null).status()).isEqualTo(401);
        assertThat(hub.call("GET", "/api/v1/field/me", two, null, null).json().get("unit").get("id").asText())
                .isEqualTo("U-2");
    }

    @Test
    void aUnitTokenActsForItsOwnUnitOnly() {
        String one = hub.unitToken("U-1");
        String at = "{\"at\":{\"lon\":116.381,\"lat\":39.816}}";
        assertThat(hub.call("POST", "/api/v1/units/U-1/position", one, at, "p-1").status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/units/U-1", Role.VIEWER).json().get("at").get("lon").asDouble()).isEqualTo(116.381);
        TestHub.Reply other = hub.call("POST", "/api/v1/units/U-2/position", one, at, "p-2");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("field").asText()).isEqualTo("id");
        TestHub.Reply shared = hub.post("/api/v1/units/U-1/position", Role.FIELD_UNIT, at, "p-3");
        assertThat(shared.status()).isEqualTo(403);
        assertThat(shared.json().get("field").asText()).isEqualTo("token");
        assertThat(hub.post("/api/v1/units/U-2/position", Role.OPERATOR, at, "p-4").status()).isEqualTo(200);
        // a unit's token reads like the shared one, and writes nothing a seat does
        assertThat(hub.call("GET", "/api/v1/incidents", one, null, null).status()).isEqualTo(200);
        assertThat(hub.call("POST", "/api/v1/instructions", one, "{\"text\":\"x\"}", "i-1").status()).isEqualTo(403);
    }
}
