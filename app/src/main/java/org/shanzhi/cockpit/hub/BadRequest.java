package org.shanzhi.cockpit.hub;

/** A request the hub refuses before anything is written; {@code field} names the culprit. */
public final class BadRequest extends RuntimeException {

    private final String field;
    private final int status;

    public BadRequest(String field, String message) {
        this(400, field, message);
    }

    public BadRequest(int status, String field, String message) {
        super(message, null, false, false);
        this.field = field;
        this.status = status;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
