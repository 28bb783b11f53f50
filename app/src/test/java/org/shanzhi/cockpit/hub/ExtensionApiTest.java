package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;

/** An approved 延期 through the hub: the case's and the order's deadlines move; an earlier one is a 422. */
class ExtensionApiTest {

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
    void anApprovedExtensionMovesTheDeadlineAndAnEarlierOneIsRefusedNamingTheField() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        assertThat(hub.ingest(List.of(
                new Event.IncidentOpened("I-1", "私搭乱建", "违法建设", Incident.Source.GRID_WORKER,
                        Incident.Severity.MEDIUM, IncidentState.REGISTERED, Fixtures.WEST, null, null),
                new Event.IncidentAdvanced("I-1", IncidentState.PENDING_DISPATCH, null),
                new Event.IncidentDispatched("I-1", "U-1"),
                new Event.IncidentAdvanced("I-1", IncidentState.IN_PROGRESS, null),
                new Event.IncidentAdvanced("I-1", IncidentState.POSTPONE_REQUESTED, "需产权单位配合"),
                new Event.ComplaintReceived("C-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "房屋修缮",
                        Complaint.Priority.NORMAL, Fixtures.EAST, null, false),
                new Event.ComplaintAdvanced("C-1", ComplaintState.DISPATCHED),
                new Event.ComplaintAdvanced("C-1", ComplaintState.SIGNED),
                new Event.ComplaintAdvanced("C-1", ComplaintState.CONTACTED),
                new Event.ComplaintAdvanced("C-1", ComplaintState.IN_PROGRESS),
                new Event.ComplaintAdvanced("C-1", ComplaintState.EXTENSION_REQUESTED))).status()).isEqualTo(200);
        Instant caseBefore = Instant.parse(hub.get("/api/v1/incidents/I-1", Role.VIEWER).json().get("deadline").asText());

        TestHub.Reply earlier = hub.ingest(List.of(new Event.ExtensionApproved("I-1", null, caseBefore)));
        assertThat(earlier.status()).isEqualTo(422);
        assertThat(earlier.json().get("field").asText()).endsWith("deadline");

        Instant later = caseBefore.plus(java.time.Duration.ofDays(10));
        assertThat(hub.ingest(List.of(new Event.ExtensionApproved("I-1", null, later),
                new Event.ExtensionApproved(null, "C-1", later))).status()).isEqualTo(200);
        JsonNode i = hub.get("/api/v1/incidents/I-1", Role.VIEWER).json();
        assertThat(i.get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(i.get("deadline").asText())).isEqualTo(later);
        JsonNode c = hub.get("/api/v1/complaints/C-1", Role.VIEWER).json();
        assertThat(c.get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(c.get("deadline").asText())).isEqualTo(later);
        assertThat(c.get("revisits").isArray()).isTrue();
    }
}
