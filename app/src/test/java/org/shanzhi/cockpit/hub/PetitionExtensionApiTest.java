package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.PetitionState;

/** An approved extension of a petition's handling through the hub: the deadline moves, too long is a 422. */
class PetitionExtensionApiTest {

    @TempDir
    Path data;
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void anExtensionMovesTheReplyDeadlineAndMoreThanThirtyDaysIsRefusedNamingTheField() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        assertThat(hub.ingest(List.of(new Event.PetitionRegistered("P-1", Petition.Form.VISIT, 2, "拆迁补偿", null),
                new Event.PetitionAdvanced("P-1", PetitionState.ACCEPTED))).status()).isEqualTo(200);
        JsonNode before = hub.get("/api/v1/petitions/P-1", Role.VIEWER).json();
        assertThat(before.get("decidedAt").isNull()).isFalse();

        assertThat(hub.ingest(List.of(new Event.PetitionExtended("P-1", 20, "涉及多个部门"))).status()).isEqualTo(200);
        JsonNode after = hub.get("/api/v1/petitions/P-1", Role.VIEWER).json();
        assertThat(after.get("extendedDays").asInt()).isEqualTo(20);
        assertThat(java.time.Instant.parse(after.get("replyDeadline").asText())).isEqualTo(
                java.time.Instant.parse(before.get("replyDeadline").asText()).plus(java.time.Duration.ofDays(20)));

        TestHub.Reply tooLong = hub.ingest(List.of(new Event.PetitionExtended("P-1", 11, "再核实")));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("field").asText()).endsWith("days");

        JsonNode kpis = hub.get("/api/v1/kpis", Role.VIEWER).json();
        assertThat(kpis.get("petitionsAccepted30d").get("whole").asInt()).isEqualTo(1);
        assertThat(kpis.get("petitionVisitors30d").get("visitors").asInt()).isEqualTo(2);
        assertThat(kpis.get("petitionVisitors30d").get("basis").get("visitors").asInt()).isEqualTo(34);
    }
}
