package org.shanzhi.cockpit.domain;

/**
 * An event or command that the situation refuses: an illegal lifecycle transition, an unknown
 * reference, a value out of range. {@code field} names what was wrong, as a path into the event.
 */
public final class Rejection extends RuntimeException {

    private final String field;

    public Rejection(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }

    /** The same rejection with its field placed under {@code prefix} ("payload" → "payload.unitId"). */
    public Rejection under(String prefix) {
        return new Rejection(field == null ? prefix : prefix + "." + field, getMessage());
    }
}
