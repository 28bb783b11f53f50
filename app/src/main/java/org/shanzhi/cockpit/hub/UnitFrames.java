package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

/**
 * Which stream frames concern one unit, for a subscriber on that unit's own token: its orders'
 * steps, its own moves and status, and the cases it has an order on (their steps and 批示). An
 * order never changes unit and a case never loses an order, so the hub's present situation
 * answers for past frames too (a subscriber resuming by {@code since}).
 */
final class UnitFrames implements Predicate<String> {

    private final Hub hub;
    private final String unitId;

    UnitFrames(Hub hub, String unitId) {
        this.hub = hub;
        this.unitId = unitId;
    }

    @Override
    public boolean test(String frame) {
        JsonNode f;
        try {
            f = Json.MAPPER.readTree(frame);
        } catch (IOException e) {
            return false;
        }
        JsonNode p = f.path("payload");
        Situation s = hub.situation();
        return switch (f.path("type").asText()) {
            case "OrderIssued", "UnitMoved", "UnitStatusChanged", "UnitSos" -> unitId.equals(p.path("unitId").asText());
            case "OrderAdvanced" -> {
                DispatchOrder o = s.orders().get(p.path("orderId").asText());
                yield o != null && unitId.equals(o.unitId());
            }
            case "IncidentAdvanced", "InstructionIssued" -> onCase(s, p.path("incidentId").asText(null));
            default -> false;
        };
    }

    private boolean onCase(Situation s, String incidentId) {
        Incident i = incidentId == null ? null : s.incidents().get(incidentId);
        if (i == null) {
            return false;
        }
        for (String id : i.orderIds()) {
            if (unitId.equals(s.orders().get(id).unitId())) {
                return true;
            }
        }
        return false;
    }
}
