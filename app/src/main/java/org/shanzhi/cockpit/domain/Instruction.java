package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** A 批示: a seat's written instruction, on one case or for the whole street. */
public record Instruction(String id, String incidentId, DispatchOrder.Issuer issuer, String text, Instant at) {
}
