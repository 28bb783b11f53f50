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

    private static final String TYPE = "\"type\":\"";

    private final Hub hub;
    private final String unitId;
    /** How the unit appears in a payload that names it, as the hub writes JSON. */
    private final String unitField;

    UnitFrames(Hub hub, String unitId) {
        this.hub = hub;
        this.unitId = unitId;
        this.unitField = "\"unitId\":" + Json.write(unitId);
    }

    @Override
    public boolean test(String frame) {
        // most frames are other units' moves: the type and the unit are read off the text, and only the
        // few kinds that need the situation are parsed (a frame is Json.frame's: seq, time, type, payload)
        String type = typeOf(frame);
        return switch (type) {
            case "OrderIssued", "UnitMoved", "UnitStatusChanged", "UnitSos" -> frame.contains(unitField);
            case "OrderAdvanced", "IncidentAdvanced", "InstructionIssued" -> concerns(type, frame);
            default -> false;
        };
    }

    private static String typeOf(String frame) {
        int at = frame.indexOf(TYPE);
        if (at < 0) {
            return "";
        }
        int from = at + TYPE.length();
        int to = frame.indexOf('"', from);
        return to < 0 ? "" : frame.substring(from, to);
    }

    private boolean concerns(String type, String frame) {
        JsonNode p;
        try {
            p = Json.MAPPER.readTree(frame).path("payload");
        } catch (IOException e) {
            return false;
        }
        Situation s = hub.situation();
        if (type.equals("OrderAdvanced")) {
            DispatchOrder o = s.orders().get(p.path("orderId").asText());
            return o != null && unitId.equals(o.unitId());
        }
        return onCase(s, p.path("incidentId").asText(null));
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
